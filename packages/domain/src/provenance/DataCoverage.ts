import { z } from "zod";
import { ProvenanceQuality } from "./Provenance.ts";

/** Default age after which a Kommune's newest evidence counts as „veraltet“. */
export const DEFAULT_STALE_AFTER_MONTHS = 24;

/** The Datenlage of one Kommune or Kreis. */
export const DataCoverageRow = z
  .object({
    key: z.string(),
    name: z.string(),
    kind: z.enum(["gemeinde", "kreis"]),
    kreisKey: z.string().nullable(),
    /** Leistungsbereiche of the IT-Landkarte. */
    domainsTotal: z.number().int(),
    /** Leistungsbereiche with a current entry that is not demo data. */
    domainsWithEntry: z.number().int(),
    /** domainsWithEntry / domainsTotal (0–1). */
    share: z.number(),
    /** Newest date of evidence among its facts (memberships, entries); null: none. */
    newestEvidence: z.string().nullable(),
    /** Whole days from the newest evidence to the day of the assessment. */
    ageDays: z.number().int().nullable(),
    /** No evidence, or the newest is older than the configured age. */
    stale: z.boolean(),
    /** How many of its facts have each quality. */
    qualities: z.record(ProvenanceQuality, z.number().int()),
  })
  .meta({ id: "DataCoverageRow" });
export type DataCoverageRow = z.infer<typeof DataCoverageRow>;

/** The facts of one Kommune that its Datenlage is computed from. */
export interface DataCoverageFacts {
  key: string;
  name: string;
  kind: "gemeinde" | "kreis";
  kreisKey: string | null;
  domainsWithEntry: number;
  newestEvidence: string | null;
  qualities: Partial<Record<ProvenanceQuality, number>>;
}

const DAY_MS = 86_400_000;

/** The day `months` calendar months before `today` (both JJJJ-MM-TT). */
export function monthsBefore(today: string, months: number): string {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Share of Leistungsbereiche with an entry, age of the newest evidence, mix of qualities and
 * the „veraltet“ mark (no evidence, or the newest is older than `staleAfterMonths`).
 */
export function assessDataCoverage(
  facts: DataCoverageFacts,
  options: { today: string; staleAfterMonths: number; domainsTotal: number },
): DataCoverageRow {
  const ageDays =
    facts.newestEvidence === null
      ? null
      : Math.max(
          0,
          Math.round((Date.parse(options.today) - Date.parse(facts.newestEvidence)) / DAY_MS),
        );
  const qualities = Object.fromEntries(
    ProvenanceQuality.options.map((quality) => [quality, facts.qualities[quality] ?? 0]),
  ) as Record<ProvenanceQuality, number>;
  return {
    key: facts.key,
    name: facts.name,
    kind: facts.kind,
    kreisKey: facts.kreisKey,
    domainsTotal: options.domainsTotal,
    domainsWithEntry: facts.domainsWithEntry,
    share: options.domainsTotal === 0 ? 0 : facts.domainsWithEntry / options.domainsTotal,
    newestEvidence: facts.newestEvidence,
    ageDays,
    stale:
      facts.newestEvidence === null ||
      facts.newestEvidence < monthsBefore(options.today, options.staleAfterMonths),
    qualities,
  };
}

/**
 * The `count` Kommunen with the weakest Datenlage, weakest first: the smallest share of
 * Leistungsbereiche with an entry, then „veraltet“ before current, then the oldest (or no)
 * evidence; the key breaks ties. The selection a Bedarfserhebung starts from.
 */
export function weakestDataCoverage<
  Row extends Pick<DataCoverageRow, "key" | "share" | "stale" | "ageDays">,
>(rows: readonly Row[], count: number): Row[] {
  const age = (row: Row) => row.ageDays ?? Number.POSITIVE_INFINITY;
  return [...rows]
    .sort(
      (a, b) =>
        a.share - b.share ||
        Number(b.stale) - Number(a.stale) ||
        (age(b) === age(a) ? 0 : age(b) > age(a) ? 1 : -1) ||
        a.key.localeCompare(b.key),
    )
    .slice(0, Math.max(0, count));
}
