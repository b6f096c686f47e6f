import { comparisonNames, type ProviderChange } from "@it-atlas/domain";
import { useMemo, useState } from "react";
import type { Schemas } from "../../api/client.ts";
import { useBoundaries } from "../../api/hooks.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { Pagination } from "../../ui/Pagination.tsx";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { TableExport } from "../../ui/TableExport.tsx";
import { formatInteger } from "../../ui/format.ts";
import { DEMO_LABEL, formatEuro } from "./scenarioFormat.ts";
import { colourByTarget, type KommuneChanges } from "./targetColouring.ts";

type Plan = Schemas["ScenarioResultPlan"];
const PAGE_SIZE = 25;

/** One switch of the plan with names: Kommune, Leistungsbereich, from → to. */
export interface MigrationRow {
  kommuneKey: string;
  kommune: string;
  domain: string;
  from: string;
  to: string;
  oneOffCost: number | null;
}

/**
 * The plan's switches with names, ordered by Kommune and Leistungsbereich, and every Kommune
 * of the plan with its changes (for the map).
 */
export function planChanges(plan: Plan): {
  rows: MigrationRow[];
  kommunen: Map<string, KommuneChanges>;
  names: ReturnType<typeof comparisonNames>;
} {
  const names = comparisonNames(plan);
  const kommuneName = new Map(plan.kommunen.map((kommune) => [kommune.key, kommune.name]));
  const kommunen = new Map<string, KommuneChanges & { changes: ProviderChange[] }>();
  const entry = (key: string) => {
    const known = kommunen.get(key);
    if (known) return known;
    const created = {
      name: kommuneName.get(key) ?? key,
      inScope: true,
      changes: [] as ProviderChange[],
    };
    kommunen.set(key, created);
    return created;
  };
  for (const kommune of plan.kommunen) entry(kommune.key);
  for (const assignment of plan.assignments) entry(assignment.kommuneKey);
  for (const migration of plan.migrations) {
    const change: ProviderChange = {
      domainId: migration.domainId,
      fromProviderId: migration.fromProviderId,
      toProviderId: migration.toProviderId,
    };
    entry(migration.kommuneKey).changes.push(change);
  }
  const rows = plan.migrations
    .map((migration) => ({
      kommuneKey: migration.kommuneKey,
      kommune: kommuneName.get(migration.kommuneKey) ?? migration.kommuneKey,
      domain: names.domainName(migration.domainId),
      from: names.providerName(migration.fromProviderId),
      to: names.providerName(migration.toProviderId),
      oneOffCost: migration.oneOffCost,
    }))
    .sort(
      (a, b) => a.kommune.localeCompare(b.kommune, "de") || a.domain.localeCompare(b.domain, "de"),
    );
  return { rows, kommunen, names };
}

/**
 * The result's switches: from → to provider per Kommune and Leistungsbereich as a table (with
 * CSV/Excel export and the PDF/Excel report of the result against Ist) and as a map coloured
 * by target provider with a legend (issue 16, defect 8).
 */
export function ResultMigrationsSection({ plan, scenarioId }: { plan: Plan; scenarioId: number }) {
  const { rows, kommunen, names } = useMemo(() => planChanges(plan), [plan]);
  const colouring = useMemo(() => colourByTarget(kommunen, names), [kommunen, names]);
  const boundaries = useBoundaries("gemeinde");
  const [page, setPage] = useState(1);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const drawn = new Set((boundaries.data?.features ?? []).map((feature) => feature.properties.key));
  const notDrawn = [...kommunen.keys()].filter(
    (key) => boundaries.data && !drawn.has(key) && (kommunen.get(key)?.changes.length ?? 0) > 0,
  ).length;
  const report = (format: "pdf" | "xlsx") => `/api/scenarios/compare/${format}?ids=${scenarioId}`;
  return (
    <section aria-labelledby="wechsel">
      <h3 id="wechsel" className="kern-heading-small">
        Wechsel je Kommune: von welchem zu welchem Anbieter
      </h3>
      {rows.length === 0 ? (
        <p className="kern-body">Der Plan sieht keinen Anbieterwechsel vor.</p>
      ) : null}
      <div className="atlas-scenario-map">
        {boundaries.data ? (
          <NrwMap
            boundaries={boundaries.data}
            title="Zielanbieter je Kommune im Plan"
            summary={`${formatInteger(colouring.changing)} ${colouring.changing === 1 ? "Kommune wechselt" : "Kommunen wechseln"} in mindestens einem Leistungsbereich den Anbieter; die Farbe zeigt den Zielanbieter, die Tabelle nennt jeden Wechsel von → nach.${notDrawn > 0 ? ` ${formatInteger(notDrawn)} wechselnde Kreise sind auf der Gemeindekarte nicht gezeichnet (siehe Tabelle).` : ""}`}
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
      <p className="kern-body">
        Bericht des Ergebnisses gegen Ist (mit von → nach je Kommune):{" "}
        <a className="kern-link" href={report("pdf")} download>
          PDF
        </a>
        {" · "}
        <a className="kern-link" href={report("xlsx")} download>
          Excel
        </a>
      </p>
      {rows.length > 0 ? (
        <>
          <TableExport<MigrationRow>
            fileStem={`szenario-${scenarioId}-wechsel`}
            label="Wechsel"
            columns={[
              { header: "Schlüssel", value: (row) => row.kommuneKey },
              { header: "Kommune", value: (row) => row.kommune },
              { header: "Leistungsbereich", value: (row) => row.domain },
              { header: "Von", value: (row) => row.from },
              { header: "Nach", value: (row) => row.to },
              { header: "Einmalige Wechselkosten (€)", value: (row) => row.oneOffCost },
            ]}
            rows={rows}
          />
          <table className="kern-table">
            <caption className="kern-title">
              Wechsel im Plan: von → nach je Kommune und Leistungsbereich ({DEMO_LABEL})
            </caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                {["Kommune", "Leistungsbereich", "Von", "Nach", "Einmalige Wechselkosten"].map(
                  (header) => (
                    <th key={header} scope="col" className="kern-table__header">
                      {header}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {shown.map((row) => (
                <tr key={`${row.kommuneKey}-${row.domain}`} className="kern-table__row">
                  <th scope="row" className="kern-table__header">
                    {row.kommune}
                  </th>
                  <td className="kern-table__cell">{row.domain}</td>
                  <td className="kern-table__cell">{row.from}</td>
                  <td className="kern-table__cell">{row.to}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatEuro(row.oneOffCost)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={rows.length}
            onPage={setPage}
            label="Seiten der Wechsel"
          />
        </>
      ) : null}
    </section>
  );
}
