import { useId, useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { useDomains } from "../../api/hooks.ts";
import { evaluateCostCurve } from "@it-atlas/domain";
import { Chart } from "../../ui/Chart.tsx";
import { formatDecimal, formatInteger, formatIsoDate, formatNumber } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { formatEuro } from "../sourcing/formatEuro.ts";
import { volumeUnitName, volumeUnitSingular } from "../sourcing/formatVolume.ts";
import { StichtagField } from "../sourcing/StichtagField.tsx";
import { useStichtag } from "../sourcing/useStichtag.ts";
import { useCostCurve, type CurveBasis } from "./analysisQueries.ts";
import { KeyFigures } from "./KeyFigures.tsx";
import "./analysis.css";

type Fit = Schemas["CostCurveFit"];
type Point = { volume: number; cost: number };

const BASIS_LABEL: Record<CurveBasis, string> = {
  "": "alle Betriebsmodelle",
  eigenbetrieb: "nur eigener Betrieb",
  it_dienstleister: "nur IT-Dienstleister",
};

const DEFAULT_DOMAIN = "einwohnerwesen";

/** Axis labels in German number format (ECharts formats them in English). */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Grid volumes (a log grid) are whole from 100 on: "30.663 Einwohner", not "30.662,67". */
function roundVolume(volume: number): number {
  return volume >= 100 ? Math.round(volume) : round(volume);
}

function CurveChart({
  fit,
  points,
  unit,
  name,
}: {
  fit: Fit;
  points: Point[];
  unit: string;
  name: string;
}) {
  const level = Math.round(fit.uncertainty.level * 100);
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item" },
      legend: { top: 0 },
      grid: { left: 80, right: 24, top: 40, bottom: 48 },
      xAxis: {
        type: "value",
        name: unit,
        nameLocation: "middle",
        nameGap: 30,
      },
      yAxis: { type: "value", name: "€ je Jahr" },
      series: [
        {
          name: "Kommunen (Menge, laufende Kosten)",
          type: "scatter",
          symbolSize: 5,
          data: points.map((point) => [point.volume, round(point.cost)]),
          itemStyle: { color: "#56B4E9", opacity: 0.6 },
        },
        {
          name: "Angepasste Kostenkurve",
          type: "line",
          showSymbol: false,
          data: fit.uncertainty.band.map((point) => [point.volume, round(point.fit)]),
          lineStyle: { color: "#D55E00", width: 3 },
          itemStyle: { color: "#D55E00" },
        },
        {
          name: `${level}-%-Band (Bootstrap) unten`,
          type: "line",
          showSymbol: false,
          data: fit.uncertainty.band.map((point) => [point.volume, round(point.lower)]),
          lineStyle: { color: "#333333", type: "dashed" },
          itemStyle: { color: "#333333" },
        },
        {
          name: `${level}-%-Band (Bootstrap) oben`,
          type: "line",
          showSymbol: false,
          data: fit.uncertainty.band.map((point) => [point.volume, round(point.upper)]),
          lineStyle: { color: "#333333", type: "dashed" },
          itemStyle: { color: "#333333" },
        },
      ],
    }),
    [fit, points, unit, level],
  );
  return (
    <Chart
      title={`Kostenkurve ${name}`}
      description={`Punkte: laufende Kosten je Jahr über der Menge (${unit}) je Kommune. Linie: angepasste konkave Kostenkurve (Fixkosten plus fallende Grenzkosten); gestrichelt: ${level}-%-Bootstrap-Band.`}
      option={option}
      height={380}
      table={{
        caption: "Kurve und Band an ausgewählten Mengen",
        columns: [`Menge (${unit})`, "Kurve (€)", "Band unten (€)", "Band oben (€)"],
        rows: fit.uncertainty.band.map((point) => [
          roundVolume(point.volume),
          round(point.fit),
          round(point.lower),
          round(point.upper),
        ]),
      }}
    />
  );
}

/**
 * The same fit as average cost per unit over volume on a logarithmic volume axis: economies of
 * scale show as a falling curve, and small Kommunen are not squeezed into the corner.
 */
