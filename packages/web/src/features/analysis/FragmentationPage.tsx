import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { useBoundaries } from "../../api/hooks.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { Chart } from "../../ui/Chart.tsx";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { StichtagField } from "../sourcing/StichtagField.tsx";
import { useStichtag } from "../sourcing/useStichtag.ts";
import { useFragmentation } from "./analysisQueries.ts";
import { dependencyColouring } from "./dependencyColouring.ts";
import { DomainConcentrationTable } from "./DomainConcentrationTable.tsx";
import { formatHhi, formatOneDecimal, formatPercent } from "./format.ts";
import { KeyFigures } from "./KeyFigures.tsx";
import { KommuneDependencyTable } from "./KommuneDependencyTable.tsx";
import "./analysis.css";

type Overview = Schemas["FragmentationResponse"];

function DomainChart({ overview }: { overview: Overview }) {
  const domains = useMemo(
    () => [...overview.domains].sort((a, b) => (a.hhi ?? 0) - (b.hhi ?? 0)),
    [overview.domains],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 200, right: 24, top: 32, bottom: 24 },
      xAxis: { type: "value", name: "Anzahl" },
      yAxis: { type: "category", data: domains.map((domain) => domain.domainName), inverse: true },
      series: [
        {
          name: "IT-Dienstleister",
          type: "bar",
          data: domains.map((domain) => domain.providers),
          itemStyle: { color: "#0072B2" },
        },
        {
          name: "Effektive Betreiberzahl (1/HHI)",
          type: "bar",
          data: domains.map((domain) =>
            domain.effectiveOperators === null
              ? null
              : Number(domain.effectiveOperators.toFixed(2)),
          ),
          itemStyle: { color: "#E69F00" },
        },
      ],
    }),
    [domains],
  );
  return (
    <Chart
      title="Anbieter und effektive Betreiberzahl je Leistungsbereich"
      description="Balken je Leistungsbereich: die Zahl der IT-Dienstleister und die effektive Zahl gleich großer Betreiber (1 geteilt durch den Herfindahl-Index; jeder eigene Betrieb zählt als Betreiber). Sortiert vom am stärksten zersplitterten Bereich an."
      option={option}
      height={Math.max(320, domains.length * 26 + 60)}
      table={{
        columns: [
          "Leistungsbereich",
          "IT-Dienstleister",
          "Betreiber",
          "Herfindahl-Index",
          "Effektive Betreiberzahl",
        ],
        rows: domains.map((domain) => [
          domain.domainName,
          domain.providers,
          domain.operators,
          domain.hhi,
          domain.effectiveOperators,
        ]),
      }}
    />
  );
}

function DependencyMap({ overview }: { overview: Overview }) {
  const boundaries = useBoundaries("gemeinde");
  const counts = useMemo(
    () => new Map(overview.kommuneDependencies.map((row) => [row.ags, row.providers])),
    [overview.kommuneDependencies],
  );
  const colouring = useMemo(() => dependencyColouring(counts), [counts]);
  const navigate = useNavigate();
  if (boundaries.isPending) return <LoadingState label="Karte wird geladen …" />;
  if (boundaries.isError)
    return <ErrorState error={boundaries.error} title="Karte nicht geladen" />;
  const gemeinden = overview.kommuneDependencies.filter((row) => row.kind === "gemeinde");
  const many = gemeinden.filter((row) => row.providers >= 3).length;
  return (
    <NrwMap
      boundaries={boundaries.data}
      title="Zahl der Anbieter, von denen eine Gemeinde abhängt"
      summary={`${formatInteger(gemeinden.length)} Gemeinden; ${formatInteger(many)} davon beziehen ihre Leistungen von drei oder mehr Anbietern. Kreise stehen in der Tabelle.`}
      fill={colouring.colourOf}
      legend={colouring.legend}
      describe={colouring.describe}
      onSelect={(key) => void navigate(`/kommunen/${key}`)}
    />
  );
}

/**
 * Fragmentierung: how split up the municipal IT of NRW is — per Leistungsbereich the number of
 * providers and the concentration (Herfindahl-Index), per Kommune the providers it depends on.
 */
export function FragmentationPage() {
  usePageTitle("Fragmentierung");
  const [asOf, setAsOf] = useStichtag();
  const overview = useFragmentation(asOf);
  const data = overview.data;

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Fragmentierung
      </h1>
      <p className="kern-body kern-body--large">
        Wie zersplittert ist die kommunale IT in NRW? Je Leistungsbereich die Zahl der Anbieter und
        die Konzentration der Mengen (Herfindahl-Index), je Kommune die Zahl der Anbieter, von denen
        sie abhängt.
      </p>
      <div className="atlas-analysis-actions">
        <StichtagField value={asOf} onChange={setAsOf} />
        <Link className="kern-link" to="/fragmentierung/kostenkurven">
          Kostenkurven (Skaleneffekte)
        </Link>
      </div>
      {overview.isPending ? <LoadingState label="Analyse wird berechnet …" /> : null}
      {overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : null}
      {data && data.domains.length === 0 ? (
        <EmptyState>Zum {formatIsoDate(asOf)} ist kein Bezug erfasst.</EmptyState>
      ) : null}
      {data && data.domains.length > 0 ? (
        <>
          {data.demo ? (
            <p className="kern-body">
              <DemoBadge /> Mengen und Kosten der Landkarte sind synthetisch.
            </p>
          ) : null}
          <section aria-labelledby="kennzahlen">
            <h2 id="kennzahlen" className="kern-heading-medium">
              Kennzahlen am {formatIsoDate(data.asOf)}
            </h2>
            <KeyFigures
              items={[
                {
                  label: "Fragmentierungsindex NRW (0 = ein Betreiber je Bereich)",
                  value: formatHhi(data.index.value),
                },
                {
                  label: "Effektive Betreiber je Bereich (Mittel)",
                  value: formatOneDecimal(data.index.meanEffectiveOperators),
                },
                { label: "Kommunen", value: formatInteger(data.kommunen) },
                { label: "IT-Dienstleister", value: formatInteger(data.providers) },
                { label: "Anteil eigener Betrieb", value: formatPercent(data.inHouseShare) },
                {
                  label: "Anbieter je Kommune (Median)",
                  value: formatOneDecimal(data.medianProvidersPerKommune),
                },
              ]}
            />
            <p className="kern-body kern-body--small">
              Fragmentierungsindex = Mittel über die Leistungsbereiche von 1 − Herfindahl-Index
              (Skala 0 bis 1, über Mengenanteile; jeder eigene Betrieb zählt als eigener Betreiber).
              {data.confidentialHidden
                ? " Kosten sind nur für KDN-Analyse und Administration sichtbar."
                : ""}
            </p>
          </section>
          <section aria-labelledby="bereiche">
            <h2 id="bereiche" className="kern-heading-medium">
              Leistungsbereiche
            </h2>
            <DomainChart overview={data} />
            <DomainConcentrationTable
              domains={data.domains}
              asOf={data.asOf}
              caption={`Konzentration je Leistungsbereich am ${formatIsoDate(data.asOf)}`}
              fileName={`fragmentierung-${data.asOf}`}
            />
          </section>
          <section aria-labelledby="kommunen">
            <h2 id="kommunen" className="kern-heading-medium">
              Anbieter je Kommune
            </h2>
            <DependencyMap overview={data} />
            <KommuneDependencyTable
              rows={data.kommuneDependencies}
              caption={`Anbieter je Kommune am ${formatIsoDate(data.asOf)}`}
              fileName={`anbieter-je-kommune-${data.asOf}`}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
