import { useId } from "react";

/**
 * A simple horizontal bar chart as SVG (role img with a title); the same numbers are always
 * also given in a table beside it, so the chart is a visual aid only.
 */
export function BarChart({
  title,
  bars,
}: {
  title: string;
  bars: ReadonlyArray<{ label: string; value: number }>;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rowHeight = 26;
  const labelWidth = 200;
  const width = 560;
  const barSpace = width - labelWidth - 50;
  return (
    <svg
      className="atlas-bar-chart"
      role="img"
      aria-labelledby={`${id}-titel`}
      viewBox={`0 0 ${width} ${bars.length * rowHeight + 8}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
    >
      <title id={`${id}-titel`}>{title}</title>
      {bars.map((bar, index) => {
        const y = index * rowHeight + 4;
        const length = (bar.value / max) * barSpace;
        return (
          <g key={bar.label}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end">
              {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={length} height={rowHeight - 8} fill="#0072B2" />
            <text x={labelWidth + length + 6} y={y + 16}>
              {bar.value.toLocaleString("de-DE")}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