function AverageCostChart({
  fit,
  points,
  unit,
  unitSingular,
  name,
}: {
  fit: Fit;
  points: Point[];
  unit: string;
  unitSingular: string;
  name: string;
}) {
  // A logarithmic grid from the smallest to the largest observed volume (the band's grid is
  // linear and would leave the small Kommunen without a curve).
  const curve = useMemo(() => {
    const volumes = points.map((point) => point.volume).filter((volume) => volume > 0);
    if (volumes.length === 0) return [];
    const low = Math.log10(Math.min(...volumes));
    const high = Math.log10(Math.max(...volumes));
    const steps = 30;
    return Array.from({ length: steps + 1 }, (_, index) => {
      const volume = 10 ** (low + ((high - low) * index) / steps);
      return { volume, average: evaluateCostCurve(fit, volume) / volume };
    });
  }, [fit, points]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item" },
      legend: { top: 0 },
      grid: { left: 80, right: 24, top: 40, bottom: 48 },
      xAxis: {
        type: "log",
        name: `${unit} (logarithmisch)`,
        nameLocation: "middle",
        nameGap: 30,
      },
      yAxis: { type: "value", name: `€ je ${unitSingular}` },
      series: [
        {
          name: "Kommunen (Kosten je Einheit)",
          type: "scatter",
          symbolSize: 5,
          data: points
            .filter((point) => point.volume > 0)
            .map((point) => [point.volume, round(point.cost / point.volume)]),
          itemStyle: { color: "#56B4E9", opacity: 0.6 },
        },
        {
          name: "Durchschnittskosten der Kurve",
          type: "line",
          showSymbol: false,
          data: curve.map((point) => [point.volume, round(point.average)]),
          lineStyle: { color: "#D55E00", width: 3 },
          itemStyle: { color: "#D55E00" },
        },
      ],
    }),
    [curve, points, unit, unitSingular],
  );
  return (
    <Chart
      title={`Durchschnittskosten je ${unitSingular}: ${name}`}
      description={`Punkte: laufende Kosten je ${unitSingular} und Jahr je Kommune über der Menge (logarithmische Achse). Linie: Kosten der angepassten Kurve geteilt durch die Menge; sie fällt, wo Skaleneffekte wirken.`}
      option={option}
      height={340}
      table={{
        caption: `Durchschnittskosten je ${unitSingular} an ausgewählten Mengen`,
        columns: [`Menge (${unit})`, `Kurve (€ je ${unitSingular})`],
        rows: curve.map((point) => [roundVolume(point.volume), round(point.average)]),
      }}
    />
  );
}

