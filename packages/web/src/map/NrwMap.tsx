import { geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { useMemo, useState } from "react";
import type { Schemas } from "../api/client.ts";
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

/**
 * NRW map drawn as SVG with d3-geo from the shipped boundaries (no tile server). The map is an
 * image with a text summary; every fact it shows is also available as text on the page.
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
  /** Mouse users can click an area; keyboard users use the lists on the page. */
  onSelect?: (key: string) => void;
  /** Optional coarser boundaries drawn on top (e.g. Kreise over Gemeinden). */
  outline?: FeatureCollection;
}) {
  const [hovered, setHovered] = useState<string | undefined>();
  const paths = useMemo(() => {
    const features = boundaries.features.map(rewindForD3);
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], {
      type: "FeatureCollection",
      features,
    } as unknown as GeoPermissibleObjects);
    const path = geoPath(projection);
    return {
      areas: features.map((feature) => ({
        key: feature.properties.key,
        name: feature.properties.name,
        d: path(feature as unknown as GeoPermissibleObjects) ?? "",
      })),
      outline: (outline?.features ?? []).map(rewindForD3).map((feature) => ({
        key: feature.properties.key,
        d: path(feature as unknown as GeoPermissibleObjects) ?? "",
      })),
    };
  }, [boundaries, outline]);
  const hoveredName = paths.areas.find((area) => area.key === hovered)?.name;
  const titleId = `map-title-${title.replace(/\W+/g, "-")}`;

  return (
    <figure className="atlas-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        className="atlas-map__svg"
      >
        <title id={titleId}>{`${title}. ${summary}`}</title>
        <g>
          {paths.areas.map((area) => (
            <path
              key={area.key}
              d={area.d}
              fill={fill(area.key)}
              className={`atlas-map__area${highlight?.has(area.key) ? " atlas-map__area--highlight" : ""}${onSelect ? " atlas-map__area--clickable" : ""}`}
              onMouseEnter={() => setHovered(area.key)}
              onMouseLeave={() => setHovered(undefined)}
              onClick={onSelect ? () => onSelect(area.key) : undefined}
            >
              <title>{area.name}</title>
            </path>
          ))}
        </g>
        <g aria-hidden="true">
          {paths.outline.map((area) => (
            <path key={area.key} d={area.d} className="atlas-map__outline" />
          ))}
          {paths.areas
            .filter((area) => highlight?.has(area.key))
            .map((area) => (
              <path key={`hl-${area.key}`} d={area.d} className="atlas-map__highlight" />
            ))}
        </g>
      </svg>
      <figcaption className="atlas-map__caption">
        <p className="kern-body kern-body--small" aria-live="polite">
          {hoveredName ? `Zeiger auf: ${hoveredName}` : summary}
        </p>
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
export type { Schemas };
