import { useMemo } from "react";
import { Link, useParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { Chart } from "../../ui/Chart.tsx";
import { TableExport } from "../../ui/TableExport.tsx";
import { formatInteger, formatIsoDate, formatNumber } from "../../ui/format.ts";
import { LoadFailure, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { CostPerUnitChart } from "../domains/CostPerUnitChart.tsx";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { formatEuro } from "../sourcing/formatEuro.ts";
import { volumeUnitName, volumeUnitSingular } from "../sourcing/formatVolume.ts";
import { StichtagField } from "../sourcing/StichtagField.tsx";
import { useStichtag } from "../sourcing/useStichtag.ts";
import { useDomainAnalysis } from "./analysisQueries.ts";
import { formatHhi, formatOneDecimal, formatPercent } from "./format.ts";
import { KeyFigures } from "./KeyFigures.tsx";
import "./analysis.css";

type Analysis = Schemas["DomainAnalysisResponse"];
type ProviderScale = Schemas["ProviderScale"];

const KIND_LABEL: Record<ProviderScale["kind"], string> = {
  dienstleister: "IT-Dienstleister",
  kommune: "Andere Kommune",
  land: "Land",
  efa: "EfA-Dienst",
  eigenbetrieb: "Eigener Betrieb",
};

const CSV_COLUMNS = [
  { header: "Anbieter", value: (row: ProviderScale) => row.name },
  { header: "Art", value: (row: ProviderScale) => KIND_LABEL[row.kind] },
  { header: "Kommunen", value: (row: ProviderScale) => row.kommunen },
  { header: "Menge", value: (row: ProviderScale) => row.volume },
  { header: "Mengenanteil", value: (row: ProviderScale) => row.share },
  { header: "Laufende Kosten je Jahr (€)", value: (row: ProviderScale) => row.runningCost },
];

function ShareChart({ data }: { data: Analysis }) {
  const rows = useMemo(
    () => [
      ...data.providers.map((provider) => ({ name: provider.name, share: provider.share })),
      { name: "Eigener Betrieb (alle)", share: data.inHouse.share },
    ],
    [data],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 200, right: 24, top: 16, bottom: 32 },
      xAxis: { type: "value", name: "Anteil in %", max: 100 },
      yAxis: { type: "category", data: rows.map((row) => row.name), inverse: true },
      series: [
        {
          name: "Mengenanteil",
          type: "bar",
          data: rows.map((row) => (row.share === null ? null : Math.round(row.share * 1000) / 10)),
          itemStyle: { color: "#0072B2" },
        },
      ],
    }),
    [rows],
  );
  return (
    <Chart
      title={`Mengenanteile in ${data.domain.name}`}
      description="Anteil jedes Anbieters an der gesamten Menge des Leistungsbereichs in Prozent; alle Kommunen im eigenen Betrieb zusammen als letzter Balken."
      option={option}
      height={Math.max(200, rows.length * 26 + 60)}
      table={{
        columns: ["Anbieter", "Anteil in %"],
        rows: rows.map((row) => [
          row.name,
          row.share === null ? null : Math.round(row.share * 1000) / 10,
        ]),
      }}
    />
  );
}

