import {
  can,
  providerPolicyLabel,
  scenarioModeLabel,
  scenarioResultStatusLabel,
  type Scenario,
} from "@it-atlas/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { useDomains, useProviders } from "../../api/hooks.ts";
import { Chart } from "../../ui/Chart.tsx";
import { ErrorState, LoadFailure, LoadingState, errorMessage } from "../../ui/States.tsx";
import { formatDateTime, formatInteger, formatIsoDate, formatNumber } from "../../ui/format.ts";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { JobProgress } from "../import/JobProgress.tsx";
import { CommentSection } from "../change/CommentSection.tsx";
import { CreateMeasuresFromScenario } from "../change/CreateMeasuresFromScenario.tsx";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { ConstraintPricesSection } from "./ConstraintPricesSection.tsx";
import { ResultMigrationsSection } from "./ResultMigrationsSection.tsx";
import { DEMO_LABEL, formatEuro, formatShare } from "./scenarioFormat.ts";
import {
  useCancelJob,
  useDeleteScenario,
  useJob,
  useLatestResult,
  usePareto,
  useScenario,
  useSetTarget,
  useStartScenarioJob,
} from "./scenarioQueries.ts";
import "./scenarios.css";

/** A scenario: its definition, "Berechnen" with progress, the result, Pareto view, Zielbild. */
export function ScenarioDetailPage() {
  const id = Number(useParams().id);
  const scenario = useScenario(id);
  usePageTitle(scenario.data?.name ?? "Szenario");
  if (scenario.isPending) return <LoadingState label="Szenario wird geladen …" />;
  if (scenario.isError) {
    return (
      <LoadFailure
        error={scenario.error}
        what="Szenario"
        back={{ to: "/szenarien", label: "Zur Liste der Szenarien" }}
        onRetry={() => void scenario.refetch()}
      />
    );
  }
  return <ScenarioDetail scenario={scenario.data} />;
}

function ScenarioDetail({ scenario }: { scenario: Scenario }) {
  const { principal } = usePrincipal();
  const mayWrite = can(principal, "scenario:run");
  const navigate = useNavigate();
  const remove = useDeleteScenario();
  const target = useSetTarget(scenario.id);
  const { definition } = scenario;
  const providers = useProviders();
  const providerName = (id: string) =>
    providers.data?.items.find((provider) => provider.id === id)?.shortName ?? id;
  // Names, not internal ids (issue 16: „einwohnerwesen, personenstandswesen“ was shown).
  const domains = useDomains();
  const domainName = (id: string) =>
    domains.data?.items.find((domain) => domain.id === id)?.name ?? id;
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {scenario.name}
        {scenario.isTarget ? (
          <span className="kern-badge kern-badge--success"> Zielbild</span>
        ) : null}
      </h1>
      {scenario.description ? <p className="kern-body">{scenario.description}</p> : null}
      <dl className="atlas-scenario-figures">
        <div>
          <dt>Stichtag</dt>
          <dd>{formatIsoDate(definition.baseDate)}</dd>
        </div>
        <div>
          <dt>Art</dt>
          <dd>{scenarioModeLabel[definition.mode]}</dd>
        </div>
        <div>
          <dt>Leistungsbereiche</dt>
          <dd>
            {definition.scope.domainIds === "all"
              ? "alle"
              : definition.scope.domainIds.map(domainName).join(", ")}
          </dd>
        </div>
        <div>
          <dt>Kommunen</dt>
          <dd>
            {definition.scope.kommuneKeys === "all"
              ? "alle"
              : `${formatInteger(definition.scope.kommuneKeys.length)} ausgewählt`}
          </dd>
        </div>
        <div>
          <dt>Planungszeitraum</dt>
          <dd>
            {definition.costs.horizonYears} Jahre, Zinssatz{" "}
            {formatNumber(definition.costs.discountRate * 100)} %
          </dd>
        </div>
        <div>
          <dt>Zugelassene Anbieter</dt>
          <dd>{providerPolicyLabel[definition.constraints.providerPolicy]}</dd>
        </div>
        <div>
          <dt>Kopplungen</dt>
          <dd>
            {definition.constraints.couplings.length === 0
              ? "keine"
              : definition.constraints.couplings
                  .map((coupling) => coupling.domainIds.map(domainName).join(" + "))
                  .join("; ")}
          </dd>
        </div>
        <div>
          <dt>Anbieter je Bereich</dt>
          <dd>
            {definition.constraints.providerCounts.length === 0
              ? "ohne Grenze"
              : definition.constraints.providerCounts
                  .map((count) => `${domainName(count.domainId)}: höchstens ${count.max ?? "–"}`)
                  .join("; ")}
          </dd>
        </div>
        <div>
          <dt>Kostenkurven</dt>
          <dd>
            {definition.costs.costCurves.length === 0
              ? "keine (Angebotspreise und Skalenfaktor)"
              : `${formatInteger(definition.costs.costCurves.length)} ${
                  definition.costs.costCurves.length === 1
                    ? "Leistungsbereich"
                    : "Leistungsbereiche"
                }${
                  definition.costs.costCurves.some((curve) => curve.source.demo)
                    ? ` (${DEMO_LABEL})`
                    : ""
                }`}
          </dd>
        </div>
        <div>
          <dt>Projektkapazität je Anbieter</dt>
          <dd>
            {definition.constraints.providerProjectCapacity.length === 0
              ? "ohne Grenze"
              : definition.constraints.providerProjectCapacity
                  .map(
                    (entry) =>
                      `${providerName(entry.providerId)}: ${formatInteger(entry.migrationsPerYear)} Wechsel je Jahr`,
                  )
                  .join("; ")}
          </dd>
        </div>
      </dl>
      {mayWrite ? (
        <div className="atlas-scenario-actions">
          <Link
            className="kern-btn kern-btn--secondary"
            to={`/szenarien/${scenario.id}/bearbeiten`}
          >
            <span className="kern-label">Bearbeiten</span>
          </Link>
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={target.isPending}
            onClick={() => target.mutate(!scenario.isTarget)}
          >
            <span className="kern-label">
              {scenario.isTarget ? "Zielbild-Markierung entfernen" : "Als Zielbild markieren"}
            </span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            onClick={() => {
              if (window.confirm(`Szenario „${scenario.name}“ mit allen Ergebnissen löschen?`)) {
                void remove.mutateAsync(scenario.id).then(() => navigate("/szenarien"));
              }
            }}
          >
            <span className="kern-label">Löschen</span>
          </button>
        </div>
      ) : null}
      <ResultSection scenario={scenario} mayWrite={mayWrite} />
      <ParetoSection scenario={scenario} mayWrite={mayWrite} />
      <CommentSection target={{ targetType: "scenario", targetId: String(scenario.id) }} />
    </>
  );
}

