import { can } from "@it-atlas/domain";
import { useState } from "react";
import type { Schemas } from "../../api/client.ts";
import { formatIsoDate } from "../../ui/format.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { DemoBanner } from "./DemoBanner.tsx";
import { ModalDialog } from "./ModalDialog.tsx";
import { SourcingEditForm } from "./SourcingEditForm.tsx";
import { SourcingHistory } from "./SourcingHistory.tsx";
import { useDomainCatalogue, useSourcingMatrix } from "./sourcingQueries.ts";
import { SourcingRow, type MatrixDomain } from "./SourcingRow.tsx";
import { StichtagField } from "./StichtagField.tsx";
import { useStichtag } from "./useStichtag.ts";
import "./sourcing.css";

type Sourcing = Schemas["Sourcing"];
type Open = { mode: "edit" | "history"; domain: MatrixDomain; current: Sourcing | null };

/**
 * A Kommune's IT-Landkarte: for every Leistungsbereich it is responsible for, how it obtained
 * the service on the Stichtag (?stichtag=, default today), with history for every reader and
 * editing for those the server would let edit this Kommune (same `can()` as the server).
 */
export function SourcingMatrix({ ags, name }: { ags: string; name: string }) {
  const { principal, isPending: sessionPending } = usePrincipal();
  const canEdit = can(principal, "sourcing:edit", { organisationKey: ags });
  const [asOf, setAsOf] = useStichtag();
  const matrix = useSourcingMatrix(ags, asOf);
  const catalogue = useDomainCatalogue();
  const [open, setOpen] = useState<Open | null>(null);
  const [saved, setSaved] = useState<Sourcing | null>(null);

  const byDomain = new Map((matrix.data?.items ?? []).map((item) => [item.domain.id, item]));
  const responsible = new Set(matrix.data?.responsibleDomainIds ?? []);
  const domains: MatrixDomain[] = (catalogue.data?.items ?? [])
    .filter((domain) => responsible.has(domain.id))
    .sort((a, b) => a.position - b.position);

  return (
    <>
      <div className="atlas-filters">
        <StichtagField
          value={asOf}
          onChange={setAsOf}
          hint="Zeigt den Bezug, der an diesem Tag galt oder gelten wird."
        />
      </div>
      <div role="status" className="atlas-announcement">
        {saved ? (
          <div className="kern-alert kern-alert--success">
            <div className="kern-alert__header">
              <span className="kern-icon kern-icon--success" aria-hidden="true" />
              <span className="kern-title">Gespeichert</span>
            </div>
            <div className="kern-alert__body">
              <p className="kern-body">
                Der Bezug „{saved.domain.name}“ gilt in der neuen Fassung ab{" "}
                {formatIsoDate(saved.validFrom)}.
                {saved.validFrom > asOf
                  ? " Der gewählte Stichtag liegt davor; die Tabelle zeigt daher noch den bisherigen Stand."
                  : ""}
              </p>
            </div>
          </div>
        ) : null}
      </div>
      {matrix.isPending || catalogue.isPending ? <LoadingState /> : null}
      {matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : null}
      {catalogue.isError ? <ErrorState error={catalogue.error} /> : null}
      {matrix.data && catalogue.data ? (
        <>
          {matrix.data.items.some((item) => item.demo) ? <DemoBanner /> : null}
          {!canEdit && !sessionPending && domains.length > 0 ? (
            <p className="kern-body atlas-muted">
              Bearbeiten nur für berechtigte Personen dieser Kommune (Kommune-Bearbeiter von {name})
              und die Administration. Den Verlauf jedes Bereichs können Sie einsehen.
            </p>
          ) : null}
          {domains.length === 0 ? (
            <p className="kern-body">Für {name} sind keine Leistungsbereiche hinterlegt.</p>
          ) : (
            // Focusable and named, so keyboard users can scroll the wide table.
            <div
              className="kern-table-responsive"
              tabIndex={0}
              role="region"
              aria-label={`Bezug von ${name} je Leistungsbereich (horizontal scrollbar)`}
            >
              <table className="kern-table kern-table--small atlas-sourcing-matrix">
                <caption className="atlas-visually-hidden">
                  Bezug von {name} je Leistungsbereich, Stichtag {formatIsoDate(matrix.data.asOf)}
                </caption>
                <thead>
                  <tr className="kern-table__row">
                    {[
                      // Soft hyphens let the long German headers break in the narrow columns.
                      "Leistungs\u00adbereich",
                      "Betriebs\u00admodell",
                      "IT-Dienstleister / Partner\u00adkommune",
                      "Produkt",
                    ].map((header) => (
                      <th key={header} scope="col" className="kern-table__header">
                        {header}
                      </th>
                    ))}
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      Kosten/Jahr
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      Menge
                    </th>
                    {["Vertrags\u00adende", "Zufrieden\u00adheit", "Stand seit"].map((header) => (
                      <th key={header} scope="col" className="kern-table__header">
                        {header}
                      </th>
                    ))}
                    <th scope="col" className="kern-table__header kern-table__header--action">
                      Aktionen
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {domains.map((domain) => (
                    <SourcingRow
                      key={domain.id}
                      domain={domain}
                      sourcing={byDomain.get(domain.id) ?? null}
                      onEdit={
                        canEdit
                          ? (current) => {
                              setSaved(null);
                              setOpen({ mode: "edit", domain, current });
                            }
                          : undefined
                      }
                      onHistory={() => setOpen({ mode: "history", domain, current: null })}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      {open ? (
        <ModalDialog
          title={
            open.mode === "edit"
              ? `${open.current ? "Bezug bearbeiten" : "Bezug erfassen"}: ${open.domain.name}`
              : `Verlauf: ${open.domain.name}`
          }
          onClose={() => setOpen(null)}
        >
          {open.mode === "edit" ? (
            <SourcingEditForm
              ags={ags}
              domain={open.domain}
              current={open.current}
              onCancel={() => setOpen(null)}
              onSaved={(result) => {
                setOpen(null);
                setSaved(result);
              }}
            />
          ) : (
            <SourcingHistory ags={ags} domain={open.domain} />
          )}
        </ModalDialog>
      ) : null}
    </>
  );
}
