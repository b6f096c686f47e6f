import type * as EChartsCore from "echarts/core";
import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useId, useRef, useState } from "react";
import { withGermanNumbers } from "./chartFormat.ts";
import { formatNumber } from "./format.ts";

/** The chart's data as a table: the accessible alternative every chart must offer. */
export interface ChartTable {
  caption?: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

interface ChartProps {
  /** Short accessible name, e.g. "Anbieter je Leistungsbereich". */
  title: string;
  /** One or two sentences saying what the chart shows (read by screen readers). */
  description: string;
  /** ECharts option; the chart renders as SVG. Animations are switched off. */
  option: EChartsCoreOption;
  table: ChartTable;
  height?: number;
}

type EChartsModule = typeof EChartsCore;

let loading: Promise<EChartsModule> | null = null;

/** Loads ECharts (SVG renderer, the components our charts use) once, on first use. */
function loadECharts(): Promise<EChartsModule> {
  loading ??= Promise.all([
    import("echarts/core"),
    import("echarts/charts"),
    import("echarts/components"),
    import("echarts/renderers"),
  ]).then(([core, charts, components, renderers]) => {
    core.use([
      charts.BarChart,
      charts.LineChart,
      charts.ScatterChart,
      charts.PieChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.TitleComponent,
      components.DatasetComponent,
      components.MarkLineComponent,
      components.AriaComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  });
  return loading;
}

function cell(value: string | number | null): string {
  if (value === null) return "–";
  return typeof value === "number" ? formatNumber(value) : value;
}

/**
 * A chart with its data as a table beside it (WCAG 1.1.1): the SVG is labelled by title and
 * description, and a disclosure shows the same numbers as a table for screen readers,
 * keyboard users and copying into Excel.
 */
export function Chart({ title, description, option, table, height = 320 }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const descriptionId = useId();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let chart: ReturnType<EChartsModule["init"]> | null = null;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then((echarts) => {
        if (disposed) return;
        chart = echarts.init(element, null, {
          renderer: "svg",
          locale: "DE",
          height,
          width: element.clientWidth || 640,
        });
        // ECharts' aria module writes its own (English) aria-label on the container; keep the
        // German title as the accessible name (the table carries the numbers). Axes and
        // tooltips get German numbers unless the chart formats them itself.
        chart.setOption({
          animation: false,
          aria: { enabled: true, label: { description: title } },
          ...withGermanNumbers(option),
        });
        if (typeof ResizeObserver !== "undefined") {
          observer = new ResizeObserver(() => chart?.resize({ width: element.clientWidth || 640 }));
          observer.observe(element);
        }
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [option, height, title]);

  return (
    <figure className="atlas-chart">
      <figcaption className="kern-body kern-body--bold">{title}</figcaption>
      <p id={descriptionId} className="kern-body kern-body--small">
        {description}
      </p>
      {failed ? (
        <p className="kern-body" role="status">
          Das Diagramm konnte nicht gezeichnet werden; die Zahlen stehen in der Tabelle.
        </p>
      ) : (
        <div
          ref={container}
          role="img"
          aria-label={title}
          aria-describedby={descriptionId}
          style={{ width: "100%", height }}
        />
      )}
      <details className="atlas-chart__data" open={failed}>
        <summary className="kern-body">Daten als Tabelle</summary>
        <table className="kern-table kern-table--small">
          <caption className="kern-title kern-title--small">{table.caption ?? title}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              {table.columns.map((column) => (
                <th key={column} scope="col" className="kern-table__header">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex} className="kern-table__row">
                {row.map((value, columnIndex) =>
                  columnIndex === 0 ? (
                    <th key={columnIndex} scope="row" className="kern-table__header">
                      {cell(value)}
                    </th>
                  ) : (
                    <td key={columnIndex} className="kern-table__cell">
                      {cell(value)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
