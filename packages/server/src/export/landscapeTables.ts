import {
  listMembershipRecords,
  listOfferRecords,
  listOrganisationRecords,
  listProducts,
  listProviderEvents,
  listProviders,
  listServiceDomains,
  listSources,
  type Database,
  type LandscapeFilter,
} from "@it-atlas/db";
import {
  MEMBERSHIP_SHEET,
  OFFER_SHEET,
  ORGANISATION_SHEET,
  PRODUCT_SHEET,
  DEMO_LABEL,
  provenanceQualityLabel,
  providerEventTypeLabel,
  providerKindLabel,
  providerStatusLabel,
  serviceDomainCategoryLabel,
  SOURCING_EXPORT_HEADERS,
  SOURCING_SHEET,
  toMembershipExportRow,
  toOfferExportRow,
  toOrganisationExportRow,
  toProductExportRow,
  toSourcingExportRow,
  type ExportCell,
  type ImportEntity,
  type Principal,
  type Provenance,
  type SheetSpec,
  type Sourcing,
} from "@it-atlas/domain";
import { redactFor, type LandscapeReader } from "../services/landscapeService.ts";
import type { ExportTable } from "./writeSheet.ts";

/** Filters of an export: those of /api/landscape without paging. */
export type ExportFilter = Omit<LandscapeFilter, "page" | "pageSize">;

/** The landscape rows a principal may see, confidential figures redacted. */
export async function visibleLandscape(
  reader: LandscapeReader,
  filter: ExportFilter,
  principal: Principal,
): Promise<Sourcing[]> {
  return redactFor(principal, await reader.all(filter));
}

/** A sheet with the headers, order and widths of an import template, so it imports again. */
export function specTable(
  spec: SheetSpec,
  rows: ReadonlyArray<Record<string, ExportCell>>,
): ExportTable {
  return {
    name: spec.sheet,
    headers: spec.columns.map((column) => column.header),
    rows,
    widths: Object.fromEntries(spec.columns.map((column) => [column.header, column.width ?? 14])),
  };
}

/** The "Bezüge" sheet (same headers as the import template). */
export function sourcingTable(items: readonly Sourcing[]): ExportTable {
  return {
    ...specTable(SOURCING_SHEET, items.map(toSourcingExportRow)),
    headers: SOURCING_EXPORT_HEADERS,
  };
}

/**
 * One importable entity as a sheet with the template's columns (export → edit → import).
 * Kommunen, products and memberships are public; offers are shown to every signed-in user;
 * Bezüge are redacted for the principal.
 */
export async function entityTable(
  db: Database,
  reader: LandscapeReader,
  entity: ImportEntity,
  asOf: string,
  principal: Principal,
): Promise<ExportTable> {
  switch (entity) {
    case "organisations":
      return specTable(
        ORGANISATION_SHEET,
        (await listOrganisationRecords(db)).map(toOrganisationExportRow),
      );
    case "products":
      return specTable(PRODUCT_SHEET, (await listProducts(db)).map(toProductExportRow));
    case "memberships":
      return specTable(
        MEMBERSHIP_SHEET,
        (await listMembershipRecords(db)).map(toMembershipExportRow),
      );
    case "offers":
      return specTable(OFFER_SHEET, (await listOfferRecords(db, asOf)).map(toOfferExportRow));
    case "sourcing":
      return sourcingTable(await visibleLandscape(reader, { asOf }, principal));
  }
}

type Row = Record<string, ExportCell>;

/** Source id, URLs and document of a fact as one cell. */
function sourceCell(provenance: Provenance): string | null {
  const parts = [provenance.sourceId, ...provenance.sourceUrls, provenance.sourceDocument ?? null];
  const present = parts.filter((part): part is string => part !== null && part !== "");
  return present.length > 0 ? present.join(" | ") : null;
}

/** The provenance columns every fact sheet ends with (ADR 0024). */
const PROVENANCE_HEADERS = ["Qualität", "Quelle", "Datum des Belegs", "Erfasst am"] as const;

function provenanceCells(provenance: Provenance): Row {
  return {
    Qualität: provenanceQualityLabel[provenance.quality],
    Quelle: sourceCell(provenance),
    "Datum des Belegs": provenance.evidenceDate ? { date: provenance.evidenceDate } : null,
    "Erfasst am": provenance.recordedAt ?? null,
  };
}

/**
 * Every entity of the landscape as of a day, one table each, plus the sources. Sourcing is
 * redacted for the principal; the other tables are public facts or, like offers, shown to
 * every signed-in user by the API as well.
 */
