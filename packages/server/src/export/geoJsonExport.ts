import { listBoundaries, listOrganisations, type Database } from "@it-atlas/db";
import {
  operatingModelLabel,
  organisationTypeLabel,
  provenanceQualityLabel,
  type Principal,
} from "@it-atlas/domain";
import { z } from "zod";
import type { LandscapeReader } from "../services/landscapeService.ts";
import { visibleLandscape } from "./landscapeTables.ts";

/** The geometries are the BKG's VG250, changed (simplified); dl-de/by-2-0 asks for this line. */
export const BKG_ATTRIBUTION = "© GeoBasis-DE / BKG (Daten verändert)";
const DEMO_NOTE =
  "Enthält Demodaten (synthetisch): Betriebsmodell, Dienstleister, Produkt und Jahreskosten sind erfunden, wo demo = true.";

/** Attributes a GeoJSON export can carry per Kommune; sourcing attributes need a domain. */
export const GeoJsonAttribute = z.enum([
  "name",
  "art",
  "ars",
  "kreis",
  "regierungsbezirk",
  "einwohner",
  "flaeche",
  "betriebsmodell",
  "dienstleister",
  "produkt",
  "jahreskosten",
]);
export type GeoJsonAttribute = z.infer<typeof GeoJsonAttribute>;

const SOURCING_ATTRIBUTES = new Set<GeoJsonAttribute>([
  "betriebsmodell",
  "dienstleister",
  "produkt",
  "jahreskosten",
]);

/** Options of a GeoJSON export. */
export interface GeoJsonOptions {
  level: "gemeinde" | "kreis";
  attributes: readonly GeoJsonAttribute[];
  /** Leistungsbereich for the sourcing attributes. */
  domain?: string | undefined;
  asOf: string;
}

/**
 * Kommunen as a GeoJSON FeatureCollection (WGS84, RFC 7946) with the chosen attributes.
 * Sourcing attributes describe one Leistungsbereich as of a day; annual costs are null where
 * the principal may not see them.
 */
export async function exportKommunenGeoJson(
  db: Database,
  reader: LandscapeReader,
  options: GeoJsonOptions,
  principal: Principal,
): Promise<string> {
  const wantsSourcing = options.attributes.some((attribute) => SOURCING_ATTRIBUTES.has(attribute));
  const [boundaries, organisations, sourcing] = await Promise.all([
    listBoundaries(db, options.level),
    listOrganisations(db, { page: 1, pageSize: 10_000 }),
    wantsSourcing && options.domain
      ? visibleLandscape(reader, { asOf: options.asOf, domain: options.domain }, principal)
      : Promise.resolve([]),
  ]);
  const byKey = new Map(
    organisations.items.map((organisation) => [organisation.key, organisation]),
  );
  const sourcingByKey = new Map(sourcing.map((item) => [item.organisation.ags, item]));
  const features = boundaries.features.map((feature) => {
    const organisation = byKey.get(feature.id);
    const item = sourcingByKey.get(feature.id);
    const values: Record<GeoJsonAttribute, unknown> = {
      name: organisation?.name ?? feature.properties.name,
      art: organisation ? organisationTypeLabel(organisation) : null,
      ars: organisation?.ars ?? null,
      kreis: organisation?.kreis?.name ?? null,
      regierungsbezirk: organisation?.regierungsbezirk?.name ?? null,
      einwohner: organisation?.populationZensus2022 ?? null,
      flaeche: organisation?.areaKm2 ?? null,
      betriebsmodell: item ? operatingModelLabel[item.operatingModel] : null,
      dienstleister: item?.provider?.shortName ?? null,
      produkt: item?.product?.name ?? null,
      jahreskosten: item?.annualCost ?? null,
    };
    const properties: Record<string, unknown> = { ags: feature.id };
    for (const attribute of options.attributes) properties[attribute] = values[attribute];
    // The label travels with the number: sourcing values of a synthetic row say so.
    if (wantsSourcing) {
      properties.demo = item?.demo ?? false;
      properties.qualitaet = item ? provenanceQualityLabel[item.provenance.quality] : null;
    }
    return { type: "Feature", id: feature.id, properties, geometry: feature.geometry };
  });
  const demo = wantsSourcing && sourcing.some((item) => item.demo);
  return JSON.stringify({
    type: "FeatureCollection",
    // Foreign members (RFC 7946, 6.1): the licence's attribution and the demo label.
    attribution: BKG_ATTRIBUTION,
    ...(demo ? { demo: true, hinweis: DEMO_NOTE } : {}),
    features,
  });
}
