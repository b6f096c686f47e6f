import { z } from "zod";

/**
 * Constraint groups whose price is measured („Preis der Vorgabe“). `mergerOptions` are options,
 * not restrictions: their price is negative when the option saves money. `all` removes every
 * restricting group at once (the merger options stay), since the prices of single groups do not
 * add up.
 */
export const ConstraintGroup = z.enum([
  "keepLocal",
  "allowedProviders",
  "capacities",
  "projectCapacities",
  "couplings",
  "migrationBudget",
  "providerCounts",
  "mergerOptions",
  "all",
]);
export type ConstraintGroup = z.infer<typeof ConstraintGroup>;

/** German labels of {@link ConstraintGroup}, as the scenario form names the constraints. */
export const constraintGroupLabel: Record<ConstraintGroup, string> = {
  keepLocal: "Vor Ort notwendig (eigener Betrieb)",
  allowedProviders: "Zugelassene Anbieter",
  capacities: "Kapazitäten der Anbieter",
  projectCapacities: "Projektkapazität der Anbieter",
  couplings: "Kopplungen von Leistungsbereichen",
  migrationBudget: "Wechselbudget (Wechsel je Jahr / insgesamt)",
  providerCounts: "Anzahl der Anbieter je Leistungsbereich",
  mergerOptions: "Fusionsoptionen",
  all: "Alle Vorgaben zusammen",
};

/**
 * The price of one constraint group of a solved scenario: the optimum re-solved without the
 * group, compared with the plan. Money is cost per year in euro.
 */
export const ConstraintPrice = z
  .object({
    group: ConstraintGroup,
    /** Constraint instances of the group in the scenario (e.g. Kommune × Bereich rows). */
    instances: z.number().int().nonnegative(),
    /** Status of the re-solve without the group. */
    status: z.enum(["optimal", "feasible", "error"]),
    /** Best cost per year found without the group (for restrictions never above the plan's). */
    objectiveWithout: z.number().nullable(),
    /** Proven lower bound of the cost per year without the group. */
    boundWithout: z.number().nullable(),
    /**
     * Plan's cost − cost without the group (Δ cost per year the group causes): ≥ 0 for
     * restrictions, ≤ 0 for merger options (the option saves that much).
     */
    pricePerYear: z.number().nullable(),
    /** The true price lies in [priceLower, priceUpper] (plan's and re-solve's gaps). */
    priceLower: z.number().nullable(),
    priceUpper: z.number().nullable(),
    /** The re-solve was proven within the requested gap. */
    proven: z.boolean(),
    seconds: z.number().nonnegative(),
    /** German reason when the re-solve gave no plan. */
    message: z.string().nullable(),
  })
  .meta({ id: "ConstraintPrice" });
export type ConstraintPrice = z.infer<typeof ConstraintPrice>;

/** The money fields of a price withheld (viewers who may not see every Kommune's costs). */
export function redactConstraintPrice(price: ConstraintPrice): ConstraintPrice {
  return {
    ...price,
    objectiveWithout: null,
    boundWithout: null,
    pricePerYear: null,
    priceLower: null,
    priceUpper: null,
  };
}

const euro = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});

/** A price in German: "1.234 € je Jahr", "bis zu …" when not proven, "vertraulich". */
export function constraintPriceText(price: ConstraintPrice): string {
  if (price.status === "error" && price.pricePerYear === null)
    return price.message ?? "nicht ermittelt";
  if (price.pricePerYear === null) return "vertraulich";
  const amount = `${euro.format(price.pricePerYear)} je Jahr`;
  if (price.proven) return amount;
  const upper = price.priceUpper === null ? "offen" : euro.format(price.priceUpper);
  return `${amount} (nicht bewiesen, höchstens ${upper})`;
}

/** Restrictions that make the plan dearer, dearest first (merger options and `all` left out). */
export function bindingConstraints(prices: readonly ConstraintPrice[]): ConstraintPrice[] {
  return prices
    .filter(
      (price) =>
        price.group !== "all" &&
        price.group !== "mergerOptions" &&
        price.pricePerYear !== null &&
        price.pricePerYear > 0.5,
    )
    .sort((a, b) => (b.pricePerYear ?? 0) - (a.pricePerYear ?? 0));
}

/**
 * When a plan costs more than Ist: a German sentence naming the constraints that force it and
 * what each costs, and what the plan would save without any of them. null when the plan saves,
 * or when the money is withheld or the prices were not computed.
 */
export function costAboveIstExplanation(
  savingPerYear: number | null,
  prices: readonly ConstraintPrice[] | null,
): string | null {
  if (savingPerYear === null || savingPerYear >= -0.5 || prices === null) return null;
  const binding = bindingConstraints(prices);
  const opening = `Der Plan kostet ${euro.format(-savingPerYear)} je Jahr mehr als Ist.`;
  if (binding.length === 0) {
    return `${opening} Keine einzelne Vorgabe verteuert ihn; die Wechselkosten und die Kostenannahmen führen zu diesem Ergebnis.`;
  }
  const named = binding
    .map(
      (price) => `${constraintGroupLabel[price.group]} (${euro.format(price.pricePerYear ?? 0)})`,
    )
    .join(", ");
  const all = prices.find((price) => price.group === "all");
  const together =
    all?.pricePerYear != null
      ? ` Ohne alle Vorgaben zusammen wäre er ${euro.format(all.pricePerYear)} je Jahr günstiger${
          all.pricePerYear + savingPerYear > 0.5
            ? ` und spart ${euro.format(all.pricePerYear + savingPerYear)} je Jahr gegenüber Ist`
            : ""
        }.`
      : "";
  return `${opening} Diese Vorgaben verteuern ihn (Mehrkosten je Jahr, jeweils allein weggelassen): ${named}.${together}`;
}
