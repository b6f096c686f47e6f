import {
  can,
  provenanceQualityLabel,
  weakestDataCoverage,
  type ProvenanceQuality,
} from "@it-atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { api, unwrap, type Schemas } from "../../api/client.ts";
import { useBoundaries } from "../../api/hooks.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { NEUTRAL_FILL } from "../../map/palette.ts";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { SortableTable, type TableColumn } from "../../ui/SortableTable.tsx";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";

type Row = Schemas["DataCoverageRow"];
type Quality = ProvenanceQuality;

const STALE_FILL = "#D55E00";
const THIN_FILL = "#E69F00";
const GOOD_FILL = "#009E73";
const AGES = [12, 24, 36, 60];
const SURVEY_SIZES = [10, 25, 50, 100];

/**
 * For KDN: a Bedarfserhebung for the Kommunen with the weakest Datenlage, preselected in the
 * new campaign (the analyst still writes the questions and the deadline there).
 */
function StartSurvey({ rows }: { rows: readonly Row[] }) {
  const navigate = useNavigate();
  const [count, setCount] = useState(25);
  const countId = useId();
  const chosen = weakestDataCoverage(rows, count);
  return (
    <section aria-labelledby="erhebung-starten">
      <h2 id="erhebung-starten" className="kern-heading-medium">
        Bedarfserhebung für die schwächste Datenlage
      </h2>
      <p className="kern-body">
        Fragt die Kommunen, deren Leistungsbereiche am wenigsten belegt sind (bei gleichem Anteil
        zuerst die veralteten, dann die mit dem ältesten Beleg). Die Auswahl wird in die neue
        Erhebung übernommen und kann dort noch geändert werden.
      </p>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={countId}>
          Anzahl der Kommunen
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id={countId}
            className="kern-form-input__select"
            value={count}
            onChange={(event) => setCount(Number(event.target.value))}
          >
            {SURVEY_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="kern-body">
        Ausgewählt: {chosen.map((row) => row.name).join(", ") || "keine"}.
      </p>
      <button
        type="button"
        className="kern-btn kern-btn--primary"
        disabled={chosen.length === 0}
        onClick={() =>
          void navigate(`/bedarfserhebung/neu?kommunen=${chosen.map((row) => row.key).join(",")}`, {
            state: { kommuneNames: Object.fromEntries(chosen.map((row) => [row.key, row.name])) },
          })
        }
      >
        <span className="kern-label">
          Bedarfserhebung für diese {formatInteger(chosen.length)} Kommunen vorbereiten
        </span>
      </button>
    </section>
  );
}

function category(row: Row): { fill: string; label: string } {
  if (row.stale) return { fill: STALE_FILL, label: "veraltet oder ohne Beleg" };
  if (row.share < 0.5) return { fill: THIN_FILL, label: "aktuell, weniger als die Hälfte belegt" };
  return { fill: GOOD_FILL, label: "aktuell, mindestens die Hälfte belegt" };
}

function qualityMix(row: Row): string {
  const parts = (Object.entries(row.qualities) as Array<[Quality, number]>)
    .filter(([, count]) => count > 0)
    .map(([quality, count]) => `${provenanceQualityLabel[quality]}: ${formatInteger(count)}`);
  return parts.length > 0 ? parts.join(", ") : "keine Angaben";
}

const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 0 });

const COLUMNS: ReadonlyArray<TableColumn<Row>> = [
  {
    id: "name",
    header: "Kommune",
    rowHeader: true,
    sortValue: (row) => row.name,
    cell: (row) => (
      <Link className="kern-link" to={`/kommunen/${row.key}`}>
        {row.name}
      </Link>
    ),
  },
  {
    id: "kind",
    header: "Art",
    sortValue: (row) => row.kind,
    accessor: (row) => (row.kind === "kreis" ? "Kreis" : "Gemeinde"),
  },
  {
    id: "share",
    header: "Leistungsbereiche mit Eintrag",
    numeric: true,
    sortValue: (row) => row.share,
    accessor: (row) =>
      `${percent.format(row.share)} (${formatInteger(row.domainsWithEntry)} von ${formatInteger(row.domainsTotal)})`,
  },
  {
    id: "newest",
    header: "Neuester Beleg",
    sortValue: (row) => row.newestEvidence,
    accessor: (row) => formatIsoDate(row.newestEvidence),
  },
  {
    id: "age",
    header: "Alter (Tage)",
    numeric: true,
    sortValue: (row) => row.ageDays,
    accessor: (row) => (row.ageDays === null ? "–" : formatInteger(row.ageDays)),
  },
  { id: "qualities", header: "Qualitäten", accessor: qualityMix },
  {
    id: "stale",
    header: "Stand",
    sortValue: (row) => (row.stale ? 0 : 1),
    accessor: (row) => (row.stale ? "veraltet" : "aktuell"),
  },
];

