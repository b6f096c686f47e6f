import {
  listMemberships,
  listOffers,
  listOrganisations,
  listProducts,
  listProviders,
  listServiceDomains,
  listSources,
  type Database,
  type LandscapeFilter,
} from "@it-atlas/db";
import {
  membershipRelationLabel,
  organisationTypeLabel,
  productLifecycleLabel,
  provenanceQualityLabel,
  providerKindLabel,
  providerStatusLabel,
  serviceDomainCategoryLabel,
  SOURCING_EXPORT_HEADERS,
  SOURCING_SHEET,
  toSourcingExportRow,
  type ExportCell,
  type Principal,
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

/** The "Bezüge" sheet (same headers as the import template). */
export function sourcingTable(items: readonly Sourcing[]): ExportTable {
  return {
    name: SOURCING_SHEET.sheet,
    headers: SOURCING_EXPORT_HEADERS,
    rows: items.map(toSourcingExportRow),
    widths: Object.fromEntries(
      SOURCING_SHEET.columns.map((column) => [column.header, column.width ?? 14]),
    ),
  };
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
      visibleLandscape(reader, { asOf }, principal),
      listOrganisations(db, { page: 1, pageSize: 10_000 }),
      listProviders(db),
      listMemberships(db, {}),
      listOffers(db, { asOf }),
      listProducts(db),
      listServiceDomains(db),
      listSources(db),
    ]);
  const quality = (value: keyof typeof provenanceQualityLabel) => provenanceQualityLabel[value];
  return [
    sourcingTable(sourcing),
    {
      name: "Kommunen",
      headers: [
        "Schlüssel",
        "ARS",
        "Name",
        "Art",
        "Kreis",
        "Regierungsbezirk",
        "Einwohner (Zensus 2022)",
        "Fläche (km²)",
      ],
      rows: organisations.items.map((organisation): Row => ({
        Schlüssel: organisation.key,
        ARS: organisation.ars,
        Name: organisation.name,
        Art: organisationTypeLabel(organisation),
        Kreis: organisation.kreis?.name ?? null,
        Regierungsbezirk: organisation.regierungsbezirk?.name ?? null,
        "Einwohner (Zensus 2022)": organisation.populationZensus2022,
        "Fläche (km²)": organisation.areaKm2,
      })),
      widths: { Name: 30, Art: 28, Kreis: 24, Regierungsbezirk: 18 },
    },
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
    {
      name: "Mitgliedschaften",
      headers: [
        "Schlüssel",
        "Kommune",
        "IT-Dienstleister",
        "Heutiger Dienstleister",
        "Beziehung",
        "Herleitung",
        "Quelle",
        "Qualität",
      ],
      rows: memberships.map((membership): Row => ({
        Schlüssel: membership.organisation.key,
        Kommune: membership.organisation.name,
        "IT-Dienstleister": membership.provider.id,
        "Heutiger Dienstleister": membership.currentProvider.id,
        Beziehung: membershipRelationLabel[membership.relation],
        Herleitung: membership.derivation,
        Quelle: membership.provenance.sourceId,
        Qualität: quality(membership.provenance.quality),
      })),
      widths: { Kommune: 28 },
    },
    {
      name: "Angebote",
      headers: [
        "IT-Dienstleister",
        "Leistungsbereich",
        "Produkt",
        "Festpreis (€/Jahr)",
        "Preis je Einheit (€)",
        "Kapazität",
        "SLA",
        "Gültig ab",
        "Gültig bis",
        "Qualität",
      ],
      rows: offers.map((offer): Row => ({
        "IT-Dienstleister": offer.provider.id,
        Leistungsbereich: offer.domain.id,
        Produkt: offer.product?.id ?? null,
        "Festpreis (€/Jahr)": offer.fixedPrice,
        "Preis je Einheit (€)": offer.unitPrice,
        Kapazität: offer.capacity,
        SLA: offer.sla,
        "Gültig ab": { date: offer.validFrom },
        "Gültig bis": offer.validTo ? { date: offer.validTo } : null,
        Qualität: quality(offer.provenance.quality),
      })),
    },
    {
      name: "Produkte",
      headers: ["Kennung", "Name", "Hersteller", "Lebenszyklus", "Leistungsbereiche", "Qualität"],
      rows: products.map((product): Row => ({
        Kennung: product.id,
        Name: product.name,
        Hersteller: product.vendor,
        Lebenszyklus: productLifecycleLabel[product.lifecycle],
        Leistungsbereiche: product.domainIds.join(", "),
        Qualität: quality(product.provenance.quality),
      })),
      widths: { Name: 30, Hersteller: 24, Leistungsbereiche: 40 },
    },
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