export async function landscapeWorkbookTables(
  db: Database,
  reader: LandscapeReader,
  asOf: string,
  principal: Principal,
): Promise<ExportTable[]> {
  const [sourcing, organisations, providers, memberships, offers, products, domains, sources] =
    await Promise.all([
      entityTable(db, reader, "sourcing", asOf, principal),
      entityTable(db, reader, "organisations", asOf, principal),
      listProviders(db),
      entityTable(db, reader, "memberships", asOf, principal),
      entityTable(db, reader, "offers", asOf, principal),
      entityTable(db, reader, "products", asOf, principal),
      listServiceDomains(db),
      listSources(db),
    ]);
  const events = await listProviderEvents(db);
  // Every sheet has a „Qualität“ column; synthetic rows say „Demodaten (synthetisch)“ there.
  const withDemo = [sourcing, products, offers, memberships].some((table) =>
    table.rows.some((row) => row["Qualität"] === DEMO_LABEL),
  );
  return [
    sourcing,
    organisations,
    {
      name: "IT-Dienstleister",
      headers: [
        "Kennung",
        "Kurzname",
        "Name",
        "Art",
        "Rechtsform",
        "Sitz",
        "Status",
        "Nachfolger",
        "Mitglieder",
        ...PROVENANCE_HEADERS,
      ],
      rows: providers.map((provider): Row => ({
        Kennung: provider.id,
        Kurzname: provider.shortName,
        Name: provider.name,
        Art: providerKindLabel[provider.kind],
        Rechtsform: provider.legalForm,
        Sitz: provider.seat,
        Status: providerStatusLabel[provider.status],
        Nachfolger: provider.successor?.id ?? null,
        Mitglieder: provider.memberCount,
        ...provenanceCells(provider.provenance),
      })),
      widths: { Name: 40, Quelle: 30 },
    },
    {
      name: "Ereignisse",
      headers: [
        "Datum",
        "Art",
        "IT-Dienstleister",
        "Ergebnis",
        "Beschreibung",
        "Stand",
        ...PROVENANCE_HEADERS,
      ],
      rows: events.map((event): Row => ({
        Datum: event.date.text,
        Art: providerEventTypeLabel[event.type],
        "IT-Dienstleister": event.providers.map((provider) => provider.id).join(", "),
        Ergebnis: event.target?.id ?? null,
        Beschreibung: event.description,
        Stand: event.provenance.asOf,
        ...provenanceCells(event.provenance),
      })),
      widths: { Beschreibung: 60, Quelle: 40 },
    },
    memberships,
    offers,
    products,
    {
      name: "Leistungsbereiche",
      headers: [
        "Kennung",
        "Name",
        "Gruppe",
        "Kategorie",
        "Mengeneinheit",
        "Zuständig",
        "Rechtsgrundlage",
        "Qualität",
      ],
      // The catalogue of data/leistungsbereiche.csv, each responsibility with its legal basis.
      rows: domains.map((domain): Row => ({
        Kennung: domain.id,
        Name: domain.name,
        Gruppe: domain.parentId,
        Kategorie: serviceDomainCategoryLabel[domain.category],
        Mengeneinheit: domain.volumeUnit,
        Zuständig: domain.responsibleTypes.join(", "),
        Rechtsgrundlage: domain.responsibilityBasis,
        Qualität: provenanceQualityLabel.sourced,
      })),
      widths: { Name: 34, Rechtsgrundlage: 50 },
    },
    {
      name: "Quellen",
      headers: [
        "Kennung",
        "Titel",
        "Herausgeber",
        "URL",
        "Lizenz",
        "Namensnennung",
        "Stand",
        "Hinweis",
        "Qualität",
      ],
      rows: [
        ...sources.map((source): Row => ({
          Kennung: source.id,
          Titel: source.title,
          Herausgeber: source.publisher,
          URL: source.url,
          Lizenz: source.licence,
          Namensnennung: source.attribution,
          Stand: source.asOf,
          Hinweis: source.note,
          Qualität: "Quelle",
        })),
        // Synthetic values are no source; while they are loaded, the list says where they are.
        ...(withDemo
          ? [
              {
                Kennung: null,
                Titel: DEMO_LABEL,
                Herausgeber: "IT-Atlas NRW (Demo-Generator)",
                URL: null,
                Lizenz: null,
                Namensnennung: null,
                Stand: null,
                Hinweis:
                  "Synthetische Werte zum Ausprobieren, keine Tatsachen; in den Blättern mit „Qualität“ = „Demodaten (synthetisch)“ gekennzeichnet.",
                Qualität: DEMO_LABEL,
              },
            ]
          : []),
      ],
      widths: { Titel: 40, URL: 40, Namensnennung: 40, Hinweis: 40 },
    },
  ];
}
