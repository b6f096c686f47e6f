import { can } from "@it-atlas/domain";
import { useSearchParams } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { KpiChart } from "./KpiChart.tsx";
import { KpiFiguresTable } from "./KpiFiguresTable.tsx";
import { useCurrentKpis, useKpiSeries, useTakeSnapshot, type KpiLevel } from "./kpiQueries.ts";
import { ScopePicker } from "./ScopePicker.tsx";

const LEVELS = new Set<string>(["nrw", "regierungsbezirk", "kreis", "kommune"]);

/** `/kennzahlen`: KPIs of a scope now and over time; KDN takes snapshots on demand. */
export function KpiPage() {
  usePageTitle("Kennzahlen");
  const [params, setParams] = useSearchParams();
  const rawLevel = params.get("ebene") ?? "nrw";
  const level: KpiLevel = LEVELS.has(rawLevel) ? (rawLevel as KpiLevel) : "nrw";
  const key = level === "nrw" ? "05" : (params.get("gebiet") ?? "");
  const { principal } = usePrincipal();
  const current = useCurrentKpis(level);
  const series = useKpiSeries(level, key);
  const snapshot = useTakeSnapshot();
  const value = current.data?.items.find((item) => item.key === key);
  const points = series.data?.points ?? [];
  const name = value?.name ?? series.data?.name ?? key;

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Kennzahlen
      </h1>
      <p className="kern-body">
        Wie sich die Konsolidierung entwickelt: Fragmentierung der Anbieter, Kosten, OZG-Abdeckung,
        Bedarfserhebung und termingerechte Maßnahmen – für NRW, einen Regierungsbezirk, einen Kreis
        oder eine Kommune. Die Kennzahlen werden regelmäßig und auf Anforderung erfasst.
      </p>
      <form
        className="atlas-filters"
        aria-label="Gebiet wählen"
        onSubmit={(event) => event.preventDefault()}
      >
        <ScopePicker
          level={level}
          scopeKey={key}
          onChange={(nextLevel, nextKey) => {
            const next = new URLSearchParams();
            next.set("ebene", nextLevel);
            if (nextKey && nextLevel !== "nrw") next.set("gebiet", nextKey);
            setParams(next, { replace: true });
          }}
        />
      </form>
      {can(principal, "kpi:snapshot") ? (
        <p className="kern-body">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            disabled={snapshot.isPending}
            onClick={() => snapshot.mutate()}
          >
            <span className="kern-label">
              {snapshot.isPending ? "Kennzahlen werden erfasst …" : "Jetzt erfassen"}
            </span>
          </button>
        </p>
      ) : null}
      <div role="status" className="kern-body">
        {snapshot.isSuccess
          ? `Kennzahlen erfasst (${snapshot.data.scopes} Gebiete, Erfassung ${snapshot.data.id}).`
          : ""}
      </div>
      {snapshot.isError ? (
        <ErrorState error={snapshot.error} title="Erfassung fehlgeschlagen" />
      ) : null}

      {key === "" ? <p className="kern-body">Bitte ein Gebiet wählen.</p> : null}
      {current.isPending ? <LoadingState /> : null}
      {current.isError ? <ErrorState error={current.error} /> : null}
      {value ? (
        <section aria-labelledby="aktuell">
          <h2 id="aktuell" className="kern-heading-medium">
            Aktuell: {value.name}
          </h2>
          <KpiFiguresTable name={value.name} figures={value.figures} />
          {value.figures.costDemo && !value.figures.costHidden ? (
            <p className="kern-body kern-body--small">
              Kosten aus dem Demo-Bestand: Demodaten (synthetisch), keine Fakten.
            </p>
          ) : null}
        </section>
      ) : null}
      {key !== "" ? (
        <section aria-labelledby="verlauf">
          <h2 id="verlauf" className="kern-heading-medium">
            Verlauf
          </h2>
          {series.isPending ? <LoadingState /> : null}
          {series.isError ? <ErrorState error={series.error} /> : null}
          {series.data && points.length === 0 ? (
            <EmptyState>Für dieses Gebiet wurden noch keine Kennzahlen erfasst.</EmptyState>
          ) : null}
          {points.length === 1 ? (
            <p className="kern-body">
              Bisher eine Erfassung; der Verlauf zeigt sich ab der zweiten.
            </p>
          ) : null}
          {points.length > 0 ? <KpiChart name={name} points={points} /> : null}
        </section>
      ) : null}
    </>
  );
}
