import { z } from "zod";

/**
 * How trustworthy a fact is — the single source of the quality scale (issue 14, ADR 0024):
 * every table's `quality` CHECK lists exactly these values (a test compares them).
 * - `official`: official statistics or an official register (e.g. the Zensus population);
 * - `sourced`: a cited public source (press, council papers, statutes, websites);
 * - `self_reported`: the Kommune said so (survey, its own editor);
 * - `provider_confirmed`: the IT-Dienstleister confirmed it;
 * - `user`: entered by hand in IT-Atlas (administrators, imports);
 * - `estimated`: an estimate, not a measured or reported value;
 * - `demo`: synthetic; always labelled "Demodaten (synthetisch)" — a provenance level, never a
 *   separate table (ADR 0021).
 */
export const ProvenanceQuality = z.enum([
  "official",
  "sourced",
  "self_reported",
  "provider_confirmed",
  "user",
  "estimated",
  "demo",
]);
export type ProvenanceQuality = z.infer<typeof ProvenanceQuality>;

/** German labels for provenance quality levels (shown next to every fact and in exports). */
export const provenanceQualityLabel: Record<ProvenanceQuality, string> = {
  official: "amtlich",
  sourced: "belegt",
  self_reported: "selbst gemeldet",
  provider_confirmed: "vom Dienstleister bestätigt",
  user: "manuell erfasst",
  estimated: "geschätzt",
  demo: "Demodaten (synthetisch)",
};

/** The people's label of synthetic values, the same words in every output (ADR 0021). */
export const DEMO_LABEL = provenanceQualityLabel.demo;

/**
 * The „Qualität“ of a value derived from several facts (a sum, a plan, a suggestion): the demo
 * label when any synthetic fact went into it, otherwise that it rests on recorded facts only.
 */
export function derivedQualityLabel(demo: boolean): string {
  return demo ? DEMO_LABEL : "ohne Demodaten";
}

/** A dataset or publication that facts are taken from (see data/SOURCES.md). */
export const Source = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    licence: z.string().nullable(),
    attribution: z.string().nullable(),
    asOf: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: "Source" });
export type Source = z.infer<typeof Source>;

/** Provenance of one fact: where it comes from, as of when, and the evidence. */
export const Provenance = z
  .object({
    sourceId: z.string().nullable(),
    sourceUrls: z.array(z.string()),
    asOf: z.string().nullable(),
    evidence: z.string().nullable(),
    quality: ProvenanceQuality,
    // Tracked on memberships, providers (ADR 0022), organisation attributes and provider events
    // (ADR 0024); absent on the other fact tables.
    /** A cited document (title, file number) where there is no URL, or besides it. */
    sourceDocument: z.string().nullable().optional(),
    /** Date of the evidence (JJJJ-MM-TT; for an imprecise `asOf` the earliest day). */
    evidenceDate: z.string().nullable().optional(),
    /** When the fact was recorded in IT-Atlas (ISO time). */
    recordedAt: z.string().nullable().optional(),
  })
  .meta({ id: "Provenance" });
export type Provenance = z.infer<typeof Provenance>;
