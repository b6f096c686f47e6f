import { useId, useMemo, useState } from "react";
import { Chart, type ChartTable } from "../../ui/Chart.tsx";
import { kommuneTypeLabel } from "../ozg-readiness/readinessColouring.ts";
import type { CampaignResults, Distribution } from "./surveyQueries.ts";

type QuestionResult = CampaignResults["questions"][number];

/** How the answers of one question are broken down. */
export type Breakdown = "gesamt" | "groesse" | "anbieter";

const BREAKDOWN_LABEL: Record<Breakdown, string> = {
  gesamt: "gesamt",
  groesse: "nach Größenklasse",
  anbieter: "nach IT-Dienstleister",
};

/** Colour-blind safe palette (Okabe–Ito), in the order of the answer options. */
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];

/**
 * The groups of a breakdown as chart and table: one row per group (size class or provider)
 * with the number of Kommunen and the count per answer. Suppressed groups (fewer than three
 * Kommunen, for viewers without full access) stay visible as rows without numbers.
 */
export function breakdownTable(
  groups: readonly Distribution[],
  options: readonly string[],
  groupLabel: (group: string) => string,
  optionLabel: (value: string) => string,
): ChartTable {
  return {
    columns: ["Gruppe", "Kommunen", ...options.map(optionLabel)],
    rows: groups.map((group) => [
      groupLabel(group.group),
      group.kommunen,
      ...options.map((option) => (group.suppressed ? null : (group.counts[option] ?? 0))),
    ]),
  };
}

/** Answer values in a stable order: as the question defines them, then the rest. */
function optionOrder(question: QuestionResult, defined: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const distribution of [question.total, ...question.bySizeClass, ...question.byProvider])
    for (const value of Object.keys(distribution?.counts ?? {})) seen.add(value);
  return [
    ...defined.filter((value) => seen.has(value)),
    ...[...seen].filter((value) => !defined.includes(value)).sort(),
  ];
}

/**
 * Results of one question: counts per answer overall, by size class or by provider, as a
 * (stacked) bar chart with the numbers as a table.
 */
export function QuestionResults({
  question,
  definedOptions,
  optionLabel,
  providerName,
}: {
  question: QuestionResult;
  definedOptions: readonly string[];
  optionLabel: (value: string) => string;
  providerName: (id: string) => string;
}) {
  const name = useId();
  const [breakdown, setBreakdown] = useState<Breakdown>("gesamt");
  const options = useMemo(() => optionOrder(question, definedOptions), [question, definedOptions]);
  const groups = useMemo(
    () =>
      breakdown === "gesamt"
        ? question.total
          ? [{ ...question.total, group: "alle" }]
          : []
        : breakdown === "groesse"
          ? question.bySizeClass
          : question.byProvider,
    [question, breakdown],
  );
  const groupLabel = (group: string) =>
    breakdown === "gesamt"
      ? "Alle Kommunen"
      : breakdown === "groesse"
        ? kommuneTypeLabel(group)
        : group === "ohne"
          ? "ohne IT-Dienstleister"
          : providerName(group);
  const table = breakdownTable(groups, options, groupLabel, optionLabel);
  const title = `${question.label}: Antworten ${BREAKDOWN_LABEL[breakdown]}`;
  const visible = useMemo(() => groups.filter((group) => !group.suppressed), [groups]);
  const option = useMemo(
    () => ({
      color: PALETTE,
      legend: { top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        inverse: true,
        data: visible.map((group) => `${groupLabel(group.group)} (${group.kommunen})`),
      },
      series: options.map((value) => ({
        type: "bar",
        stack: "antworten",
        name: optionLabel(value),
        data: visible.map((group) => group.counts[value] ?? 0),
      })),
    }),
    // groupLabel and optionLabel follow from breakdown and the question.
    [visible, options, breakdown],
  );
  return (
    <div className="atlas-survey-section">
      <h3 className="kern-heading-small">{question.label}</h3>
      <p className="kern-body">
        {question.answered} Antwort(en) eingereicht oder angenommen.
        {question.total?.suppressed ? " Zu wenige Antworten – Werte unterdrückt." : ""}
      </p>
      <fieldset className="kern-fieldset atlas-inline-fieldset">
        <legend className="kern-label">Aufschlüsselung</legend>
        <div className="kern-fieldset__body kern-fieldset__body--horizontal">
          {(Object.keys(BREAKDOWN_LABEL) as Breakdown[]).map((value) => (
            <div key={value} className="kern-form-check">
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`${name}-${value}`}
                name={name}
                checked={breakdown === value}
                onChange={() => setBreakdown(value)}
              />
              <label className="kern-label" htmlFor={`${name}-${value}`}>
                {BREAKDOWN_LABEL[value]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {visible.length > 0 && options.length > 0 ? (
        <Chart
          title={title}
          description={`Anzahl der Kommunen je Antwort${
            breakdown === "gesamt" ? "" : `, ${BREAKDOWN_LABEL[breakdown]} gestapelt`
          }. In Klammern die Zahl der antwortenden Kommunen der Gruppe.`}
          option={option}
          table={table}
          height={Math.max(140, 60 + visible.length * 34)}
        />
      ) : (
        <p className="kern-body">Noch keine auswertbaren Antworten in dieser Aufschlüsselung.</p>
      )}
      {groups.some((group) => group.suppressed) ? (
        <p className="kern-body kern-body--small">
          Gruppen mit weniger als drei Kommunen sind unterdrückt, damit keine einzelne Antwort
          ablesbar ist.
        </p>
      ) : null}
    </div>
  );
}
