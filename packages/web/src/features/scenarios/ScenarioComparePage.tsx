import { comparisonNames, derivedQualityLabel } from "@it-atlas/domain";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useBoundaries } from "../../api/hooks.ts";
import type { Schemas } from "../../api/client.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { Chart } from "../../ui/Chart.tsx";
import { Pagination } from "../../ui/Pagination.tsx";
import { SortableHeader } from "../../ui/SortableHeader.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { TableExport } from "../../ui/TableExport.tsx";
import { formatInteger } from "../../ui/format.ts";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { ComparisonConstraintPrices } from "./ConstraintPricesSection.tsx";
import { DEMO_LABEL, formatEuro, formatShare } from "./scenarioFormat.ts";
import { useComparison, useScenarios } from "./scenarioQueries.ts";
import { colourByTarget, type KommuneChanges } from "./targetColouring.ts";
import "./scenarios.css";

type Comparison = Schemas["ScenarioComparison"];
type SortColumn = "name" | "ist" | "plan" | "delta";
const PAGE_SIZE = 25;

function scopeText(scope: Comparison["columns"][number]["scope"]): string {
  return `${formatInteger(scope.kommunen)} ${scope.kommunen === 1 ? "Kommune" : "Kommunen"}, ${formatInteger(scope.domains)} ${scope.domains === 1 ? "Leistungsbereich" : "Leistungsbereiche"}`;
}

function parseIds(value: string | null): number[] {
  return (value ?? "")
    .split(",")
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0)
    .slice(0, 5);
}

