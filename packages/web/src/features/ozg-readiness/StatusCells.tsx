import { adoptionStatusLabel, type AdoptionStatus } from "@it-atlas/domain";
import type { Schemas } from "../../api/client.ts";
import { formatIsoDate } from "../../ui/format.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { STATUS_COLOR } from "./readinessColouring.ts";

/** A status in words with its colour swatch (the colour is never the only carrier). */
export function StatusText({ status }: { status: AdoptionStatus }) {
  return (
    <span className="atlas-status">
      <span
        className="atlas-legend__swatch"
        style={{ background: status === "offen" ? STATUS_COLOR.offen : STATUS_COLOR[status] }}
        aria-hidden="true"
      />
      {adoptionStatusLabel[status]}
    </span>
  );
}

/** Date and source of a record, with the demo badge for synthetic ones. */
export function RecordSource({
  record,
}: {
  record: Schemas["Adoption"] | Schemas["Onboarding"] | null;
}) {
  if (!record) return <>–</>;
  return (
    <>
      {formatIsoDate(record.informationDate)}
      {record.informationSource && !record.demo ? ` · ${record.informationSource}` : ""}
      {record.demo ? (
        <>
          {" "}
          <DemoBadge small />
        </>
      ) : null}
    </>
  );
}
