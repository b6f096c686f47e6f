import { provenanceQualityLabel } from "@it-atlas/domain";
import type { Schemas } from "../api/client.ts";
import { formatDateTime, formatIsoDate } from "./format.ts";

type Provenance = Schemas["OrganisationDetail"]["provenance"];

/** Short provenance line: quality, source id (linked to the source list), as-of and URLs. */
export function SourceNote({ provenance }: { provenance: Provenance }) {
  return (
    <span className="atlas-source-note">
      <span
        className={`kern-badge ${provenance.quality === "demo" ? "kern-badge--warning" : "kern-badge--info"}`}
      >
        <span className="kern-label">{provenanceQualityLabel[provenance.quality]}</span>
      </span>{" "}
      {provenance.sourceId ? (
        <a className="kern-link kern-link--small" href={`/quellen#${provenance.sourceId}`}>
          Quelle {provenance.sourceId}
        </a>
      ) : null}
      {provenance.asOf ? (
        <span className="kern-body--small"> · Stand {formatIsoDate(provenance.asOf)}</span>
      ) : null}
      {provenance.evidenceDate &&
      provenance.evidenceDate !== provenance.asOf &&
      formatIsoDate(provenance.evidenceDate) !== provenance.asOf ? (
        <span className="kern-body--small">
          {" "}
          · Beleg vom {formatIsoDate(provenance.evidenceDate)}
        </span>
      ) : null}
      {provenance.sourceDocument ? (
        <span className="kern-body--small"> · Dokument: {provenance.sourceDocument}</span>
      ) : null}
      {provenance.sourceUrls.map((url, index) => (
        <span key={url}>
          {" · "}
          <a className="kern-link kern-link--small" href={url} rel="noreferrer">
            Beleg {index + 1}
            <span className="atlas-visually-hidden"> (externe Seite)</span>
          </a>
        </span>
      ))}
      {provenance.recordedAt ? (
        <span className="kern-body--small"> · erfasst {formatDateTime(provenance.recordedAt)}</span>
      ) : null}
    </span>
  );
}