/**
 * Datenlage je Kommune und Kreis: how many Leistungsbereiche have a (non-demo) entry, how old
 * the newest evidence is, the mix of qualities, and „veraltet“ after a chosen age.
 */
export function DataCoveragePage() {
  usePageTitle("Datenlage");
  const [months, setMonths] = useState(24);
  const monthsId = useId();
  const navigate = useNavigate();
  const { principal } = usePrincipal();
  const coverage = useQuery({
    queryKey: ["datenlage", months],
    queryFn: async () =>
      unwrap(await api.GET("/api/datenlage", { params: { query: { staleAfterMonths: months } } })),
  });
  const boundaries = useBoundaries("gemeinde");
  const rows = coverage.data?.items ?? [];
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const gemeinden = rows.filter((row) => row.kind === "gemeinde");
  const staleCount = gemeinden.filter((row) => row.stale).length;
  return (
    <>
      <h1 className="kern-heading-large">Datenlage</h1>
      <p className="kern-body">
        Wie gut ist jede Kommune belegt? Anteil der Leistungsbereiche mit einem Eintrag (ohne
        Demodaten), Datum und Alter des neuesten Belegs, Qualitäten der Angaben. Als „veraltet“ gilt
        eine Kommune ohne Beleg oder mit einem neuesten Beleg, der älter ist als die gewählte Zeit.
      </p>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={monthsId}>
          Veraltet nach
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id={monthsId}
            className="kern-form-input__select"
            value={months}
            onChange={(event) => setMonths(Number(event.target.value))}
          >
            {AGES.map((age) => (
              <option key={age} value={age}>
                {age} Monaten
              </option>
            ))}
          </select>
        </div>
      </div>
      {coverage.isPending ? <LoadingState /> : null}
      {coverage.isError ? <ErrorState error={coverage.error} /> : null}
      {coverage.data && boundaries.data ? (
        <NrwMap
          boundaries={boundaries.data}
          title="Datenlage der Gemeinden"
          summary={`${formatInteger(staleCount)} von ${formatInteger(gemeinden.length)} Gemeinden sind veraltet oder ohne Beleg (älter als ${months} Monate).`}
          fill={(key) => {
            const row = byKey.get(key);
            return row ? category(row).fill : NEUTRAL_FILL;
          }}
          legend={[
            { color: STALE_FILL, label: "veraltet oder ohne Beleg" },
            { color: THIN_FILL, label: "aktuell, weniger als die Hälfte belegt" },
            { color: GOOD_FILL, label: "aktuell, mindestens die Hälfte belegt" },
          ]}
          describe={(key, name) => {
            const row = byKey.get(key);
            return row
              ? `${name}: ${category(row).label}, neuester Beleg ${formatIsoDate(row.newestEvidence)}`
              : name;
          }}
          onSelect={(key) => void navigate(`/kommunen/${key}`)}
        />
      ) : null}
      {coverage.data ? (
        <SortableTable
          caption={`Datenlage je Kommune und Kreis (veraltet nach ${months} Monaten)`}
          columns={COLUMNS}
          rows={rows}
          rowKey={(row) => row.key}
          defaultSort={{ column: "share", direction: "asc" }}
          pageSize={50}
          paginationLabel="Seiten der Datenlage"
        />
      ) : null}
      {coverage.data && can(principal, "campaign:manage") ? <StartSurvey rows={rows} /> : null}
    </>
  );
}
