import { Fragment } from "react";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="atlas-muted">leer</span>;
  if (typeof value === "boolean") return <>{value ? "ja" : "nein"}</>;
  if (typeof value === "string" || typeof value === "number") return <>{String(value)}</>;
  return <pre>{JSON.stringify(value, null, 2)}</pre>;
}

function Side({ title, value, other }: { title: string; value: unknown; other: unknown }) {
  return (
    <div>
      <h3 className="kern-heading-small">{title}</h3>
      {value === null || value === undefined ? (
        <p className="kern-body atlas-muted">nichts</p>
      ) : isRecord(value) ? (
        <dl>
          {Object.entries(value).map(([key, entry]) => {
            // Marked in words, so the change is not told by emphasis alone.
            const changed = isRecord(other) && !same(entry, other[key]);
            return (
              <Fragment key={key}>
                <dt>
                  {key}
                  {changed ? <span className="atlas-changed"> (geändert)</span> : null}
                </dt>
                <dd>
                  <Value value={entry} />
                </dd>
              </Fragment>
            );
          })}
        </dl>
      ) : (
        <Value value={value} />
      )}
    </div>
  );
}

/** Before and after of an audit entry side by side, fields that differ marked "(geändert)". */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  return (
    <div className="atlas-audit-change">
      <Side title="Vorher" value={before} other={after} />
      <Side title="Nachher" value={after} other={before} />
    </div>
  );
}
