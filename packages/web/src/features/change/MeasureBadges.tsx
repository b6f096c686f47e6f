import { Icon } from "../../ui/Icon.tsx";
import type { Measure } from "./changeQueries.ts";
import { STATUS_LABEL } from "./measureFormValues.ts";

/** The status as text with a tag (colour only repeats the word). */
export function StatusText({ status }: { status: Measure["status"] }) {
  return (
    <span className={`atlas-measure-status atlas-measure-status--${status}`}>
      {STATUS_LABEL[status]}
    </span>
  );
}

/** Overdue and blocked as words with a symbol, never by colour alone. */
export function ScheduleBadges({
  measure,
  critical = false,
}: {
  measure: Pick<Measure, "overdue" | "blocked">;
  critical?: boolean;
}) {
  return (
    <>
      {measure.overdue ? (
        <span className="atlas-flag atlas-flag--overdue">
          <Icon name="warning" size={1} /> überfällig
        </span>
      ) : null}
      {measure.blocked ? (
        <span className="atlas-flag atlas-flag--blocked">
          <Icon name="blocked" size={1} /> blockiert
        </span>
      ) : null}
      {critical ? (
        <span className="atlas-flag atlas-flag--critical">
          <Icon name="diamond" size={1} /> kritischer Pfad
        </span>
      ) : null}
    </>
  );
}
