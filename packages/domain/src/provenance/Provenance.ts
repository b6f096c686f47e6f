import { z } from "zod";

/**
 * How trustworthy a fact is. `demo` values are synthetic and must always be labelled
 * "Demodaten (synthetisch)"; they are a provenance level, never a separate table.
 */
export const ProvenanceQuality = z.enum([
  "sourced",
  "self_reported",
  "provider_confirmed",
  "user",
  "demo",
]);
export type ProvenanceQuality = z.infer<typeof ProvenanceQuality>;

/** German labels for provenance quality levels. */
export const provenanceQualityLabel: Record<ProvenanceQuality, string> = {
  sourced: "Quelle belegt",
  self_reported: "Selbstauskunft",
  provider_confirmed: "vom Dienstleister bestätigt",
  user: "manuell erfasst",
  demo: "Demodaten (synthetisch)",
};

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
    // Tracked on memberships and providers (ADR 0022); absent on the other fact tables.
    /** A cited document (title, file number) where there is no URL, or besides it. */
    sourceDocument: z.string().nullable().optional(),
    /** Date of the evidence (JJJJ-MM-TT; for an imprecise `asOf` the earliest day). */
    evidenceDate: z.string().nullable().optional(),
    /** When the fact was recorded in IT-Atlas (ISO time). */
    recordedAt: z.string().nullable().optional(),
  })
  .meta({ id: "Provenance" });
export type Provenance = z.infer<typeof Provenance>;