function SegmentTable({ fit, unit }: { fit: Fit; unit: string }) {
  const level = Math.round(fit.uncertainty.level * 100);
  let from = 0;
  const rows = fit.segments.map((segment, index) => {
    const range =
      segment.upTo === null
        ? `ab ${formatNumber(round(from))}`
        : `${formatNumber(round(from))} bis ${formatNumber(round(segment.upTo))}`;
    from = segment.upTo ?? from;
    return { range, segment, interval: fit.uncertainty.costPerUnit[index] };
  });
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small">
        <caption className="kern-body kern-body--bold">
          Parameter der Kostenkurve mit {level}-%-Bootstrap-Intervall
        </caption>
        <thead>
          <tr className="kern-table__row">
            {["Parameter", "Schätzwert", `${level}-%-Intervall`].map((header) => (
              <th key={header} scope="col" className="kern-table__header">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          <tr className="kern-table__row">
            <th scope="row" className="kern-table__cell">
              Fixkosten (Plattform) je Jahr
            </th>
            <td className="kern-table__cell kern-table__cell--numeric">
              {formatEuro(round(fit.fixedCost))}
            </td>
            <td className="kern-table__cell kern-table__cell--numeric">
              {formatEuro(round(fit.uncertainty.fixedCost.lower))} –{" "}
              {formatEuro(round(fit.uncertainty.fixedCost.upper))}
            </td>
          </tr>
          {rows.map(({ range, segment, interval }) => (
            <tr key={range} className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                Grenzkosten je {unit}, Menge {range}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">
                {formatEuro(round(segment.costPerUnit))}
              </td>
              <td className="kern-table__cell kern-table__cell--numeric">
                {interval
                  ? `${formatEuro(round(interval.lower))} – ${formatEuro(round(interval.upper))}`
                  : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Kostenkurven: the concave cost curve fitted per Leistungsbereich to the Kommunen's volumes and
 * running costs, over the data points, with its bootstrap band and parameter intervals.
 */
export function CostCurvePage() {
  usePageTitle("Kostenkurven");
  const [searchParams, setSearchParams] = useSearchParams();
  const [asOf, setAsOf] = useStichtag();
  const domainId = searchParams.get("bereich") || DEFAULT_DOMAIN;
  const basisParameter = searchParams.get("basis") ?? "";
  const basis: CurveBasis =
    basisParameter === "eigenbetrieb" || basisParameter === "it_dienstleister"
      ? basisParameter
      : "";
  const domains = useDomains();
  const curve = useCostCurve(domainId, asOf, basis);
  const domainFieldId = useId();
  const basisFieldId = useId();
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };
  const leaves = (domains.data?.items ?? []).filter((domain) => !domain.isGroup);
  const data = curve.data;
  const fit = data?.curve?.fit ?? null;
  const unitPlural = volumeUnitName(data?.domain.volumeUnit) || "Einheiten";
  const unitSingular = volumeUnitSingular(data?.domain.volumeUnit);

  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">
        <Link className="kern-link" to={`/fragmentierung?stichtag=${asOf}`}>
          Fragmentierung
        </Link>{" "}
        › Kostenkurven
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Kostenkurven (Skaleneffekte)
      </h1>
      <p className="kern-body kern-body--large">
        Laufende Kosten je Jahr = Fixkosten der Plattform + Grenzkosten × Menge, mit Grenzkosten,
        die mit der Menge fallen. Die Kurve ist an die Mengen und Kosten der Kommunen angepasst
        (kleinste Quadrate mit nicht steigenden Steigungen); das Band zeigt die Unsicherheit.
      </p>
      <form
        className="atlas-filters"
        aria-label="Kostenkurve wählen"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={domainFieldId}>
            Leistungsbereich
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id={domainFieldId}
              className="kern-form-input__select"
              value={domainId}
              onChange={(event) => update({ bereich: event.target.value })}
            >
              {leaves.length === 0 ? <option value={domainId}>{domainId}</option> : null}
              {leaves.map((domain) => (
                <option key={domain.id} value={domain.id}>
                  {domain.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={basisFieldId}>
            Datengrundlage
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id={basisFieldId}
              className="kern-form-input__select"
              value={basis}
              onChange={(event) => update({ basis: event.target.value })}
            >
              {(Object.keys(BASIS_LABEL) as CurveBasis[]).map((key) => (
                <option key={key} value={key}>
                  {BASIS_LABEL[key]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <StichtagField value={asOf} onChange={setAsOf} />
      </form>

      {curve.isPending ? <LoadingState label="Kostenkurve wird angepasst …" /> : null}
      {curve.isError ? (
        <ErrorState error={curve.error} onRetry={() => void curve.refetch()} />
      ) : null}
      {data?.confidentialHidden ? (
        <EmptyState>
          Kostenkurven beruhen auf den vertraulichen Kosten der Kommunen und sind nur für
          KDN-Analyse und Administration sichtbar.
        </EmptyState>
      ) : null}
      {data && !data.confidentialHidden && !fit ? (
        <EmptyState>
          Für {data.domain.name} ({BASIS_LABEL[basis]}) sind zum {formatIsoDate(data.asOf)} zu
          wenige Kommunen mit Menge und Kosten erfasst (mindestens drei).
        </EmptyState>
      ) : null}
      {data && fit ? (
        <section aria-labelledby="kurve">
          <h2 id="kurve" className="kern-heading-medium">
            {data.domain.name}, {BASIS_LABEL[basis]}, am {formatIsoDate(data.asOf)}
          </h2>
          {data.curve?.demo ? (
            <p className="kern-body">
              <DemoBadge /> Die Kosten, an die diese Kurve angepasst ist, sind synthetisch.
            </p>
          ) : null}
          <KeyFigures
            items={[
              { label: "Datenpunkte (Kommunen)", value: formatInteger(fit.points) },
              { label: "Bestimmtheitsmaß R²", value: formatDecimal(fit.rSquared) },
              {
                label: "Residualstandardfehler je Jahr",
                value: formatEuro(
                  fit.residualStandardError === null ? null : Math.round(fit.residualStandardError),
                ),
              },
              {
                label: "Bootstrap-Stichproben (Seed)",
                value: `${formatInteger(fit.uncertainty.replicates)} (${fit.uncertainty.seed})`,
              },
            ]}
          />
          <CurveChart fit={fit} points={data.points} unit={unitPlural} name={data.domain.name} />
          <AverageCostChart
            fit={fit}
            points={data.points}
            unit={unitPlural}
            unitSingular={unitSingular}
            name={data.domain.name}
          />
          <SegmentTable fit={fit} unit={unitSingular} />
          <p className="kern-body kern-body--small">
            Szenarien übernehmen Fixkosten und Segmente unverändert als Angebot (fixedCost,
            segments). Verfahren und Annahmen: docs/cost-model.md.
          </p>
        </section>
      ) : null}
    </>
  );
}
