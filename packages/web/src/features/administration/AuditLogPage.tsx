import { useEffect, useId, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { Pagination } from "../../ui/Pagination.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { FormField } from "../sourcing/FormField.tsx";
import { auditCsvHref, useAudit } from "./auditQueries.ts";
import { ENTITY_TYPE_LABEL } from "./auditLabels.ts";
import { AuditTable } from "./AuditTable.tsx";
import "./administration.css";
import "../sourcing/sourcing.css";

const PAGE_SIZE = 50;

/**
 * The audit trail (administrators): who changed what, when and by which way, with before and
 * after. Filters and page live in the URL (?objektart=&objekt=&seite=) so a view can be shared;
 * the CSV export uses the same filters.
 */
export function AuditLogPage() {
  usePageTitle("Prüfprotokoll");
  const prefix = useId();
  const [params, setParams] = useSearchParams();
  const entityType = params.get("objektart") ?? "";
  const entityId = params.get("objekt") ?? "";
  const page = Math.max(1, Number(params.get("seite")) || 1);
  const [draft, setDraft] = useState({ entityType, entityId });
  useEffect(() => setDraft({ entityType, entityId }), [entityType, entityId]);

  const filter = {
    ...(entityType ? { entityType } : {}),
    ...(entityId ? { entityId } : {}),
  };
  const audit = useAudit({ ...filter, page, pageSize: PAGE_SIZE });

  const apply = (next: { entityType: string; entityId: string; page?: number }) => {
    const query = new URLSearchParams();
    if (next.entityType) query.set("objektart", next.entityType);
    if (next.entityId.trim()) query.set("objekt", next.entityId.trim());
    if (next.page && next.page > 1) query.set("seite", String(next.page));
    setParams(query);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };

  const known = Object.keys(ENTITY_TYPE_LABEL);
  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">Verwaltung › Prüfprotokoll</p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Prüfprotokoll
      </h1>
      <p className="kern-body">
        Jede Änderung im Atlas – über die Oberfläche, die API, Importe oder die Kommandozeile – mit
        Zeitpunkt, handelnder Person und dem Stand vorher und nachher. Einträge lassen sich nicht
        ändern oder löschen.
      </p>

      <form
        className="atlas-filters"
        role="search"
        aria-label="Prüfprotokoll filtern"
        onSubmit={submit}
      >
        <FormField id={`${prefix}-type`} label="Objektart">
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className="kern-form-input__select"
                value={draft.entityType}
                onChange={(event) => setDraft({ ...draft, entityType: event.target.value })}
              >
                <option value="">alle</option>
                {[
                  ...known,
                  ...(draft.entityType && !known.includes(draft.entityType)
                    ? [draft.entityType]
                    : []),
                ].map((type) => (
                  <option key={type} value={type}>
                    {ENTITY_TYPE_LABEL[type] ?? type}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
        <FormField
          id={`${prefix}-id`}
          label="Objekt-ID"
          hint="Wie im Protokoll, z. B. 3 (Konto) oder 05766020/einwohnerwesen (Bezug)"
          optional
        >
          {(control) => (
            <input
              {...control}
              className="kern-form-input__input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.entityId}
              onChange={(event) => setDraft({ ...draft, entityId: event.target.value })}
            />
          )}
        </FormField>
        <div className="atlas-filters__actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">Filtern</span>
          </button>
          {entityType || entityId ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => apply({ entityType: "", entityId: "" })}
            >
              <span className="kern-label">Filter zurücksetzen</span>
            </button>
          ) : null}
          <a className="kern-btn kern-btn--tertiary" href={auditCsvHref(filter)} download>
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            <span className="kern-label">Als CSV exportieren</span>
          </a>
        </div>
      </form>

      <section aria-labelledby="eintraege">
        <h2 id="eintraege" className="kern-heading-medium">
          Einträge
        </h2>
        {audit.isPending ? <LoadingState /> : null}
        {audit.isError ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        ) : null}
        {audit.data && audit.data.items.length === 0 ? (
          <EmptyState>
            {entityType || entityId
              ? "Zu diesen Filtern gibt es keine Einträge."
              : "Das Prüfprotokoll ist noch leer."}
          </EmptyState>
        ) : null}
        {audit.data && audit.data.items.length > 0 ? (
          <>
            <AuditTable entries={audit.data.items} />
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={audit.data.total}
              label="Seiten des Prüfprotokolls"
              onPage={(next) => apply({ entityType, entityId, page: next })}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
