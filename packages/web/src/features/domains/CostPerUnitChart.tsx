import { useId } from "react";
import type { Schemas } from "../../api/client.ts";
import { formatEuro } from "../sourcing/formatEuro.ts";
import "./domains.css";

type Distribution = Schemas["Distribution"];

const WIDTH = 640;
const HEIGHT = 150;
const LEFT = 24;
const RIGHT = 24;
const BOX_TOP = 30;
const BOX_HEIGHT = 44;

/** Round steps (1, 2, 2.5, 5 × 10ⁿ) so axis labels read like prices. */
function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10;
  return step * power;
}

/**
 * Box plot of the yearly cost per volume unit across Kommunen (minimum, quartiles, median,
 * maximum), drawn as SVG on a linear axis from 0; withheld extremes are left out. The numbers are in a table beside it, and
 * the image carries them as text, so nothing depends on seeing the drawing.
 */
export function CostPerUnitChart({
  distribution,
  unit,
}: {
  distribution: Distribution;
  unit: string;
}) {
  const titleId = useId();
  const descriptionId = useId();
  const { min, p25, median, p75, max } = distribution;
  // Without the (withheld) maximum the axis ends a little after the upper quartile.
  const top = max ?? p75 * 1.25;
  const step = top > 0 ? niceStep(top, 5) : 1;
  const axisMax = Math.max(step, Math.ceil(top / step) * step);
  const x = (value: number) => LEFT + (value / axisMax) * (WIDTH - LEFT - RIGHT);
  const ticks = Array.from({ length: Math.round(axisMax / step) + 1 }, (_, index) => index * step);
  const middle = BOX_TOP + BOX_HEIGHT / 2;
  const withheld = "nicht ausgewiesen";

  return (
    <svg
      className="atlas-box-plot"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descriptionId}`}
    >
      <title id={titleId}>Verteilung der Kosten je {unit}</title>
      <desc id={descriptionId}>
        {`Minimum ${min === null ? withheld : formatEuro(min)}, unteres Quartil ${formatEuro(p25)}, Median ${formatEuro(median)}, oberes Quartil ${formatEuro(p75)}, Maximum ${max === null ? withheld : formatEuro(max)} je ${unit}, über ${distribution.count} Kommunen.`}
      </desc>
      <g aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={BOX_TOP - 12}
              y2={HEIGHT - 38}
              className="atlas-box-plot__grid"
            />
            <text x={x(tick)} y={HEIGHT - 20} textAnchor="middle" className="atlas-box-plot__label">
              {formatEuro(tick)}
            </text>
          </g>
        ))}
        {min !== null ? (
          <line
            x1={x(min)}
            x2={x(p25)}
            y1={middle}
            y2={middle}
            className="atlas-box-plot__whisker"
          />
        ) : null}
        {max !== null ? (
          <line
            x1={x(p75)}
            x2={x(max)}
            y1={middle}
            y2={middle}
            className="atlas-box-plot__whisker"
          />
        ) : null}
        {[min, max].map((value, index) =>
          value === null ? null : (
            <line
              key={index}
              x1={x(value)}
              x2={x(value)}
              y1={middle - 12}
              y2={middle + 12}
              className="atlas-box-plot__whisker"
            />
          ),
        )}
        <rect
          x={x(p25)}
          y={BOX_TOP}
          width={Math.max(1, x(p75) - x(p25))}
          height={BOX_HEIGHT}
          className="atlas-box-plot__box"
        />
        <line
          x1={x(median)}
          x2={x(median)}
          y1={BOX_TOP}
          y2={BOX_TOP + BOX_HEIGHT}
          className="atlas-box-plot__median"
        />
        <text x={x(median)} y={BOX_TOP - 16} textAnchor="middle" className="atlas-box-plot__label">
          Median {formatEuro(median)}
        </text>
        <text x={WIDTH / 2} y={HEIGHT - 4} textAnchor="middle" className="atlas-box-plot__label">
          Kosten pro Jahr je {unit}
        </text>
      </g>
    </svg>
  );
}
