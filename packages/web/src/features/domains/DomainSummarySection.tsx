import { operatingModelLabel, type OperatingModel } from "@it-atlas/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { EmptyState } from "../../ui/States.tsx";
import { DemoBanner } from "../sourcing/DemoBanner.tsx";
import { formatEuro } from "../sourcing/formatEuro.ts";
import { volumeUnitSingular } from "../sourcing/formatVolume.ts";
import { CostPerUnitChart } from "./CostPerUnitChart.tsx";
import "./domains.css";

type Summary = Schemas["DomainSummary"];

const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 1 });

function SimpleTable({
  caption,
  headers,
  numeric,
  rows,
}: {
  caption: string;
  headers: string[];
  numeric: number[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
}) {
  const numericClass = (index: number) =>
    numeric.includes(index) ? " kern-table__cell--numeric" : "";
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small">
        <caption className="atlas-visually-hidden">{caption}</caption>
        <thead>
          <tr className="kern-table__row">
            {headers.map((header, index) => (
              <th
                key={header}
                scope="col"
                className={`kern-table__header${numeric.includes(index) ? " kern-table__header--numeric" : ""}`}
              >
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row) => (
            <tr key={row.key} className="kern-table__row">
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="kern-table__cell">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={`kern-table__cell${numericClass(index)}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// The server withholds cost aggregates that would reveal a single Kommune (null).
function euroOrWithheld(value: number | null): string {
  return value === null ? "nicht ausgewiesen" : formatEuro(value);
}

function isOperatingModel(value: string): value is OperatingModel {
  return value in operatingModelLabel;
}

/**
 * How a Leistungsbereich is provided on a Stichtag: Kommunen and cost, who provides it, with
 * which operating models and products, and what it costs per volume unit.
 */
export function DomainSummarySection({
  name,
  summary,
  asOf,
  volumeUnit,
}: {
  name: string;
  summary: Summary;
  asOf: string;
  volumeUnit: string | null;
}) {
  if (summary.kommunen === 0) {
    return (
      <EmptyState>
        Zum {formatIsoDate(asOf)} ist für {name} kein Bezug erfasst.
      </EmptyState>
    );
  }
  const unit = volumeUnitSingular(volumeUnit);
  const share = (count: number) => percent.format(count / summary.kommunen);
  const distribution = summary.costPerUnit;
  return (
    <div className="atlas-domain-summary">
      {summary.demo ? <DemoBanner /> : null}
      {summary.restricted ? (
        <p className="kern-body">
          Kosten über weniger als drei Kommunen sowie kleinster und größter Wert werden nur
          Berechtigten ausgewiesen, damit keine einzelne Kommune erkennbar ist.
        </p>
      ) : null}
      <dl className="atlas-figures">
        <div className="atlas-figure">
          <dt className="kern-body">Kommunen mit Angabe</dt>
          <dd className="atlas-figure__value">{formatInteger(summary.kommunen)}</dd>
        </div>
        <div className="atlas-figure">
          <dt className="kern-body">Kosten pro Jahr zusammen</dt>
          <dd className="atlas-figure__value">{euroOrWithheld(summary.totalCost)}</dd>
        </div>
      </dl>

      <h3 className="kern-heading-small">Wer erbringt den Leistungsbereich?</h3>
      {summary.byProvider.length === 0 ? (
        <p className="kern-body">Keine Kommune bezieht {name} von einem IT-Dienstleister.</p>
      ) : (
        <SimpleTable
          caption={`IT-Dienstleister für ${name}, Stichtag ${formatIsoDate(asOf)}`}
          headers={["IT-Dienstleister", "Kommunen", "Anteil", "Kosten pro Jahr"]}
          numeric={[1, 2, 3]}
          rows={summary.byProvider.map((entry) => ({
            key: entry.providerId,
            cells: [
              <Link key="link" className="kern-link" to={`/dienstleister/${entry.providerId}`}>
                {entry.shortName}
              </Link>,
              formatInteger(entry.count),
              share(entry.count),
              euroOrWithheld(entry.cost),
            ],
          }))}
        />
      )}

      <h3 className="kern-heading-small">Betriebsmodelle</h3>
      <SimpleTable
        caption={`Betriebsmodelle für ${name}`}
        headers={["Betriebsmodell", "Kommunen", "Anteil"]}
        numeric={[1, 2]}
        rows={summary.byOperatingModel.map((entry) => ({
          key: entry.operatingModel,
          cells: [
            isOperatingModel(entry.operatingModel)
              ? operatingModelLabel[entry.operatingModel]
              : entry.operatingModel,
            formatInteger(entry.count),
            share(entry.count),
          ],
        }))}
      />

      <h3 className="kern-heading-small">Produkte im Einsatz</h3>
      {summary.byProduct.length === 0 ? (
        <p className="kern-body">Zu keinem Bezug ist ein Produkt angegeben.</p>
      ) : (
        <SimpleTable
          caption={`Eingesetzte Produkte für ${name}`}
          headers={["Produkt", "Kommunen", "Anteil"]}
          numeric={[1, 2]}
          rows={summary.byProduct.map((entry) => ({
            key: entry.productId,
            cells: [entry.name, formatInteger(entry.count), share(entry.count)],
          }))}
        />
      )}

      <h3 className="kern-heading-small">Kosten je {unit}</h3>
      {distribution ? (
        <>
          <p className="kern-body">
            Jährliche Kosten geteilt durch die Menge, über {formatInteger(distribution.count)}{" "}
            Kommunen mit Kosten- und Mengenangabe. Die Box reicht vom unteren zum oberen Quartil,
            der dicke Strich ist der Median, die Linien reichen bis zum kleinsten und größten Wert.
          </p>
          <CostPerUnitChart distribution={distribution} unit={unit} />
          <SimpleTable
            caption={`Kosten pro Jahr je ${unit} für ${name}`}
            headers={["Kennzahl", `Kosten je ${unit}`]}
            numeric={[1]}
            rows={(
              [
                ["Minimum", distribution.min],
                ["Unteres Quartil (25 %)", distribution.p25],
                ["Median", distribution.median],
                ["Oberes Quartil (75 %)", distribution.p75],
                ["Maximum", distribution.max],
              ] satisfies Array<[string, number | null]>
            ).map(([label, value]) => ({
              key: label,
              cells: [label, euroOrWithheld(value)],
            }))}
          />
        </>
      ) : (
        <p className="kern-body">
          Für keinen Bezug sind zugleich Kosten und Menge angegeben; Kosten je {unit} lassen sich
          daher nicht vergleichen.
        </p>
      )}
    </div>
  );
}
