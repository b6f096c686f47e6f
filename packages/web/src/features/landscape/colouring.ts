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

/** The Kreis (5-digit key) of a kreisangehörige Gemeinde's row, else undefined. */
function kreisOf(item: Sourcing): string | undefined {
  const ags = item.organisation.ags;
  return item.organisation.kind === "gemeinde" && ags.length === 8 && !ags.endsWith("000")
    ? ags.slice(0, 5)
    : undefined;
}

/**
 * Colours the landscape of one domain: the most frequent categories get distinct colours
 * (Okabe–Ito), the rest "Weitere"; costs get five quantile classes. Legends carry counts so
 * that the map never relies on colour alone.
 *
 * On the Kreis level (`level` "kreis") a Kreis without a row of its own (a Gemeinde task such
 * as Einwohnerwesen) aggregates its Gemeinden: the colour of their most frequent category with
 * every category and its count in words, or their total cost per total inhabitants — never
 * "keine Angabe" for a Kreis whose Gemeinden have data.
 */
export function colourLandscape(
  items: readonly Sourcing[],
  colourBy: ColourBy,
  level: "gemeinde" | "kreis" = "gemeinde",
): Colouring {
  const byKey = new Map(items.map((item) => [item.organisation.ags, item]));
  const members = new Map<string, Sourcing[]>();
  if (level === "kreis") {
    for (const item of items) {
      const kreis = kreisOf(item);
      if (kreis && !byKey.has(kreis)) members.set(kreis, [...(members.get(kreis) ?? []), item]);
    }
  }
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
    const valueOf = (key: string): { value: number; of?: number } | undefined => {
      const item = byKey.get(key);
      if (item) {
        const value = costPerInhabitant(item);
        return value === undefined ? undefined : { value };
      }
      const known = (members.get(key) ?? []).filter((row) => costPerInhabitant(row) !== undefined);
      const population = known.reduce((sum, row) => sum + (row.organisation.population ?? 0), 0);
      if (known.length === 0 || population === 0) return undefined;
      const cost = known.reduce((sum, row) => sum + (row.annualCost ?? 0), 0);
      return { value: cost / population, of: known.length };
    };
    return {
      colourOf: (key) => {
        const found = valueOf(key);
        if (!found) return NEUTRAL_FILL;
        const index = classOf(found.value);
        // A Kreis's mean can lie above every Gemeinde's class limit only by rounding.
        return SEQUENTIAL[index === -1 ? SEQUENTIAL.length - 1 : index] ?? NEUTRAL_FILL;
      },
      categoryOf: (key) => {
        const found = valueOf(key);
        if (!found) return undefined;
        const text = `${euro.format(found.value)} € je Einwohner`;
        return found.of === undefined
          ? text
          : `${text} (zusammen ${found.of} ${found.of === 1 ? "Gemeinde" : "Gemeinden"})`;
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
  /** A Kreis's Gemeinden by category, most frequent first. */
  const membersByLabel = (key: string): Array<[string, number]> => {
    const tally = new Map<string, number>();
    for (const row of members.get(key) ?? []) {
      const label = categoryLabel(row, colourBy);
      tally.set(label, (tally.get(label) ?? 0) + 1);
    }
    return [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "de"));
  };
  return {
    colourOf: (key) => {
      const item = byKey.get(key);
      if (item) return colourByLabel.get(categoryLabel(item, colourBy)) ?? OTHER_COLOUR;
      const [top] = membersByLabel(key);
      return top ? (colourByLabel.get(top[0]) ?? OTHER_COLOUR) : NEUTRAL_FILL;
    },
    categoryOf: (key) => {
      const item = byKey.get(key);
      if (item) return categoryLabel(item, colourBy);
      const tally = membersByLabel(key);
      if (tally.length === 0) return undefined;
      const total = tally.reduce((sum, [, count]) => sum + count, 0);
      return `${total} ${total === 1 ? "Gemeinde" : "Gemeinden"}: ${tally
        .map(([label, count]) => `${label} ${count}`)
        .join(", ")}`;
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
