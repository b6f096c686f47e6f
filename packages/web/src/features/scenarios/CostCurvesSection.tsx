import type { ScenarioCostCurve } from "@it-atlas/domain";
import { useId } from "react";
import { formatDecimal, formatInteger, formatIsoDate } from "../../ui/format.ts";
import { errorMessage } from "../../ui/States.tsx";
import type { ScenarioFormState } from "./scenarioForm.ts";
import { DEMO_LABEL } from "./scenarioFormat.ts";

const rSquared = new Intl.NumberFormat("de-DE", {
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
});

/** "0,59 € bis 17.245; 0,46 € bis 45.954; darüber 0,46 €" (marginal cost per unit). */
export function describeSegments(segments: ScenarioCostCurve["segments"]): string {
  return segments
    .map((segment, index) =>
      segment.upTo === null
        ? `${index === 0 ? "" : "darüber "}${formatDecimal(segment.costPerUnit)} €`
        : `${formatDecimal(segment.costPerUnit)} € bis ${formatInteger(segment.upTo)}`,
    )
    .join("; ");
}

function origin(curve: ScenarioCostCurve): string {
  const date = curve.source.asOf ? ` vom ${formatIsoDate(curve.source.asOf)}` : "";
  const base = curve.source.kind === "fit" ? `Landkarte${date}` : `angepasst (Landkarte${date})`;
  return curve.source.demo ? `${base}, ${DEMO_LABEL}` : base;
}

/**
 * The scenario's cost curves per Leistungsbereich: fixed cost (editable), falling marginal
 * costs, R² of the fit and where it comes from; a button takes the curves fitted on the
 * landscape over. A domain without a curve keeps the landscape's offer prices.
 */
export function CostCurvesSection({
  rows,
  domainName,
  onChange,
  onTakeOver,
  takingOver,
  takeOverError,
  confidentialHidden,
}: {
  rows: ScenarioFormState["costCurves"];
  domainName: (id: string) => string;
  onChange: (rows: ScenarioFormState["costCurves"]) => void;
  onTakeOver: () => void;
  takingOver: boolean;
  takeOverError: unknown;
  confidentialHidden: boolean;
}) {
  const id = useId();
  const demo = rows.some((row) => row.curve.source.demo);
  return (
    <div className="atlas-scenario-curves">
      <p className="kern-body" id={`${id}-hint`}>
        Kostenkurven je Leistungsbereich: Fixkosten eines Anbieters je Jahr plus fallende
        Grenzkosten je Mengeneinheit (Skaleneffekte), angepasst an die Bezüge von IT-Dienstleistern.
        Ein Bereich mit Kurve bepreist alle Anbieter danach; ohne Kurve gelten die Angebotspreise
        und der Skalenfaktor.
      </p>
      <div className="atlas-scenario-actions">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={takingOver}
          onClick={onTakeOver}
        >
          <span className="kern-label">Kostenkurven aus der Landkarte übernehmen</span>
        </button>
      </div>
      <div role="status">
        {takingOver ? <p className="kern-body">Kostenkurven werden angepasst …</p> : null}
        {confidentialHidden ? (
          <p className="kern-body">
            Kostenkurven beruhen auf den Kosten aller Kommunen und sind nur mit Einsicht in alle
            Kosten verfügbar.
          </p>
        ) : null}
        {takeOverError ? (
          <p className="kern-body">Kostenkurven nicht übernommen: {errorMessage(takeOverError)}</p>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="kern-body">Keine Kostenkurven: es gelten die Angebotspreise.</p>
      ) : (
        <table className="kern-table" aria-describedby={`${id}-hint`}>
          <caption className="kern-title">
            Kostenkurven je Leistungsbereich{demo ? ` (${DEMO_LABEL})` : ""}
          </caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                Leistungsbereich
              </th>
              <th scope="col" className="kern-table__header">
                Fixkosten je Jahr (€)
              </th>
              <th scope="col" className="kern-table__header">
                Grenzkosten je Einheit
              </th>
              <th scope="col" className="kern-table__header">
                R²
              </th>
              <th scope="col" className="kern-table__header">
                Herkunft
              </th>
              <th scope="col" className="kern-table__header">
                <span className="atlas-visually-hidden">Aktion</span>
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {rows.map((row, index) => {
              const name = domainName(row.curve.domainId);
              return (
                <tr key={row.curve.domainId} className="kern-table__row">
                  <th scope="row" className="kern-table__header">
                    {name}
                  </th>
                  <td className="kern-table__cell">
                    <input
                      className="kern-form-input__input"
                      inputMode="decimal"
                      aria-label={`Fixkosten je Jahr ${name} (€)`}
                      value={row.fixedCost}
                      onChange={(event) =>
                        onChange(
                          rows.map((other, position) =>
                            position === index
                              ? { ...other, fixedCost: event.target.value }
                              : other,
                          ),
                        )
                      }
                    />
                  </td>
                  <td className="kern-table__cell">{describeSegments(row.curve.segments)}</td>
                  <td className="kern-table__cell">
                    {row.curve.source.rSquared === null
                      ? "–"
                      : rSquared.format(row.curve.source.rSquared)}
                  </td>
                  <td className="kern-table__cell">{origin(row.curve)}</td>
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary"
                      onClick={() => onChange(rows.filter((_, position) => position !== index))}
                    >
                      <span className="kern-label">Kurve für {name} entfernen</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
