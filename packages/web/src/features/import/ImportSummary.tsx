import type { ImportResult } from "@it-atlas/domain";
import { formatInteger } from "../../ui/format.ts";

/** Counts of new, changed, unchanged and invalid rows. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const items: Array<[string, number]> = [
    ["Neu", result.counts.new],
    ["Geändert", result.counts.changed],
    ["Unverändert", result.counts.unchanged],
    ["Fehlerhaft", result.counts.invalid],
  ];
  return (
    <dl className="atlas-import-counts">
      {items.map(([label, count]) => (
        <div
          key={label}
          className={
            label === "Fehlerhaft" && count > 0 ? "atlas-import-counts__invalid" : undefined
          }
        >
          <dt className="kern-body kern-body--small">{label}</dt>
          <dd className="kern-heading-small">{formatInteger(count)}</dd>
        </div>
      ))}
    </dl>
  );
}
