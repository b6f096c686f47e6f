import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useDomains, useProviders, useRegions } from "../../api/hooks.ts";
import { SelectField } from "../../ui/Field.tsx";
import { Icon } from "../../ui/Icon.tsx";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { NARROW_SCREEN, useMediaQuery } from "../../ui/useMediaQuery.ts";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { useRoadmap, type Measure } from "./changeQueries.ts";
import { ScheduleBadges, StatusText } from "./MeasureBadges.tsx";
import {
  GROUPING_LABEL,
  roadmapLayout,
  type RoadmapGrouping,
  type RoadmapLayout,
} from "./roadmapLayout.ts";
import "./change.css";

const GROUPINGS = Object.keys(GROUPING_LABEL) as RoadmapGrouping[];

/** The three ways to show the roadmap; the value is the `ansicht` URL parameter. */
const VIEWS = [
  ["zeitleiste", "Zeitleiste"],
  ["liste", "Liste"],
  ["tabelle", "Tabelle"],
] as const;
type RoadmapView = (typeof VIEWS)[number][0];

function viewOf(value: string | null): RoadmapView | undefined {
  return VIEWS.find(([view]) => view === value)?.[0];
}

/**
 * Roadmap of the measures: Gantt by domain, provider or Kreis, the same as a list or a table.
 * On a phone the Gantt's bars would be a few pixels wide, so the list is the default there.
 */
