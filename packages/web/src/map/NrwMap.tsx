import { geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { rewindForD3 } from "./rewindForD3.ts";

type FeatureCollection = {
  type: "FeatureCollection";
  features: Array<{
    type: "Feature";
    id: string;
    properties: {
      key: string;
      name: string;
      kind: string;
      kreisKey: string | null;
      regierungsbezirkKey: string | null;
    };
    geometry?: unknown;
  }>;
};

/** A legend entry: colour plus the German label it stands for. */
export interface LegendEntry {
  color: string;
  label: string;
}

const WIDTH = 600;
const HEIGHT = 640;

interface Area {
  key: string;
  name: string;
  d: string;
  x: number;
  y: number;
}

/**
 * NRW map drawn as SVG with d3-geo from the shipped boundaries (no tile server).
 *
 * Without `describe` it is an image with a text summary. With `describe` it is interactive
 * for mouse and keyboard: one tab stop, arrow keys move between areas (alphabetically),
 * Enter or Space selects, and the focused or hovered area's description shows as a tooltip.
 * Every fact the map shows is also available as text on the page (table alternative).
 */
export function NrwMap({
  boundaries,
  fill,
  title,
  summary,
  legend,
  highlight,
  onSelect,
  outline,
  describe,
  selected,
}: {
  boundaries: FeatureCollection;
  /** Fill colour of a feature by its key. */
  fill: (key: string) => string;
  /** Accessible name of the map. */
  title: string;
  /** Text alternative: what the map shows, in one or two sentences. */
  summary: string;
  legend?: LegendEntry[];
  /** Keys drawn with a strong outline (e.g. the selected Kommune). */
  highlight?: ReadonlySet<string>;
  /** Called when an area is clicked (or, in interactive mode, chosen by keyboard). */
  onSelect?: (key: string) => void;
  /** Optional coarser boundaries drawn on top (e.g. Kreise over Gemeinden). */
  outline?: FeatureCollection;
  /** Tooltip and accessible label of an area; turns on keyboard interaction. */
  describe?: (key: string, name: string) => string;
  /** Key of the selected area (interactive mode). */
  selected?: string | undefined;
}) {
  const [hovered, setHovered] = useState<string | undefined>();
  const [focused, setFocused] = useState<string | undefined>();
  const refs = useRef(new Map<string, SVGPathElement>());
  const titleId = useId();
  const hintId = useId();
  const paths = useMemo(() => {
    const features = boundaries.features.map(rewindForD3);
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], {
      type: "FeatureCollection",
      features,
    } as unknown as GeoPermissibleObjects);
    const path = geoPath(projection);
    const areas: Area[] = features.map((feature) => {
      const geometry = feature as unknown as GeoPermissibleObjects;
      const [x, y] = path.centroid(geometry);
      return {
        key: feature.properties.key,
        name: feature.properties.name,
        d: path(geometry) ?? "",
        x,
        y,
      };
    });
    return {
      areas,
      order: [...areas].sort((a, b) => a.name.localeCompare(b.name, "de")).map((area) => area.key),
      outline: (outline?.features ?? []).map(rewindForD3).map((feature) => ({
        key: feature.properties.key,
        d: path(feature as unknown as GeoPermissibleObjects) ?? "",
      })),
    };
  }, [boundaries, outline]);
  const interactive = describe !== undefined;
  const byKey = new Map(paths.areas.map((area) => [area.key, area]));
  const tabStop = selected && byKey.has(selected) ? selected : paths.order[0];
  const tipKey = focused ?? hovered;
  const tipArea = tipKey ? byKey.get(tipKey) : undefined;

  const move = (event: KeyboardEvent<SVGPathElement>, key: string) => {
    const index = paths.order.indexOf(key);
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowDown: 1,
      ArrowLeft: -1,
      ArrowUp: -1,
    };
    let next: string | undefined;
    if (event.key in step) {
      next =
        paths.order[(index + (step[event.key] ?? 0) + paths.order.length) % paths.order.length];
    } else if (event.key === "Home") next = paths.order[0];
    else if (event.key === "End") next = paths.order[paths.order.length - 1];
    else if ((event.key === "Enter" || event.key === " ") && onSelect) {
      event.preventDefault();
      onSelect(key);
      return;
    }
    if (next) {
      event.preventDefault();
      refs.current.get(next)?.focus();
    }
  };

  return (
    <figure className="atlas-map">
      <div className="atlas-map__canvas">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role={interactive ? "group" : "img"}
          aria-labelledby={titleId}
          aria-describedby={interactive ? hintId : undefined}
          className="atlas-map__svg"
        >
          <title id={titleId}>{interactive ? title : `${title}. ${summary}`}</title>
          <g>
            {paths.areas.map((area) => {
              const label = describe?.(area.key, area.name);
              return (
                <path
                  key={area.key}
                  ref={(element) => {
                    if (element) refs.current.set(area.key, element);
                    else refs.current.delete(area.key);
                  }}
                  d={area.d}
                  fill={fill(area.key)}
                  className={`atlas-map__area${highlight?.has(area.key) ? " atlas-map__area--highlight" : ""}${onSelect ? " atlas-map__area--clickable" : ""}`}
                  onMouseEnter={() => setHovered(area.key)}
                  onMouseLeave={() => setHovered(undefined)}
                  onClick={onSelect ? () => onSelect(area.key) : undefined}
                  {...(interactive
                    ? {
                        role: "button",
                        tabIndex: area.key === tabStop ? 0 : -1,
                        "aria-label": label,
                        "aria-pressed": area.key === selected,
                        onFocus: () => setFocused(area.key),
                        onBlur: () => setFocused(undefined),
                        onKeyDown: (event: KeyboardEvent<SVGPathElement>) => move(event, area.key),
                      }
                    : {})}
                >
                  {interactive ? null : <title>{area.name}</title>}
                </path>
              );
            })}
          </g>
          <g aria-hidden="true">
            {paths.outline.map((area) => (
              <path key={area.key} d={area.d} className="atlas-map__outline" />
            ))}
            {paths.areas
              .filter(
                (area) => highlight?.has(area.key) || area.key === selected || area.key === focused,
              )
              .map((area) => (
                <path key={`hl-${area.key}`} d={area.d} className="atlas-map__highlight" />
              ))}
          </g>
        </svg>
        {interactive && tipArea ? (
          <div
            className="atlas-map__tooltip"
            aria-hidden="true"
            style={{ left: `${(tipArea.x / WIDTH) * 100}%`, top: `${(tipArea.y / HEIGHT) * 100}%` }}
          >
            {describe(tipArea.key, tipArea.name)}
          </div>
        ) : null}
      </div>
      <figcaption className="atlas-map__caption">
        {interactive ? (
          <p id={hintId} className="kern-body kern-body--small">
            {summary} Tastatur: Tabulator auf die Karte, Pfeiltasten wechseln die Kommune
            (alphabetisch), Eingabe zeigt Details.
          </p>
        ) : (
          <p className="kern-body kern-body--small" aria-live="polite">
            {hovered ? `Zeiger auf: ${byKey.get(hovered)?.name ?? ""}` : summary}
          </p>
        )}
        {legend && legend.length > 0 ? (
          <ul className="atlas-legend" aria-label="Legende">
            {legend.map((entry) => (
              <li key={entry.label}>
                <span
                  className="atlas-legend__swatch"
                  style={{ background: entry.color }}
                  aria-hidden="true"
                />
                {entry.label}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="kern-body kern-body--small atlas-attribution">
          Grenzen: © GeoBasis-DE / BKG (Daten verändert), dl-de/by-2-0
        </p>
      </figcaption>
    </figure>
  );
}

/** Boundary collection type as the API returns it. */
export type Boundaries = FeatureCollection;
