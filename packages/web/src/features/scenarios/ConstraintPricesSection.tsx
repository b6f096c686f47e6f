import {
  constraintGroupLabel,
  costAboveIstExplanation,
  type ConstraintPrice,
} from "@it-atlas/domain";
import { useId } from "react";
import { SortableTable, type TableColumn } from "../../ui/SortableTable.tsx";
import { formatInteger, formatNumber } from "../../ui/format.ts";
import { DEMO_LABEL, formatEuro } from "./scenarioFormat.ts";

function proofText(price: ConstraintPrice): string {
  if (price.proven) return "bewiesen";
  if (price.pricePerYear === null && price.status === "error") return "kein Plan";
  return "Lücke offen";
}

const columns: ReadonlyArray<TableColumn<ConstraintPrice>> = [
  {
    id: "group",
    header: "Vorgabe",
    rowHeader: true,
    accessor: (price) => constraintGroupLabel[price.group],
    sortValue: (price) => constraintGroupLabel[price.group],
  },
  {
    id: "instances",
    header: "Anzahl",
    numeric: true,
    accessor: (price) => formatInteger(price.instances),
    sortValue: (price) => price.instances,
  },
  {
    id: "price",
    header: "Mehrkosten je Jahr",
    numeric: true,
    accessor: (price) =>
      price.pricePerYear === null && price.status === "error"
        ? "–"
        : formatEuro(price.pricePerYear),
    sortValue: (price) => price.pricePerYear,
  },
  {
    id: "range",
    header: "Spanne (mindestens – höchstens)",
    numeric: true,
    accessor: (price) =>
      price.priceLower === null && price.priceUpper === null
        ? "–"
        : `${formatEuro(price.priceLower)} – ${price.priceUpper === null ? "offen" : formatEuro(price.priceUpper)}`,
    sortValue: (price) => price.priceUpper,
  },
  {
    id: "proof",
    header: "Neuberechnung",
    accessor: (price) =>
      `${proofText(price)} (${formatNumber(price.seconds)} s)${price.message ? `: ${price.message}` : ""}`,
    sortValue: (price) => proofText(price),
  },
];

/**
 * „Preis der Vorgabe“: what each constraint group of a solved scenario costs per year, from a
 * re-solve without it, as a sortable table; when the plan costs more than Ist, a sentence names
 * the constraints that force it. Nothing when the prices were not computed.
 */
export function ConstraintPricesSection({
  title = "Preis der Vorgabe",
  prices,
  savingPerYear,
  confidentialHidden,
}: {
  title?: string;
  prices: readonly ConstraintPrice[] | null;
  savingPerYear: number | null;
  confidentialHidden: boolean;
}) {
  const headingId = useId();
  if (prices === null) return null;
  const explanation = costAboveIstExplanation(savingPerYear, prices);
  return (
    <section aria-labelledby={headingId} className="atlas-constraint-prices">
      <h3 id={headingId} className="kern-heading-small">
        {title}
      </h3>
      {prices.length === 0 ? (
        <p className="kern-body">Das Szenario hat keine Vorgaben, deren Preis zu ermitteln wäre.</p>
      ) : (
        <>
          <p className="kern-body">
            Mehrkosten je Jahr, die eine Vorgabe verursacht: der Plan mit ihr minus das Optimum ohne
            sie (neu berechnet, jede Vorgabe allein weggelassen; die Preise addieren sich nicht).
            Fusionsoptionen sind Möglichkeiten, keine Beschränkungen: ein negativer Wert ist ihre
            Einsparung. Die Spanne ergibt sich aus dem Abstand zwischen Zielwert und unterer
            Schranke beider Rechnungen.
          </p>
          {explanation ? (
            <div className="kern-alert kern-alert--warning" role="status">
              <div className="kern-alert__header">
                <span className="kern-title">Teurer als Ist</span>
              </div>
              <div className="kern-alert__body">
                <p className="kern-body">{explanation}</p>
              </div>
            </div>
          ) : null}
          {confidentialHidden ? (
            <p className="kern-body">
              Die Beträge fassen vertrauliche Kosten aller Kommunen zusammen und sind ausgeblendet.
            </p>
          ) : null}
          <SortableTable
            caption={`${title} (${DEMO_LABEL})`}
            columns={columns}
            rows={prices}
            rowKey={(price) => price.group}
            defaultSort={{ column: "price", direction: "desc" }}
          />
        </>
      )}
    </section>
  );
}

/**
 * The comparison's „Preis der Vorgabe“: one table per compared scenario that has prices. Its
 * savings come from the comparison's columns (each against Ist).
 */
export function ComparisonConstraintPrices({
  comparison,
}: {
  comparison: {
    columns: ReadonlyArray<{
      scenarioId: number | null;
      name: string;
      savingPerYear: number | null;
    }>;
    constraintPrices: ReadonlyArray<{ scenarioId: number; prices: ConstraintPrice[] | null }>;
    confidentialHidden: boolean;
  };
}) {
  const priced = comparison.constraintPrices.flatMap((entry) => {
    const column = comparison.columns.find(
      (candidate) => candidate.scenarioId === entry.scenarioId,
    );
    return column && entry.prices ? [{ column, prices: entry.prices }] : [];
  });
  if (priced.length === 0) return null;
  return (
    <section aria-labelledby="preis-der-vorgabe">
      <h2 id="preis-der-vorgabe" className="kern-heading-medium">
        Preis der Vorgabe
      </h2>
      {priced.map(({ column, prices }) => (
        <ConstraintPricesSection
          key={column.scenarioId}
          title={`Preis der Vorgabe: ${column.name}`}
          prices={prices}
          savingPerYear={column.savingPerYear}
          confidentialHidden={comparison.confidentialHidden}
        />
      ))}
    </section>
  );
}
