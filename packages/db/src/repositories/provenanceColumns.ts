import type { Provenance, ProvenanceQuality } from "@it-atlas/domain";

/** Provenance columns that every fact table has. */
export interface ProvenanceColumns {
  source_id: string | null;
  source_urls: string[] | null;
  as_of: string | null;
  evidence: string | null;
  quality: ProvenanceQuality;
}

/** Maps a row's provenance columns to the domain value. */
export function toProvenance(row: ProvenanceColumns): Provenance {
  return {
    sourceId: row.source_id,
    sourceUrls: row.source_urls ?? [],
    asOf: row.as_of,
    evidence: row.evidence,
    quality: row.quality,
  };
}