/** Scenarios side by side with Ist: costs, savings, migrations, providers, map diff, exports. */
export function ScenarioComparePage() {
  usePageTitle("Szenarien vergleichen");
  const [params, setParams] = useSearchParams();
  const ids = parseIds(params.get("ids"));
  const scenarios = useScenarios();
  const comparison = useComparison(ids);
  const toggle = (id: number, on: boolean) => {
    const next = on ? [...ids, id] : ids.filter((other) => other !== id);
    setParams(next.length > 0 ? { ids: next.join(",") } : {});
  };
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Szenarien vergleichen
      </h1>
      <p className="kern-body">Letzte Berechnung je Szenario neben dem Ist.</p>
      {scenarios.data ? (
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Szenarien im Vergleich (höchstens fünf)</legend>
          {scenarios.data.map((scenario) => (
            <div key={scenario.id} className="kern-form-check">
              <input
                id={`compare-${scenario.id}`}
                className="kern-form-check__checkbox"
                type="checkbox"
                checked={ids.includes(scenario.id)}
                disabled={!ids.includes(scenario.id) && ids.length >= 5}
                onChange={(event) => toggle(scenario.id, event.target.checked)}
              />
              <label className="kern-label" htmlFor={`compare-${scenario.id}`}>
                {scenario.name}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {ids.length === 0 ? (
        <EmptyState>Bitte mindestens ein berechnetes Szenario auswählen.</EmptyState>
      ) : comparison.isPending ? (
        <LoadingState label="Vergleich wird berechnet …" />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} />
      ) : (
        <ComparisonView comparison={comparison.data} ids={ids} />
      )}
      <p className="kern-body">
        <Link className="kern-link" to="/szenarien">
          Zurück zu den Szenarien
        </Link>
      </p>
    </>
  );
}

function ComparisonView({ comparison, ids }: { comparison: Comparison; ids: number[] }) {
  const { columns } = comparison;
  const query = `ids=${ids.join(",")}`;
  const rows: Array<[string, (column: Comparison["columns"][number]) => string]> = [
    ["Status", (column) => (column.status === null ? "Ist" : statusText(column.status))],
    ["Umfang", (column) => scopeText(column.scope)],
    ["Ist im eigenen Umfang je Jahr", (column) => formatEuro(column.istCostPerYear)],
    ["Kosten je Jahr", (column) => formatEuro(column.costPerYear.total)],
    ["davon laufend", (column) => formatEuro(column.costPerYear.running)],
    ["davon Wechsel (Annuität)", (column) => formatEuro(column.costPerYear.migration)],
    [
      `Kosten über ${comparison.horizonYears} Jahre`,
      (column) => formatEuro(column.totalOverHorizon),
    ],
    [
      "Einsparung je Jahr gegenüber Ist im eigenen Umfang",
      (column) => formatEuro(column.savingPerYear),
    ],
    [
      `Einsparung über ${comparison.horizonYears} Jahre`,
      (column) => formatEuro(column.savingOverHorizon),
    ],
    ["Einmalige Wechselkosten", (column) => formatEuro(column.oneOffCost)],
    ["Wechsel", (column) => formatInteger(column.migrations)],
    ["Betroffene Kommunen", (column) => formatInteger(column.affectedKommunen)],
    ["Optimalitätslücke", (column) => formatShare(column.gap)],
    ["Qualität", (column) => derivedQualityLabel(column.demo)],
  ];
  const costed = columns.filter((column) => column.costPerYear.total !== null);
  return (
    <>
      <div className="atlas-scenario-actions">
        <a
          className="kern-btn kern-btn--secondary"
          href={`/api/scenarios/compare/xlsx?${query}`}
          download
        >
          <span className="kern-label">Als XLSX exportieren</span>
        </a>
        <a
          className="kern-btn kern-btn--secondary"
          href={`/api/scenarios/compare/pdf?${query}`}
          download
        >
          <span className="kern-label">Als PDF exportieren</span>
        </a>
      </div>
      {comparison.demo ? (
        <p className="kern-body">
          <DemoBadge /> Die mit „{DEMO_LABEL}“ gekennzeichneten Kosten beruhen ganz oder teilweise
          auf synthetischen Werten der Demo-Landkarte und sind keine Tatsachen.
        </p>
      ) : null}
      {comparison.confidentialHidden ? (
        <p className="kern-body">Kosten anderer Kommunen sind vertraulich und ausgeblendet.</p>
      ) : null}
      {comparison.notes.length > 0 ? (
        <div role="note">
          {comparison.notes.map((note) => (
            <p key={note} className="kern-body">
              {note}
            </p>
          ))}
        </div>
      ) : null}
      <table className="kern-table">
        <caption className="kern-title">Kennzahlen im Vergleich ({DEMO_LABEL})</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              Kennzahl
            </th>
            {columns.map((column) => (
              <th key={column.scenarioId ?? "ist"} scope="col" className="kern-table__header">
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map(([label, value]) => (
            <tr key={label} className="kern-table__row">
              <th scope="row" className="kern-table__header">
                {label}
              </th>
              {columns.map((column) => (
                <td
                  key={column.scenarioId ?? "ist"}
                  className="kern-table__cell kern-table__cell--numeric"
                >
                  {value(column)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {costed.length > 0 ? (
        <Chart
          title="Kosten je Jahr im Vergleich"
          description={`Kosten je Jahr von Ist und Szenarien, laufend und Wechsel als Annuität (${DEMO_LABEL}).`}
          option={{
            legend: {},
            xAxis: { type: "category", data: costed.map((column) => column.name) },
            yAxis: { type: "value", name: "€ je Jahr" },
            series: [
              {
                name: "laufend",
                type: "bar",
                stack: "kosten",
                data: costed.map((column) => Math.round(column.costPerYear.running ?? 0)),
              },
              {
                name: "Wechsel (Annuität)",
                type: "bar",
                stack: "kosten",
                data: costed.map((column) => Math.round(column.costPerYear.migration ?? 0)),
              },
            ],
          }}
          table={{
            caption: `Kosten je Jahr (€, ${DEMO_LABEL})`,
            columns: ["", "laufend", "Wechsel (Annuität)", "gesamt"],
            rows: costed.map((column) => [
              column.name,
              Math.round(column.costPerYear.running ?? 0),
              Math.round(column.costPerYear.migration ?? 0),
              Math.round(column.costPerYear.total ?? 0),
            ]),
          }}
        />
      ) : null}
      <ProvidersPerDomain comparison={comparison} />
      <ComparisonConstraintPrices comparison={comparison} />
      <MapDiff comparison={comparison} />
      <KommuneImpact comparison={comparison} />
    </>
  );
}

function statusText(status: NonNullable<Comparison["columns"][number]["status"]>): string {
  const labels = {
    optimal: "optimal (bewiesen)",
    feasible: "zulässig (Lücke offen)",
    infeasible: "unlösbar",
    error: "Fehler",
  } as const;
  return labels[status];
}

function ProvidersPerDomain({ comparison }: { comparison: Comparison }) {
  return (
    <table className="kern-table">
      <caption className="kern-title">Anbieter je Leistungsbereich</caption>
      <thead className="kern-table__head">
        <tr className="kern-table__row">
          <th scope="col" className="kern-table__header">
            Leistungsbereich
          </th>
          {comparison.columns.map((column) => (
            <th key={column.scenarioId ?? "ist"} scope="col" className="kern-table__header">
              {column.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="kern-table__body">
        {comparison.domains.map((domain) => (
          <tr key={domain.id} className="kern-table__row">
            <th scope="row" className="kern-table__header">
              {domain.name}
            </th>
            {comparison.columns.map((column) => (
              <td
                key={column.scenarioId ?? "ist"}
                className="kern-table__cell kern-table__cell--numeric"
              >
                {formatInteger(
                  column.providersPerDomain.find((entry) => entry.domainId === domain.id)?.count ??
                    null,
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MapDiff({ comparison }: { comparison: Comparison }) {
  const boundaries = useBoundaries("gemeinde");
  const scenarioColumns = comparison.columns.filter((column) => column.scenarioId !== null);
  const [index, setIndex] = useState(0);
  const column = scenarioColumns[index];
  const colouring = useMemo(() => {
    const map = new Map<string, KommuneChanges>();
    for (const kommune of comparison.kommunen) {
      const entry = kommune.scenarios[index];
      map.set(kommune.key, {
        name: kommune.name,
        inScope: entry?.inScope ?? false,
        changes: entry?.changes ?? [],
      });
    }
    return colourByTarget(map, comparisonNames(comparison));
  }, [comparison, index]);
  const changing = colouring.changing;
  if (!column) return null;
  return (
    <section aria-labelledby="kartendiff">
      <h2 id="kartendiff" className="kern-heading-medium">
        Karte: wer wechselt zu welchem Anbieter?
      </h2>
      {scenarioColumns.length > 1 ? (
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="map-scenario">
            Szenario auf der Karte
          </label>
          <select
            id="map-scenario"
            className="kern-form-input__select"
            value={index}
            onChange={(event) => setIndex(Number(event.target.value))}
          >
            {scenarioColumns.map((entry, position) => (
              <option key={entry.scenarioId} value={position}>
                {entry.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="atlas-scenario-map">
        {boundaries.data ? (
          <NrwMap
            boundaries={boundaries.data}
            title={`Zielanbieter in „${column.name}“`}
            summary={`${formatInteger(changing)} ${changing === 1 ? "Kommune wechselt" : "Kommunen wechseln"} in „${column.name}“ in mindestens einem Leistungsbereich den Anbieter; die Farbe zeigt den Zielanbieter, die Tabelle unten nennt jeden Wechsel von → nach.`}
            fill={colouring.fill}
            legend={colouring.legend}
            describe={colouring.describe}
          />
        ) : boundaries.isError ? (
          <ErrorState error={boundaries.error} />
        ) : (
          <LoadingState label="Karte wird geladen …" />
        )}
      </div>
    </section>
  );
}

function KommuneImpact({ comparison }: { comparison: Comparison }) {
  const [sort, setSort] = useState<SortColumn>("delta");
  const [direction, setDirection] = useState<"asc" | "desc">("asc");
  const [page, setPage] = useState(1);
  const first = comparison.columns.find((column) => column.scenarioId !== null);
  const { describeChanges } = comparisonNames(comparison);
  const changeText = (entry: Comparison["kommunen"][number]["scenarios"][number] | undefined) =>
    !entry || !entry.inScope
      ? "nicht im Umfang"
      : entry.changesProvider
        ? describeChanges(entry.changes)
        : "nein";
  const valueOf = (kommune: Comparison["kommunen"][number], column: SortColumn) => {
    const entry = kommune.scenarios[0];
    if (column === "name") return kommune.name;
    if (column === "ist") return entry?.istCostPerYear ?? Number.NEGATIVE_INFINITY;
    if (column === "plan") return entry?.planCostPerYear ?? Number.NEGATIVE_INFINITY;
    return entry?.deltaPerYear ?? Number.NEGATIVE_INFINITY;
  };
  const sorted = [...comparison.kommunen].sort((a, b) => {
    const left = valueOf(a, sort);
    const right = valueOf(b, sort);
    const order =
      typeof left === "string" && typeof right === "string"
        ? left.localeCompare(right, "de")
        : Number(left) - Number(right);
    return direction === "asc" ? order : -order;
  });
  const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const onSort = (column: SortColumn, next: "asc" | "desc") => {
    setSort(column);
    setDirection(next);
    setPage(1);
  };
  const scenarioNames = comparison.columns.slice(1).map((column) => column.name);
  return (
    <section aria-labelledby="kommunen">
      <h2 id="kommunen" className="kern-heading-medium">
        Auswirkung je Kommune
      </h2>
      <TableExport<Comparison["kommunen"][number]>
        fileStem="szenariovergleich-kommunen"
        label="Auswirkung je Kommune"
        columns={[
          { header: "Schlüssel", value: (row) => row.key },
          { header: "Kommune", value: (row) => row.name },
          ...scenarioNames.flatMap((name, index) => [
            {
              header: `${name}: Ist im eigenen Umfang (€/Jahr)`,
              value: (row: Comparison["kommunen"][number]) =>
                row.scenarios[index]?.istCostPerYear ?? null,
            },
            {
              header: `${name}: Kosten (€/Jahr)`,
              value: (row: Comparison["kommunen"][number]) =>
                row.scenarios[index]?.planCostPerYear ?? null,
            },
            {
              header: `${name}: von → nach`,
              value: (row: Comparison["kommunen"][number]) => changeText(row.scenarios[index]),
            },
          ]),
          { header: "Qualität", value: (row) => derivedQualityLabel(row.demo) },
        ]}
        rows={sorted}
      />
      <table className="kern-table">
        <caption className="kern-title">
          Kosten je Kommune und Jahr: Ist und „{first?.name ?? ""}“
          {comparison.demo ? ` (mit ${DEMO_LABEL})` : ""}
        </caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <SortableHeader
              column="name"
              label="Kommune"
              sort={sort}
              direction={direction}
              onSort={onSort}
            />
            <SortableHeader
              column="ist"
              label="Ist im Umfang"
              sort={sort}
              direction={direction}
              onSort={onSort}
              numeric
            />
            <SortableHeader
              column="plan"
              label="Szenario"
              sort={sort}
              direction={direction}
              onSort={onSort}
              numeric
            />
            <SortableHeader
              column="delta"
              label="Differenz"
              sort={sort}
              direction={direction}
              onSort={onSort}
              numeric
            />
            <th scope="col" className="kern-table__header">
              Anbieterwechsel (von → nach)
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {shown.map((kommune) => {
            const entry = kommune.scenarios[0];
            return (
              <tr key={kommune.key} className="kern-table__row">
                <td className="kern-table__cell">
                  {kommune.name}
                  {kommune.demo ? (
                    <>
                      {" "}
                      <DemoBadge small />
                    </>
                  ) : null}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {entry?.inScope === false ? "–" : formatEuro(entry?.istCostPerYear)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {entry?.planCostPerYear === null && !comparison.confidentialHidden
                    ? "–"
                    : formatEuro(entry?.planCostPerYear)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatEuro(entry?.deltaPerYear)}
                </td>
                <td className="kern-table__cell">{changeText(entry)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={sorted.length}
        onPage={setPage}
        label="Seiten der Kommunen"
      />
    </section>
  );
}
