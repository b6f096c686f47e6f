import { costCurveFor } from "./costModel.ts";
import type { DemoContext } from "./demoContext.ts";
import type { DemoBaseSourcing, DemoChange, DemoDomain, DemoOffer } from "./DemoLandscape.ts";
import { randomFor } from "./random.ts";

/** Service levels by catalogue group (Annahme: typical wording of municipal provider contracts). */
const SLA: Record<DemoDomain["category"], string> = {
  infrastruktur:
    "99,9 % Verfügbarkeit, Servicezeit Mo–Fr 7–18 Uhr, Störungsannahme rund um die Uhr",
  querschnitt: "99,5 % Verfügbarkeit, Servicezeit Mo–Fr 7–18 Uhr",
  fachverfahren: "99,5 % Verfügbarkeit, Servicezeit Mo–Fr 7–18 Uhr",
  digitale_dienste: "99,5 % Verfügbarkeit, Betrieb rund um die Uhr, Support Mo–Fr 8–16 Uhr",
};

/**
 * Offers of every provider that exists at the end date for the domains its customers then
 * obtain from it: price model from the cost model at the end date's price level, capacity
 * 1.5–3 × the volume it already serves (Annahme).
 */
export function generateDemoOffers(
  base: readonly DemoBaseSourcing[],
  changes: readonly DemoChange[],
  context: DemoContext,
): DemoOffer[] {
  const { input, timeline } = context;
  const end = input.endDate;
  const latest = new Map<string, { values: DemoBaseSourcing | DemoChange; date: string }>();
  for (const row of base)
    latest.set(`${row.organisationKey}|${row.domainId}`, { values: row, date: input.startDate });
  for (const change of changes)
    latest.set(`${change.organisationKey}|${change.domainId}`, {
      values: change,
      date: change.date,
    });

  const served = new Map<string, { volume: number; products: Map<string, number> }>();
  for (const { values, date } of latest.values()) {
    if (values.operatingModel !== "it_dienstleister" || values.providerId === null) continue;
    const providerId = timeline.carryForward(values.providerId, values.organisationKey, date, end);
    const key = `${providerId}|${values.domainId}`;
    const entry = served.get(key) ?? { volume: 0, products: new Map<string, number>() };
    entry.volume += values.volume;
    if (values.productId !== null)
      entry.products.set(values.productId, (entry.products.get(values.productId) ?? 0) + 1);
    served.set(key, entry);
  }

  const offers: DemoOffer[] = [];
  for (const provider of input.providers) {
    const offersProvider =
      provider.status === "active" &&
      timeline.isActive(provider.id, end) &&
      (provider.kind === "kommunal" || provider.kind === "stadt_it");
    if (!offersProvider) continue;
    for (const domain of input.domains) {
      const entry = served.get(`${provider.id}|${domain.id}`);
      if (!entry) continue;
      const random = randomFor(input.seed, "offer", provider.id, domain.id);
      const priceFactor = context.providerPriceLevel(provider.id) * context.inflationTo(end);
      const curve = costCurveFor(context.domainProfile(domain), "it_dienstleister", priceFactor);
      offers.push({
        providerId: provider.id,
        domainId: domain.id,
        productId: mostUsed(entry.products, context.productsByDomain.get(domain.id) ?? []),
        fixedPrice: Math.round(curve.fixed),
        // A provider's price list is linear (exponent 1), so the curve's unit cost is the unit price.
        unitPrice: Math.round(curve.unitCost * 10_000) / 10_000,
        capacity: Math.round(entry.volume * random.uniform(1.5, 3)),
        sla: SLA[domain.category],
      });
    }
  }
  return offers;
}

/** The product most customers use; ties go to the product listed first. */
function mostUsed(counts: ReadonlyMap<string, number>, order: readonly string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const id of order) {
    const count = counts.get(id) ?? 0;
    if (count > bestCount) {
      best = id;
      bestCount = count;
    }
  }
  return best;
}
