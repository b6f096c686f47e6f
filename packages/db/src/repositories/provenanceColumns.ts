import type { Provenance, ProvenanceQuality } from "@it-atlas/domain";

/** Provenance columns that every fact table has. */
export interface ProvenanceColumns {
  source_id: string | null;
  source_urls: string[] | null;
  as_of: string | null;
  evidence: string | null;
  quality: ProvenanceQuality;
  /** Only on the tables that track them (membership, provider). */
  source_document?: string | null;
  evidence_date?: string | Date | null;
  recorded_at?: string | Date | null;
}

function isoDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.slice(0, 10);
  const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

function isoTime(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (typeof value === "string" ? new Date(value) : value).toISOString();
}

/** Maps a row's provenance columns to the domain value. */
export function toProvenance(row: ProvenanceColumns): Provenance {
  return {
    sourceId: row.source_id,
    sourceUrls: row.source_urls ?? [],
    asOf: row.as_of,
    evidence: row.evidence,
    quality: row.quality,
    sourceDocument: row.source_document ?? null,
    evidenceDate: isoDate(row.evidence_date),
    recordedAt: isoTime(row.recorded_at),
  };
}
