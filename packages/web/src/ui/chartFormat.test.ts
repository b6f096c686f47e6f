import { describe, expect, it } from "vitest";
import { formatAxisValue, formatTooltipValue, withGermanNumbers } from "./chartFormat.ts";

describe("German numbers in charts", () => {
  it("gives value axes and the tooltip German formatters", () => {
    const option = withGermanNumbers({
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: [2024, 2025] },
      yAxis: [{ type: "value" }, { type: "log" }],
    }) as {
      tooltip: { valueFormatter: (value: unknown) => string };
      xAxis: { axisLabel?: unknown };
      yAxis: Array<{ axisLabel: { formatter: (value: unknown) => string } }>;
    };
    // A category axis keeps its labels (years must not become "2.024").
    expect(option.xAxis.axisLabel).toBeUndefined();
    expect(option.yAxis[0]?.axisLabel.formatter(-2_100_000)).toBe("-2,1 Mio.");
    expect(option.yAxis[1]?.axisLabel.formatter(250_000)).toBe("250.000");
    expect(option.tooltip.valueFormatter(25_000_000)).toBe("25.000.000");
  });

  it("treats a y axis without type as a value axis and keeps a chart's own formatter", () => {
    const own = (value: number) => `${value} %`;
    const option = withGermanNumbers({
      xAxis: { type: "value", axisLabel: { formatter: own, color: "#000" } },
      yAxis: {},
    }) as {
      xAxis: { axisLabel: { formatter: unknown } };
      yAxis: { axisLabel: { formatter: (value: unknown) => string } };
    };
    expect(option.xAxis.axisLabel.formatter).toBe(own);
    expect(option.yAxis.axisLabel.formatter(1234.5)).toBe("1.234,5");
  });

  it("formats numbers and pairs, leaves text as it is", () => {
    expect(formatAxisValue("Einwohnerwesen")).toBe("Einwohnerwesen");
    expect(formatTooltipValue([120_000, 3_456.78])).toBe("120.000 · 3.456,78");
    expect(formatTooltipValue(null)).toBe("–");
  });
});
