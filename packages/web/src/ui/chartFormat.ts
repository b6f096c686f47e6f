import type { EChartsCoreOption } from "echarts/core";
import { formatCompact, formatNumber } from "./format.ts";

type Options = Record<string, unknown>;

function isObject(value: unknown): value is Options {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An axis label: numbers German and short ("25 Mio."), anything else as it is. */
export function formatAxisValue(value: unknown): string {
  return typeof value === "number" ? formatCompact(value) : String(value);
}

/** A tooltip value: numbers German in full ("25.000.000"), pairs (scatter) joined by " · ". */
export function formatTooltipValue(value: unknown): string {
  if (typeof value === "number") return formatNumber(value);
  if (Array.isArray(value)) return value.map(formatTooltipValue).join(" · ");
  if (typeof value === "string") return value;
  return value === null || value === undefined ? "–" : JSON.stringify(value);
}

function isValueAxis(axis: Options, kind: "xAxis" | "yAxis"): boolean {
  const type = axis.type ?? (kind === "yAxis" ? "value" : "category");
  return type === "value" || type === "log";
}

function germanAxis(axis: unknown, kind: "xAxis" | "yAxis"): unknown {
  if (!isObject(axis) || !isValueAxis(axis, kind)) return axis;
  const label = isObject(axis.axisLabel) ? axis.axisLabel : {};
  if (label.formatter !== undefined) return axis;
  return { ...axis, axisLabel: { ...label, formatter: formatAxisValue } };
}

function germanAxes(axes: unknown, kind: "xAxis" | "yAxis"): unknown {
  return Array.isArray(axes) ? axes.map((axis) => germanAxis(axis, kind)) : germanAxis(axes, kind);
}

/**
 * ECharts writes numbers the English way ("25,000,000") on value axes and in tooltips. This
 * gives every value axis and the tooltip a German formatter unless the chart brings its own.
 */
export function withGermanNumbers(option: EChartsCoreOption): EChartsCoreOption {
  const result: Options = { ...option };
  if ("xAxis" in option) result.xAxis = germanAxes(option.xAxis, "xAxis");
  if ("yAxis" in option) result.yAxis = germanAxes(option.yAxis, "yAxis");
  if (isObject(option.tooltip) && option.tooltip.valueFormatter === undefined) {
    result.tooltip = { ...option.tooltip, valueFormatter: formatTooltipValue };
  }
  return result;
}