/** Runs a job of the scenario and shows its progress bar with a cancel button. */
function useScenarioJob(scenarioId: number, kind: "run" | "pareto", onDone: () => void) {
  const start = useStartScenarioJob(scenarioId, kind);
  const cancel = useCancelJob();
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useJob(jobId);
  const status = job.data?.status;
  const finished = status === "succeeded" || status === "failed" || status === "cancelled";
  // onDone changes identity on every render; only the job finishing matters.
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    if (finished) done.current();
  }, [finished]);
  return {
    running: jobId !== null && !finished,
    job: job.data,
    start: async () => setJobId((await start.mutateAsync()).jobId),
    cancel: () => (jobId === null ? undefined : cancel.mutate(jobId)),
    error: start.error ?? job.error,
  };
}

function ResultSection({ scenario, mayWrite }: { scenario: Scenario; mayWrite: boolean }) {
  const client = useQueryClient();
  const result = useLatestResult(scenario.id);
  const run = useScenarioJob(scenario.id, "run", () => {
    void client.invalidateQueries({ queryKey: ["scenarios"] });
  });
  return (
    <section aria-labelledby="ergebnis">
      <h2 id="ergebnis" className="kern-heading-medium">
        Ergebnis
      </h2>
      {mayWrite ? (
        <div className="atlas-scenario-actions">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            disabled={run.running}
            onClick={() => void run.start()}
          >
            <span className="kern-label">Berechnen</span>
          </button>
          {run.running ? (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={run.cancel}>
              <span className="kern-label">Abbrechen</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {run.job && run.running ? (
        <div className="atlas-scenario-progress">
          <JobProgress label="Berechnung" progress={run.job.progress} text={run.job.progressText} />
        </div>
      ) : null}
      {run.job?.status === "cancelled" ? (
        <p className="kern-body" role="status">
          Die Berechnung wurde abgebrochen.
        </p>
      ) : null}
      {run.job?.status === "failed" ? (
        <p className="kern-body" role="alert">
          Die Berechnung ist fehlgeschlagen: {run.job.errorDetail}
        </p>
      ) : null}
      {run.error ? <ErrorState error={run.error} title="Berechnung nicht gestartet" /> : null}
      {result.isPending ? (
        <LoadingState label="Ergebnis wird geladen …" />
      ) : result.isError ? (
        <ErrorState error={result.error} />
      ) : result.data === null ? (
        <p className="kern-body">Das Szenario wurde noch nicht berechnet.</p>
      ) : (
        <ResultSummary
          result={result.data}
          scenarioId={scenario.id}
          providerMigrationsPerYear={scenario.definition.constraints.providerProjectCapacity}
          couplings={scenario.definition.constraints.couplings}
          horizonYears={scenario.definition.costs.horizonYears}
        />
      )}
    </section>
  );
}

function ResultSummary({
  result,
  scenarioId,
  providerMigrationsPerYear,
  couplings,
  horizonYears,
}: {
  result: Schemas["ScenarioResult"];
  scenarioId: number;
  /** The scenario's project capacities: measure waves keep each provider's yearly limit. */
  providerMigrationsPerYear: ReadonlyArray<{ providerId: string; migrationsPerYear: number }>;
  /** Coupled domains: a Kommune's coupled switches become one measure in one wave. */
  couplings: ReadonlyArray<{ domainIds: string[] }>;
  /** The horizon the waves should stay within. */
  horizonYears: number;
}) {
  const plan = result.plan;
  return (
    <>
      <p className="kern-body">
        Berechnet am {formatDateTime(result.createdAt)} in {formatNumber(result.seconds)} s.
        {plan?.demo ? (
          <>
            {" "}
            <DemoBadge /> Die Kosten beruhen ganz oder teilweise auf synthetischen Werten der
            Demo-Landkarte und sind keine Tatsachen.
          </>
        ) : null}
      </p>
      <dl className="atlas-scenario-figures" aria-label="Kennzahlen der letzten Berechnung">
        <div>
          <dt>Status</dt>
          <dd>{scenarioResultStatusLabel[result.status]}</dd>
        </div>
        <div>
          <dt>Zielwert (Kosten je Jahr)</dt>
          <dd>{formatEuro(result.objective)}</dd>
        </div>
        <div>
          <dt>Untere Schranke</dt>
          <dd>
            {result.bound === null && result.objective !== null ? "–" : formatEuro(result.bound)}
          </dd>
        </div>
        <div>
          <dt>Optimalitätslücke</dt>
          <dd>{formatShare(result.gap)}</dd>
        </div>
        {plan ? (
          <>
            <div>
              <dt>Ist (Kosten je Jahr)</dt>
              <dd>{formatEuro(plan.istCostPerYear)}</dd>
            </div>
            <div>
              <dt>Einsparung je Jahr</dt>
              <dd>{formatEuro(plan.savingPerYear)}</dd>
            </div>
            <div>
              <dt>Einmalige Wechselkosten</dt>
              <dd>{formatEuro(plan.oneOffCost)}</dd>
            </div>
            <div>
              <dt>Wechsel</dt>
              <dd>{formatInteger(plan.migrations.length)}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {result.message ? <p className="kern-body">{result.message}</p> : null}
      {result.conflicts.length > 0 ? (
        <div className="kern-alert kern-alert--warning" role="status">
          <div className="kern-alert__header">
            <span className="kern-title">Diese Vorgaben widersprechen sich</span>
          </div>
          <div className="kern-alert__body">
            <ul className="kern-list">
              {result.conflicts.map((conflict) => (
                <li key={conflict}>{conflict}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {plan && plan.notes.length > 0 ? (
        <ul className="kern-list" aria-label="Hinweise zum Modell">
          {plan.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {plan?.confidentialHidden ? (
        <p className="kern-body">Kosten anderer Kommunen sind vertraulich und ausgeblendet.</p>
      ) : null}
      {plan ? (
        <ConstraintPricesSection
          prices={plan.constraintPrices}
          savingPerYear={plan.savingPerYear}
          confidentialHidden={plan.confidentialHidden}
        />
      ) : null}
      {plan ? <ResultMigrationsSection plan={plan} scenarioId={scenarioId} /> : null}
      {plan ? (
        <p className="kern-body">
          <Link className="kern-link" to={`/szenarien/vergleich?ids=${scenarioId}`}>
            Mit Ist vergleichen (Kosten, Wechsel, Karte)
          </Link>
        </p>
      ) : null}
      {plan ? (
        <CreateMeasuresFromScenario
          scenarioId={String(scenarioId)}
          providerMigrationsPerYear={providerMigrationsPerYear}
          couplings={couplings}
          horizonYears={horizonYears}
          migrations={plan.migrations.map((migration) => ({
            kommuneId: migration.kommuneKey,
            domainId: migration.domainId,
            fromProviderId: migration.fromProviderId,
            toProviderId: migration.toProviderId,
            oneOffCost: migration.oneOffCost ?? 0,
          }))}
        />
      ) : null}
    </>
  );
}

function ParetoSection({ scenario, mayWrite }: { scenario: Scenario; mayWrite: boolean }) {
  const client = useQueryClient();
  const pareto = usePareto(scenario.id);
  const job = useScenarioJob(scenario.id, "pareto", () => {
    void client.invalidateQueries({ queryKey: ["scenarios", scenario.id, "pareto"] });
  });
  const all = pareto.data?.points ?? [];
  // The chart shows the budgets with a plan; the table below lists every budget and why.
  const points = all.filter((point) => point.migrations !== null && point.savingPerYear !== null);
  return (
    <section aria-labelledby="pareto">
      <h2 id="pareto" className="kern-heading-medium">
        Einsparung gegen Wechsel (Pareto)
      </h2>
      <p className="kern-body">
        Das Szenario wird mit Wechselbudgets von 0, 25, 50 und 75 % der Wechsel des Optimums und
        ohne Budget neu berechnet.
      </p>
      {mayWrite ? (
        <div className="atlas-scenario-actions">
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={job.running}
            onClick={() => void job.start()}
          >
            <span className="kern-label">Pareto berechnen</span>
          </button>
        </div>
      ) : null}
      {job.job && job.running ? (
        <div className="atlas-scenario-progress">
          <JobProgress
            label="Pareto-Auswertung"
            progress={job.job.progress}
            text={job.job.progressText}
          />
        </div>
      ) : null}
      {pareto.isError ? <ErrorState error={pareto.error} /> : null}
      {pareto.data === null ? <p className="kern-body">Noch keine Pareto-Auswertung.</p> : null}
      {pareto.data && points.length === 0 ? (
        <p className="kern-body">
          {all.some((point) => point.migrations !== null)
            ? "Einsparungen sind vertraulich."
            : "Für kein Wechselbudget gab es eine Lösung; die Gründe stehen in der Tabelle."}
        </p>
      ) : null}
      {points.length > 0 ? (
        <Chart
          title="Einsparung je Jahr gegen Zahl der Wechsel"
          description={`Jeder Punkt ist die beste Einsparung je Jahr bei höchstens so vielen Wechseln (${DEMO_LABEL}).`}
          option={{
            xAxis: { type: "value", name: "Wechsel" },
            yAxis: { type: "value", name: "Einsparung je Jahr (€)" },
            series: [
              {
                type: "line",
                data: points.map((point) => [point.migrations, point.savingPerYear]),
              },
            ],
          }}
          table={{
            caption: `Pareto-Punkte (${DEMO_LABEL})`,
            columns: ["Wechselbudget", "Wechsel", "Einsparung je Jahr (€)"],
            rows: points.map((point) => [
              point.budget === null ? "unbegrenzt" : point.budget,
              point.migrations,
              point.savingPerYear === null ? null : Math.round(point.savingPerYear),
            ]),
          }}
        />
      ) : null}
      {all.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--small">
            <caption className="kern-body kern-body--bold">Alle Wechselbudgets</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  Anteil der Wechsel des Optimums
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  Wechselbudget
                </th>
                <th scope="col" className="kern-table__header">
                  Status
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  Wechsel
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  Einsparung je Jahr
                </th>
                <th scope="col" className="kern-table__header">
                  Begründung
                </th>
              </tr>
            </thead>
            <tbody>
              {all.map((point) => (
                <tr key={point.share} className="kern-table__row">
                  <th scope="row" className="kern-table__header">
                    {point.share === 1 ? "ohne Budget" : `${formatNumber(point.share * 100)} %`}
                  </th>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {point.budget !== null
                      ? formatInteger(point.budget)
                      : point.share === 1
                        ? "unbegrenzt"
                        : "nicht bestimmbar"}
                  </td>
                  <td className="kern-table__cell">{scenarioResultStatusLabel[point.status]}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {point.migrations === null ? "–" : formatInteger(point.migrations)}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {point.savingPerYear !== null
                      ? formatEuro(point.savingPerYear)
                      : point.migrations !== null
                        ? "vertraulich"
                        : "–"}
                  </td>
                  <td className="kern-table__cell">{point.reason ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {job.error ? <p className="kern-body">{errorMessage(job.error)}</p> : null}
    </section>
  );
}
