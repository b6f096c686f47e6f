import type { Schemas } from "../../api/client.ts";
import { CATEGORY_COLORS, NEUTRAL_FILL } from "../../map/palette.ts";

type Sourcing = Schemas["Sourcing"];

/** What the map colours by. */
export type ColourBy = "provider" | "operatingModel" | "product" | "costPerInhabitant";

/** German labels of the colouring choices. */
export const COLOUR_BY_LABEL: Record<ColourBy, string> = {
  provider: "IT-Dienstleister",
  operatingModel: "Betriebsmodell",
  product: "Produkt",
  costPerInhabitant: "Kosten je Einwohner",
};

/** German labels of operating models. */
export const OPERATING_MODEL_LABEL: Record<Sourcing["operatingModel"], string> = {
  eigenbetrieb: "Eigener Betrieb",
  it_dienstleister: "IT-Dienstleister",
  andere_kommune: "Andere Kommune",
  land: "Land",
  efa_dienst: "EfA-Dienst",
};

/** Sequential blues for cost classes (light = cheap), ColorBrewer "Blues". */
const SEQUENTIAL = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;
const OTHER_COLOUR = "#999999";
const MAX_CATEGORIES = CATEGORY_COLORS.length - 1;

/** Colours and legend for one map. */
export interface Colouring {
  colourOf: (key: string) => string;
  /** Text of the area's category, e.g. "OWL-IT" or "2,10 – 3,40 € je Einwohner". */
  categoryOf: (key: string) => string | undefined;
  legend: Array<{ color: string; label: string }>;
}

const euro = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Annual cost per inhabitant (Zensus 2022), or undefined when either is missing. */
export function costPerInhabitant(item: Sourcing): number | undefined {
  const population = item.organisation.population;
  if (item.annualCost === null || !population) return undefined;
  return item.annualCost / population;
}

function categoryLabel(item: Sourcing, colourBy: Exclude<ColourBy, "costPerInhabitant">): string {
  if (colourBy === "operatingModel") return OPERATING_MODEL_LABEL[item.operatingModel];
  if (colourBy === "product") return item.product?.name ?? "ohne Produktangabe";
  if (item.provider) return item.provider.shortName;
  if (item.operatingModel === "andere_kommune") return "Andere Kommune";
  return OPERATING_MODEL_LABEL[item.operatingModel];
}

/** Class limits for `classes` quantile classes (upper bounds, ascending). */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let index = 1; index <= classes; index += 1) {
    const position = Math.min(sorted.length - 1, Math.ceil((index / classes) * sorted.length) - 1);
    const value = sorted[position] ?? 0;
    if (breaks[breaks.length - 1] !== value) breaks.push(value);
  }
  return breaks;
}

/**
 * Colours the landscape of one domain: the most frequent categories get distinct colours
 * (Okabe–Ito), the rest "Weitere"; costs get five quantile classes. Legends carry counts so
 * that the map never relies on colour alone.
 */
export function colourLandscape(items: readonly Sourcing[], colourBy: ColourBy): Colouring {
  const byKey = new Map(items.map((item) => [item.organisation.ags, item]));
  if (colourBy === "costPerInhabitant") {
    const values = items
      .map(costPerInhabitant)
      .filter((value): value is number => value !== undefined);
    const breaks = quantileBreaks(values, SEQUENTIAL.length);
    const classOf = (value: number) => breaks.findIndex((limit) => value <= limit);
    const labels = breaks.map((limit, index) => {
      const lower = index === 0 ? Math.min(...values) : (breaks[index - 1] ?? 0);
      return `${euro.format(lower)} – ${euro.format(limit)} € je Einwohner`;
    });
    const counts = breaks.map(() => 0);
    for (const value of values) counts[classOf(value)] = (counts[classOf(value)] ?? 0) + 1;
    return {
      colourOf: (key) => {
        const item = byKey.get(key);
        const value = item ? costPerInhabitant(item) : undefined;
        return value === undefined ? NEUTRAL_FILL : (SEQUENTIAL[classOf(value)] ?? NEUTRAL_FILL);
      },
      categoryOf: (key) => {
        const item = byKey.get(key);
        const value = item ? costPerInhabitant(item) : undefined;
        return value === undefined ? undefined : `${euro.format(value)} € je Einwohner`;
      },
      legend: [
        ...labels.map((label, index) => ({
          color: SEQUENTIAL[index] ?? NEUTRAL_FILL,
          label: `${label} (${counts[index] ?? 0})`,
        })),
        { color: NEUTRAL_FILL, label: "keine Angabe" },
      ],
    };
  }
  const counts = new Map<string, number>();
  for (const item of items) {
    const label = categoryLabel(item, colourBy);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "de"));
  const shown = ranked.length > MAX_CATEGORIES + 1 ? ranked.slice(0, MAX_CATEGORIES) : ranked;
  const colourByLabel = new Map(
    shown.map(([label], index) => [label, CATEGORY_COLORS[index] ?? OTHER_COLOUR]),
  );
  const others = ranked.slice(shown.length).reduce((sum, [, count]) => sum + count, 0);
  return {
    colourOf: (key) => {
      const item = byKey.get(key);
      if (!item) return NEUTRAL_FILL;
      return colourByLabel.get(categoryLabel(item, colourBy)) ?? OTHER_COLOUR;
    },
    categoryOf: (key) => {
      const item = byKey.get(key);
      return item ? categoryLabel(item, colourBy) : undefined;
    },
    legend: [
      ...shown.map(([label, count]) => ({
        color: colourByLabel.get(label) ?? OTHER_COLOUR,
        label: `${label} (${count})`,
      })),
      ...(others > 0 ? [{ color: OTHER_COLOUR, label: `Weitere (${others})` }] : []),
      { color: NEUTRAL_FILL, label: "nicht zuständig / keine Angabe" },
    ],
  };
}
