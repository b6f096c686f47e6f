import { useMemo } from "react";
import { Link, useParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { Chart } from "../../ui/Chart.tsx";
import { TableExport } from "../../ui/TableExport.tsx";
import { formatInteger, formatIsoDate, formatNumber } from "../../ui/format.ts";
import { EmptyState, LoadFailure, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { formatEuro } from "../sourcing/formatEuro.ts";
import { StichtagField } from "../sourcing/StichtagField.tsx";
import { useStichtag } from "../sourcing/useStichtag.ts";
import { useProviderAnalysis } from "./analysisQueries.ts";
import { formatPercent } from "./format.ts";
import { KeyFigures } from "./KeyFigures.tsx";
import "./analysis.css";

type ProviderScale = Schemas["ProviderScale"];

const CSV_COLUMNS = [
  { header: "Leistungsbereich", value: (row: ProviderScale) => row.domainName },
  { header: "Kommunen", value: (row: ProviderScale) => row.kommunen },
  { header: "Menge", value: (row: ProviderScale) => row.volume },
  { header: "Mengenanteil", value: (row: ProviderScale) => row.share },
  { header: "Laufende Kosten je Jahr (€)", value: (row: ProviderScale) => row.runningCost },
];

function percentOf(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** Per provider: how large it is in each Leistungsbereich (Kommunen, volume, share, cost). */
export function ProviderScalePage() {
  const { id = "" } = useParams();
  const [asOf, setAsOf] = useStichtag();
  const analysis = useProviderAnalysis(id, asOf);
  const data = analysis.data;
  usePageTitle(data ? `Größe von ${data.provider.shortName}` : "Größe eines Anbieters");
  const items = useMemo(
    () => [...(data?.items ?? [])].sort((a, b) => (b.share ?? 0) - (a.share ?? 0)),
    [data],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 200, right: 24, top: 16, bottom: 32 },
      xAxis: { type: "value", name: "Anteil in %" },
      yAxis: { type: "category", data: items.map((item) => item.domainName), inverse: true },
      series: [
        {
          name: "Mengenanteil in NRW",
          type: "bar",
          data: items.map((item) => percentOf(item.share)),
          itemStyle: { color: "#0072B2" },
        },
      ],
    }),
    [items],
  );

  if (analysis.isPending) return <LoadingState label="Analyse wird berechnet …" />;
  if (analysis.isError || !data) {
    return (
      <LoadFailure
        error={analysis.error}
        what="IT-Dienstleister"
        back={{ to: "/fragmentierung", label: "Zur Übersicht Fragmentierung" }}
        onRetry={() => void analysis.refetch()}
      />
    );
  }

  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">
        <Link className="kern-link" to={`/fragmentierung?stichtag=${asOf}`}>
          Fragmentierung
        </Link>{" "}
        › {data.provider.shortName}
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Größe von {data.provider.shortName} je Leistungsbereich
      </h1>
      <div className="atlas-analysis-actions">
        <StichtagField value={asOf} onChange={setAsOf} />
        <Link className="kern-link" to={`/dienstleister/${encodeURIComponent(data.provider.id)}`}>
          Profil von {data.provider.shortName}
        </Link>
      </div>
      {items.length === 0 ? (
        <EmptyState>
          {data.provider.shortName} betreibt zum {formatIsoDate(data.asOf)} keinen Leistungsbereich
          für eine Kommune.
        </EmptyState>
      ) : (
        <>
          <p className="kern-body">
            <DemoBadge /> Mengen und Kosten sind synthetisch.
            {data.confidentialHidden
              ? " Mengen und Kosten sind vertraulich; angezeigt werden Kommunen und Anteile."
              : ""}
          </p>
          <KeyFigures
            items={[
              { label: "Kommunen (alle Bereiche)", value: formatInteger(data.kommunen) },
              { label: "Leistungsbereiche", value: formatInteger(items.length) },
              {
                label: "Größter Anteil",
                value: `${formatPercent(items[0]?.share)} (${items[0]?.domainName ?? "–"})`,
              },
            ]}
          />
          <Chart
            title={`Mengenanteile von ${data.provider.shortName} je Leistungsbereich`}
            description="Anteil des Anbieters an der gesamten Menge jedes Leistungsbereichs in NRW, in Prozent."
            option={option}
            height={Math.max(220, items.length * 24 + 60)}
            table={{
              columns: ["Leistungsbereich", "Anteil in %"],
              rows: items.map((item) => [item.domainName, percentOf(item.share)]),
            }}
          />
          <div className="atlas-analysis-actions">
            <TableExport
              fileStem={`anbieter-${data.provider.id}-${data.asOf}`}
              columns={CSV_COLUMNS}
              rows={items}
              label="Tabelle"
            />
          </div>
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--small">
              <caption className="kern-body kern-body--bold">
                {data.provider.shortName} je Leistungsbereich am {formatIsoDate(data.asOf)}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  {["Leistungsbereich", "Kommunen", "Menge", "Anteil", "Laufende Kosten"].map(
                    (header) => (
                      <th key={header} scope="col" className="kern-table__header">
                        {header}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {items.map((item) => (
                  <tr key={item.domainId} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      <Link
                        className="kern-link"
                        to={`/fragmentierung/${encodeURIComponent(item.domainId)}?stichtag=${data.asOf}`}
                      >
                        {item.domainName}
                      </Link>
                    </th>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {formatInteger(item.kommunen)}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {formatNumber(item.volume)}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {formatPercent(item.share)}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {formatEuro(item.runningCost)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
