import { can, scenarioModeLabel, scenarioResultStatusLabel } from "@it-atlas/domain";
import { Link } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { formatDateTime, formatIsoDate } from "../../ui/format.ts";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { useScenarios } from "./scenarioQueries.ts";
import "./scenarios.css";

/** "Szenarien": every scenario with its Stichtag, kind, Zielbild mark and last calculation. */
export function ScenarioListPage() {
  usePageTitle("Szenarien");
  const { principal } = usePrincipal();
  const scenarios = useScenarios();
  const mayWrite = can(principal, "scenario:run");
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Szenarien
      </h1>
      <p className="kern-body">
        Ein Szenario beschreibt ein mögliches Zielbild der kommunalen IT: Stichtag, Umfang,
        Kostenparameter und Vorgaben. Es wird optimiert oder von Hand festgelegt und mit dem Ist
        verglichen.
      </p>
      <div className="atlas-scenario-actions">
        {mayWrite ? (
          <Link className="kern-btn kern-btn--primary" to="/szenarien/neu">
            <span className="kern-label">Neues Szenario</span>
          </Link>
        ) : null}
        {scenarios.data && scenarios.data.length > 0 ? (
          <Link
            className="kern-btn kern-btn--secondary"
            to={`/szenarien/vergleich?ids=${scenarios.data
              .slice(0, 3)
              .map((scenario) => scenario.id)
              .join(",")}`}
          >
            <span className="kern-label">Szenarien vergleichen</span>
          </Link>
        ) : null}
      </div>
      {scenarios.isPending ? (
        <LoadingState label="Szenarien werden geladen …" />
      ) : scenarios.isError ? (
        <ErrorState error={scenarios.error} onRetry={() => void scenarios.refetch()} />
      ) : scenarios.data.length === 0 ? (
        <EmptyState>
          Noch keine Szenarien. {mayWrite ? "Legen Sie mit „Neues Szenario“ das erste an." : null}
        </EmptyState>
      ) : (
        <table className="kern-table">
          <caption className="kern-title">Alle Szenarien</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                Name
              </th>
              <th scope="col" className="kern-table__header">
                Stichtag
              </th>
              <th scope="col" className="kern-table__header">
                Art
              </th>
              <th scope="col" className="kern-table__header">
                Letzte Berechnung
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {scenarios.data.map((scenario) => (
              <tr key={scenario.id} className="kern-table__row">
                <td className="kern-table__cell">
                  <Link className="kern-link" to={`/szenarien/${scenario.id}`}>
                    {scenario.name}
                  </Link>
                  {scenario.isTarget ? (
                    <span className="kern-badge kern-badge--success"> Zielbild</span>
                  ) : null}
                </td>
                <td className="kern-table__cell">{formatIsoDate(scenario.baseDate)}</td>
                <td className="kern-table__cell">{scenarioModeLabel[scenario.definition.mode]}</td>
                <td className="kern-table__cell">
                  {scenario.latestResult
                    ? `${scenarioResultStatusLabel[scenario.latestResult.status]}, ${formatDateTime(scenario.latestResult.createdAt)}`
                    : "noch nicht berechnet"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
