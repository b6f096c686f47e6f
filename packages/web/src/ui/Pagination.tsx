import { formatInteger } from "./format.ts";

/** Page navigation for server-paged lists. */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  label = "Seitennavigation",
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="atlas-pagination" aria-label={label}>
      <p className="kern-body" aria-live="polite">
        {formatInteger(first)}–{formatInteger(last)} von {formatInteger(total)} · Seite {page} von{" "}
        {pages}
      </p>
      <div className="atlas-pagination__buttons">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          <span className="kern-label">Vorherige Seite</span>
        </button>
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          <span className="kern-label">Nächste Seite</span>
        </button>
      </div>
    </nav>
  );
}
