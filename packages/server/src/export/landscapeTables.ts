import {
  listMembershipRecords,
  listOfferRecords,
  listOrganisationRecords,
  listProducts,
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
      })),
      widths: { Name: 40 },
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
      ],
      rows: domains.map((domain): Row => ({
        Kennung: domain.id,
        Name: domain.name,
        Gruppe: domain.parentId,
        Kategorie: serviceDomainCategoryLabel[domain.category],
        Mengeneinheit: domain.volumeUnit,
        Zuständig: domain.responsibleTypes.join(", "),
        Rechtsgrundlage: domain.responsibilityBasis,
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
      ],
      rows: sources.map((source): Row => ({
        Kennung: source.id,
        Titel: source.title,
        Herausgeber: source.publisher,
        URL: source.url,
        Lizenz: source.licence,
        Namensnennung: source.attribution,
        Stand: source.asOf,
        Hinweis: source.note,
      })),
      widths: { Titel: 40, URL: 40, Namensnennung: 40, Hinweis: 40 },
    },
  ];
}