function ProviderTable({ data }: { data: Analysis }) {
  const unit = volumeUnitName(data.domain.volumeUnit) || "Einheiten";
  return (
    <>
      <div className="atlas-analysis-actions">
        <TableExport
          fileStem={`anbieter-${data.domain.id}-${data.asOf}`}
          columns={CSV_COLUMNS}
          rows={data.providers}
          label="Anbieter"
        />
      </div>
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--small">
          <caption className="kern-body kern-body--bold">
            Größe der Anbieter in {data.domain.name} am {formatIsoDate(data.asOf)}
          </caption>
          <thead>
            <tr className="kern-table__row">
              {["Anbieter", "Art", "Kommunen", `Menge (${unit})`, "Anteil", "Laufende Kosten"].map(
                (header) => (
                  <th key={header} scope="col" className="kern-table__header">
                    {header}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {data.providers.map((provider) => (
              <tr key={provider.operatorKey} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  {provider.providerId ? (
                    <Link
                      className="kern-link"
                      to={`/fragmentierung/anbieter/${encodeURIComponent(provider.providerId)}?stichtag=${data.asOf}`}
                    >
                      {provider.name}
                    </Link>
                  ) : (
                    provider.name
                  )}
                </th>
                <td className="kern-table__cell">{KIND_LABEL[provider.kind]}</td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatInteger(provider.kommunen)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatNumber(provider.volume)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatPercent(provider.share)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatEuro(provider.runningCost)}
                </td>
              </tr>
            ))}
            <tr className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                Eigener Betrieb (alle)
              </th>
              <td className="kern-table__cell">{KIND_LABEL.eigenbetrieb}</td>
              <td className="kern-table__cell kern-table__cell--numeric">
                {formatInteger(data.inHouse.kommunen)}
              </td>
              <td className="kern-table__cell kern-table__cell--numeric">
                {formatNumber(data.inHouse.volume)}
              </td>
              <td className="kern-table__cell kern-table__cell--numeric">
                {formatPercent(data.inHouse.share)}
              </td>
              <td className="kern-table__cell kern-table__cell--numeric">
                {formatEuro(data.inHouse.runningCost)}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Drill-down of one Leistungsbereich: concentration, provider scale, cost per unit. */
export function DomainAnalysisPage() {
  const { id = "" } = useParams();
  const [asOf, setAsOf] = useStichtag();
  const analysis = useDomainAnalysis(id, asOf);
  const data = analysis.data;
  usePageTitle(data ? `Fragmentierung: ${data.domain.name}` : "Fragmentierung");

  if (analysis.isPending) return <LoadingState label="Analyse wird berechnet …" />;
  if (analysis.isError || !data) {
    return (
      <LoadFailure
        error={analysis.error}
        what="Leistungsbereich"
        back={{ to: "/fragmentierung", label: "Zur Übersicht Fragmentierung" }}
        onRetry={() => void analysis.refetch()}
      />
    );
  }
  const { concentration } = data;
  const unit = volumeUnitSingular(data.domain.volumeUnit);

  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">
        <Link className="kern-link" to={`/fragmentierung?stichtag=${asOf}`}>
          Fragmentierung
        </Link>{" "}
        › {data.domain.name}
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {data.domain.name}: Anbieter und Konzentration
      </h1>
      <div className="atlas-analysis-actions">
        <StichtagField value={asOf} onChange={setAsOf} />
        <Link
          className="kern-link"
          to={`/fragmentierung/kostenkurven?bereich=${encodeURIComponent(data.domain.id)}&stichtag=${asOf}`}
        >
          Kostenkurve dieses Bereichs
        </Link>
        <Link className="kern-link" to={`/leistungsbereiche/${encodeURIComponent(data.domain.id)}`}>
          Beschreibung des Leistungsbereichs
        </Link>
      </div>
      {concentration.demo ? (
        <p className="kern-body">
          <DemoBadge /> Mengen und Kosten sind synthetisch.
        </p>
      ) : null}
      <section aria-labelledby="kennzahlen">
        <h2 id="kennzahlen" className="kern-heading-medium">
          Kennzahlen am {formatIsoDate(data.asOf)}
        </h2>
        <KeyFigures
          items={[
            { label: "Kommunen", value: formatInteger(concentration.kommunen) },
            { label: "IT-Dienstleister", value: formatInteger(concentration.providers) },
            { label: "Produkte", value: formatInteger(concentration.products) },
            { label: "Eigener Betrieb", value: formatInteger(concentration.inHouse) },
            { label: "Herfindahl-Index (0 bis 1)", value: formatHhi(concentration.hhi) },
            {
              label: "Effektive Betreiberzahl (1/HHI)",
              value: formatOneDecimal(concentration.effectiveOperators),
            },
          ]}
        />
      </section>
      <section aria-labelledby="anbieter">
        <h2 id="anbieter" className="kern-heading-medium">
          Größe der Anbieter
        </h2>
        {data.confidentialHidden ? (
          <p className="kern-body">
            Mengen und Kosten sind vertraulich; angezeigt werden Zahl der Kommunen und Anteile.
          </p>
        ) : null}
        <ShareChart data={data} />
        <ProviderTable data={data} />
      </section>
      <section aria-labelledby="kosten">
        <h2 id="kosten" className="kern-heading-medium">
          Laufende Kosten je {unit} und Jahr
        </h2>
        {concentration.costPerUnit ? (
          <>
            <CostPerUnitChart distribution={concentration.costPerUnit} unit={unit} />
            <p className="kern-body">
              Mittelwert {formatEuro(concentration.costPerUnit.mean)}, Variationskoeffizient{" "}
              {formatHhi(concentration.costPerUnit.coefficientOfVariation)} (Standardabweichung ÷
              Mittelwert) über {formatInteger(concentration.costPerUnit.count)} Kommunen.
            </p>
          </>
        ) : (
          <p className="kern-body">
            {data.confidentialHidden
              ? "Kosten sind nur für KDN-Analyse und Administration sichtbar."
              : "Für diesen Bereich sind keine Kosten mit Mengen erfasst."}
          </p>
        )}
      </section>
    </>
  );
}
