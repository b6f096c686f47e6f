import { formatDecimal, formatEuro, formatInteger, formatPercent } from "../../ui/format.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import type { KpiFiguresView } from "./kpiQueries.ts";

function share(value: number | null): string {
  return formatPercent(value);
}

/** The current figures of a scope as a table (the same numbers as the reports). */
export function KpiFiguresTable({ name, figures }: { name: string; figures: KpiFiguresView }) {
  const cost = (value: number | null) =>
    figures.costHidden || value === null ? (
      "vertraulich"
    ) : (
      <>
        {formatEuro(value)} {figures.costDemo ? <DemoBadge small /> : null}
      </>
    );
  const rows: Array<[string, React.ReactNode]> = [
    ["Kommunen (Kreise und Gemeinden)", formatInteger(figures.kommunen)],
    ["Einwohner (Zensus 2022)", formatInteger(figures.population)],
    ["IT-Dienstleister im Einsatz", formatInteger(figures.providers)],
    ["Fragmentierungsindex (1 – Herfindahl-Index)", formatDecimal(figures.fragmentationIndex)],
    [
      "OZG-Abdeckung",
      `${share(figures.ozgCoverage)} (${formatInteger(figures.ozgOnline)} von ${formatInteger(figures.ozgResponsible)} Leistungen online)`,
    ],
    [
      "Bedarfserhebung abgeschlossen",
      `${share(figures.surveyCompletion)} (${formatInteger(figures.surveyCompleted)} von ${formatInteger(figures.surveyResponses)})`,
    ],
    [
      "Maßnahmen termingerecht",
      figures.measuresTotal === null
        ? "noch keine Maßnahmen erfasst"
        : `${share(figures.measuresOnTimeShare)} (${formatInteger(figures.measuresOnTime)} von ${formatInteger(figures.measuresTotal)})`,
    ],
    ["Laufende Kosten je Jahr", cost(figures.runningCost)],
    ["Investitionen je Jahr", cost(figures.investmentCost)],
  ];
  return (
    <table className="kern-table">
      <caption className="kern-title">Aktuelle Kennzahlen – {name}</caption>
      <thead className="kern-table__head">
        <tr className="kern-table__row">
          <th scope="col" className="kern-table__header">
            Kennzahl
          </th>
          <th scope="col" className="kern-table__header">
            Wert
          </th>
        </tr>
      </thead>
      <tbody className="kern-table__body">
        {rows.map(([label, value]) => (
          <tr key={label} className="kern-table__row">
            <th scope="row" className="kern-table__header">
              {label}
            </th>
            <td className="kern-table__cell">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
