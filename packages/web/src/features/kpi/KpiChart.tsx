import { Chart } from "../../ui/Chart.tsx";
import { formatDateTime } from "../../ui/format.ts";
import type { KpiFiguresView } from "./kpiQueries.ts";

interface Point {
  takenAt: string;
  figures: KpiFiguresView;
}

const SERIES: Array<{ name: string; value: (figures: KpiFiguresView) => number | null }> = [
  { name: "OZG-Abdeckung", value: (figures) => figures.ozgCoverage },
  { name: "Fragmentierungsindex", value: (figures) => figures.fragmentationIndex },
  { name: "Bedarfserhebung abgeschlossen", value: (figures) => figures.surveyCompletion },
  { name: "Maßnahmen termingerecht", value: (figures) => figures.measuresOnTimeShare },
];

function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}

/** The KPI series of one scope as a line chart (in percent) with its data table. */
export function KpiChart({ name, points }: { name: string; points: readonly Point[] }) {
  const labels = points.map((point) => formatDateTime(point.takenAt, { seconds: true }));
  return (
    <Chart
      title={`Kennzahlen über die Zeit – ${name}`}
      description={`${points.length} Erfassungen. Anteile in Prozent: OZG-Abdeckung, Fragmentierungsindex (0 = ein Anbieter je Leistungsbereich), abgeschlossene Bedarfserhebungen und termingerechte Maßnahmen.`}
      option={{
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 48, bottom: 40 },
        xAxis: { type: "category", data: labels },
        yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value} %" } },
        series: SERIES.map((series) => ({
          name: series.name,
          type: "line",
          symbol: "circle",
          symbolSize: 8,
          connectNulls: false,
          data: points.map((point) => percent(series.value(point.figures))),
        })),
      }}
      table={{
        caption: `Kennzahlen je Erfassung – ${name} (in Prozent)`,
        columns: ["Erfasst am", ...SERIES.map((series) => series.name)],
        rows: points.map((point, index) => [
          labels[index] ?? "",
          ...SERIES.map((series) => percent(series.value(point.figures))),
        ]),
      }}
    />
  );
}