export function RoadmapPage() {
  usePageTitle("Roadmap");
  const [params, setParams] = useSearchParams();
  const grouping = GROUPINGS.find((value) => value === params.get("gruppe")) ?? "domain";
  // Local state answers the radio at once; the URL (updated in a transition) keeps it shareable.
  // Without a choice the screen decides: the list on narrow screens, the Gantt on wide ones.
  const [chosenView, setView] = useState<RoadmapView | undefined>(viewOf(params.get("ansicht")));
  const narrow = useMediaQuery(NARROW_SCREEN);
  const view: RoadmapView = chosenView ?? (narrow ? "liste" : "zeitleiste");
  const query = {
    domain: params.get("domain") || undefined,
    provider: params.get("provider") || undefined,
    kreis: params.get("kreis") || undefined,
    scenario: params.get("scenario") || undefined,
  };
  const roadmap = useRoadmap(query);
  const domains = useDomains();
  const providers = useProviders();
  const regions = useRegions();
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const data = roadmap.data;
  const layout = data ? roadmapLayout(data.items, grouping, data.criticalPath) : undefined;
  const titles = new Map((data?.items ?? []).map((item) => [item.id, item.title]));

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Roadmap
      </h1>
      <p className="kern-body">
        Zeitleiste der <Link to="/massnahmen">Maßnahmen</Link>. Überfällige und blockierte Maßnahmen
        sind mit Text und Muster markiert, die Maßnahmen des kritischen Pfads mit einer Raute{" "}
        <Icon name="diamond" size={1} />.
      </p>
      <form
        className="atlas-filters"
        aria-label="Roadmap einstellen"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="roadmap-gruppe">
            Gruppieren nach
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="roadmap-gruppe"
              className="kern-form-input__select"
              value={grouping}
              onChange={(event) => set("gruppe", event.target.value)}
            >
              {GROUPINGS.map((value) => (
                <option key={value} value={value}>
                  {GROUPING_LABEL[value]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <SelectField
          label="Leistungsbereich"
          allLabel="Alle Leistungsbereiche"
          value={query.domain ?? ""}
          onChange={(value) => set("domain", value)}
        >
          {(domains.data?.items ?? [])
            .filter((domain) => !domain.isGroup)
            .map((domain) => (
              <option key={domain.id} value={domain.id}>
                {domain.name}
              </option>
            ))}
        </SelectField>
        <SelectField
          label="IT-Dienstleister"
          allLabel="Alle IT-Dienstleister"
          value={query.provider ?? ""}
          onChange={(value) => set("provider", value)}
        >
          {(providers.data?.items ?? []).map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.shortName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Kreis"
          allLabel="Alle Kreise"
          value={query.kreis ?? ""}
          onChange={(value) => set("kreis", value)}
        >
          {(regions.data?.kreise ?? []).map((kreis) => (
            <option key={kreis.key} value={kreis.key}>
              {kreis.name}
            </option>
          ))}
        </SelectField>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Darstellung</legend>
          <div className="kern-fieldset__body kern-fieldset__body--horizontal">
            {VIEWS.map(([value, label]) => (
              <div className="kern-form-check" key={value}>
                <input
                  id={`ansicht-${value}`}
                  className="kern-form-check__input"
                  type="radio"
                  name="ansicht"
                  checked={view === value}
                  onChange={() => {
                    setView(value);
                    set("ansicht", value);
                  }}
                />
                <label className="kern-label" htmlFor={`ansicht-${value}`}>
                  {label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </form>
      {query.scenario ? (
        <p className="kern-body">
          Nur Maßnahmen aus Szenario „{query.scenario}“.{" "}
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            onClick={() => set("scenario", undefined)}
          >
            <span className="kern-label">Alle Szenarien zeigen</span>
          </button>
        </p>
      ) : null}
      {roadmap.isPending ? <LoadingState label="Roadmap wird geladen …" /> : null}
      {roadmap.isError ? (
        <ErrorState error={roadmap.error} onRetry={() => void roadmap.refetch()} />
      ) : null}
      {data && data.items.length === 0 ? (
        <EmptyState>Keine Maßnahmen für diese Auswahl.</EmptyState>
      ) : null}
      {data && layout && data.items.length > 0 ? (
        <>
          <section className="atlas-section" aria-labelledby="kritischer-pfad-titel">
            <h2 className="kern-heading-medium" id="kritischer-pfad-titel">
              Kritischer Pfad
            </h2>
            <p className="kern-body">
              {data.criticalPath.length === 0
                ? "Keine Maßnahme mit Terminen."
                : `${data.criticalPath.map((id) => titles.get(id) ?? String(id)).join(" → ")} (${formatInteger(data.criticalPathDays)} Tage)`}
            </p>
          </section>
          {view === "zeitleiste" ? <Gantt layout={layout} today={data.today} /> : null}
          {view === "liste" ? <RoadmapList layout={layout} /> : null}
          {view === "tabelle" ? <RoadmapTable layout={layout} grouping={grouping} /> : null}
        </>
      ) : null}
    </>
  );
}

function barClass(measure: Measure, critical: boolean): string {
  return [
    "atlas-gantt__bar",
    measure.overdue ? "atlas-gantt__bar--overdue" : "",
    measure.blocked ? "atlas-gantt__bar--blocked" : "",
    critical ? "atlas-gantt__bar--critical" : "",
  ]
    .filter(Boolean)
    .join(" ");
}

function Gantt({ layout, today }: { layout: RoadmapLayout; today: string }) {
  const span = Date.parse(`${layout.end}T00:00:00Z`) - Date.parse(`${layout.start}T00:00:00Z`);
  const todayLeft =
    ((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${layout.start}T00:00:00Z`)) / span) * 100;
  return (
    <section className="atlas-section" aria-labelledby="zeitleiste-titel">
      <h2 className="kern-heading-medium" id="zeitleiste-titel">
        Zeitleiste {formatIsoDate(layout.start)} bis {formatIsoDate(layout.end)}
      </h2>
      <div className="atlas-gantt">
        <div className="atlas-gantt__axis" aria-hidden="true">
          <div className="atlas-gantt__label">Maßnahme</div>
          <div className="atlas-gantt__track">
            {layout.years.map((year) => (
              <span key={year.year} className="atlas-gantt__tick" style={{ left: `${year.left}%` }}>
                {year.year}
              </span>
            ))}
          </div>
        </div>
        {layout.groups.map((group) => (
          <section key={group.key} aria-labelledby={`gruppe-${group.key || "ohne"}`}>
            <h3
              className="atlas-gantt__group kern-heading-small"
              id={`gruppe-${group.key || "ohne"}`}
            >
              {group.label}
            </h3>
            <ul className="atlas-gantt__rows" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {group.rows.map((row) => (
                <li key={row.measure.id} className="atlas-gantt__row">
                  <div className="atlas-gantt__label">
                    <Link className="kern-link" to={`/massnahmen/${row.measure.id}`}>
                      {row.measure.title}
                    </Link>
                    <ScheduleBadges measure={row.measure} critical={row.critical} />
                  </div>
                  <div className="atlas-gantt__track">
                    <span className="atlas-visually-hidden">
                      {row.bar
                        ? `${formatIsoDate(row.measure.startDate)} bis ${formatIsoDate(row.measure.dueDate)}`
                        : "ohne Termine"}
                    </span>
                    {todayLeft >= 0 && todayLeft <= 100 ? (
                      <span
                        className="atlas-gantt__today"
                        style={{ left: `${todayLeft}%` }}
                        aria-hidden="true"
                      />
                    ) : null}
                    {row.bar ? (
                      <span
                        className={barClass(row.measure, row.critical)}
                        style={{ left: `${row.bar.left}%`, width: `${row.bar.width}%` }}
                        title={`${row.measure.title}: ${formatIsoDate(row.measure.startDate)} bis ${formatIsoDate(row.measure.dueDate)}`}
                        aria-hidden="true"
                      />
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="kern-body kern-body--small">
        Legende: schraffiert rot = überfällig, schraffiert gestrichelt = blockiert, schwarzer Rahmen
        = kritischer Pfad, rote Linie = heute. Jede Markierung steht auch als Text neben dem Titel.
      </p>
    </section>
  );
}

/** The roadmap as a list per group: readable on a phone, each measure with its dates in words. */
function RoadmapList({ layout }: { layout: RoadmapLayout }) {
  return (
    <section className="atlas-section" aria-labelledby="liste-titel">
      <h2 className="kern-heading-medium" id="liste-titel">
        Maßnahmen {formatIsoDate(layout.start)} bis {formatIsoDate(layout.end)}
      </h2>
      {layout.groups.map((group) => (
        <section key={group.key} aria-labelledby={`liste-${group.key || "ohne"}`}>
          <h3 className="kern-heading-small" id={`liste-${group.key || "ohne"}`}>
            {group.label}
          </h3>
          <ul className="atlas-roadmap-list">
            {group.rows.map((row) => (
              <li key={row.measure.id} className="atlas-roadmap-list__item">
                <Link className="kern-link" to={`/massnahmen/${row.measure.id}`}>
                  {row.measure.title}
                </Link>
                <p className="kern-body kern-body--small">
                  <StatusText status={row.measure.status} />
                  <ScheduleBadges measure={row.measure} critical={row.critical} />
                </p>
                <p className="kern-body kern-body--small">
                  {row.measure.startDate || row.measure.dueDate
                    ? `${formatIsoDate(row.measure.startDate)} bis ${formatIsoDate(row.measure.dueDate)}`
                    : "ohne Termine"}
                  {row.measure.dependsOn.length > 0
                    ? ` · hängt ab von ${row.measure.dependsOn.map((dependency) => dependency.title).join(", ")}`
                    : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function RoadmapTable({ layout, grouping }: { layout: RoadmapLayout; grouping: RoadmapGrouping }) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--striped">
        <caption>Roadmap als Tabelle, gruppiert nach {GROUPING_LABEL[grouping]}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {GROUPING_LABEL[grouping]}
            </th>
            <th scope="col" className="kern-table__header">
              Maßnahme
            </th>
            <th scope="col" className="kern-table__header">
              Status
            </th>
            <th scope="col" className="kern-table__header">
              Beginn
            </th>
            <th scope="col" className="kern-table__header">
              Fällig
            </th>
            <th scope="col" className="kern-table__header">
              Hängt ab von
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {layout.groups.flatMap((group) =>
            group.rows.map((row) => (
              <tr key={`${group.key}-${row.measure.id}`} className="kern-table__row">
                <td className="kern-table__cell">{group.label}</td>
                <td className="kern-table__cell">
                  <Link className="kern-link" to={`/massnahmen/${row.measure.id}`}>
                    {row.measure.title}
                  </Link>
                </td>
                <td className="kern-table__cell">
                  <StatusText status={row.measure.status} />
                  <ScheduleBadges measure={row.measure} critical={row.critical} />
                </td>
                <td className="kern-table__cell">{formatIsoDate(row.measure.startDate)}</td>
                <td className="kern-table__cell">{formatIsoDate(row.measure.dueDate)}</td>
                <td className="kern-table__cell">
                  {row.measure.dependsOn.map((dependency) => dependency.title).join(", ") || "–"}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
