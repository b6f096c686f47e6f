import fc from "fast-check";
import { ScenarioInput } from "../scenario/Scenario.ts";

/** Tiny random scenarios: 2–3 Kommunen, 1–2 domains, 2 providers, all kinds of constraints. */
export const tinyScenario = fc
  .record({
    kommunen: fc.integer({ min: 2, max: 3 }),
    domains: fc.integer({ min: 1, max: 2 }),
    horizon: fc.integer({ min: 1, max: 3 }),
    rate: fc.constantFrom(0, 0.03),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 80, maxLength: 80 }),
    coupling: fc.boolean(),
    budget: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    maxProviders: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
    projectCapacity: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    merger: fc.boolean(),
  })
  .map((shape) => {
    let cursor = 0;
    const draw = (low: number, high: number) =>
      low + ((shape.seed[cursor++ % shape.seed.length] ?? 0) % (high - low + 1));
    const domains = Array.from({ length: shape.domains }, (_, index) => `d${index}`);
    const providers = ["p", "q"];
    return ScenarioInput.parse({
      horizonYears: shape.horizon,
      discountRate: shape.rate,
      kommunen: Array.from({ length: shape.kommunen }, (_, index) => ({
        id: `k${index}`,
        name: `Kommune ${index}`,
      })),
      providers: providers.map((id) => ({ id, name: id.toUpperCase() })),
      domains: domains.map((id) => ({
        id,
        name: id,
        unit: "Einwohner",
        ownOperation: { fixedCost: draw(0, 60), costPerUnit: draw(1, 4) },
        migration: { fixedCost: draw(0, 40), costPerUnit: draw(0, 1) },
      })),
      offers: domains.flatMap((domainId) =>
        providers.map((providerId) => {
          const first = draw(1, 4);
          return {
            providerId,
            domainId,
            fixedCost: draw(0, 80),
            capacity: draw(0, 3) === 0 ? draw(10, 40) : null,
            segments:
              draw(0, 1) === 0
                ? [{ upTo: null, costPerUnit: first }]
                : [
                    { upTo: draw(5, 20), costPerUnit: first },
                    { upTo: null, costPerUnit: draw(0, first) },
                  ],
          };
        }),
      ),
      demands: domains.flatMap((domainId) =>
        Array.from({ length: shape.kommunen }, (_, index) => {
          const current = draw(0, 2);
          return {
            kommuneId: `k${index}`,
            domainId,
            volume: draw(1, 15),
            currentProviderId: current === 2 ? null : (providers[current] ?? null),
            keepLocal: draw(0, 7) === 0,
            ...(draw(0, 3) === 0 ? { allowedProviderIds: [providers[draw(0, 1)] ?? "p"] } : {}),
          };
        }),
      ),
      constraints: {
        couplings: shape.coupling && shape.domains === 2 ? [{ domainIds: ["d0", "d1"] }] : [],
        maxMigrationsTotal: shape.budget,
        maxMigrationsPerYear: null,
        providerProjectCapacity:
          shape.projectCapacity === null
            ? []
            : [{ providerId: "p", migrationsPerYear: shape.projectCapacity }],
        providerCounts:
          shape.maxProviders === null ? [] : [{ domainId: "d0", min: 0, max: shape.maxProviders }],
        mergers: shape.merger
          ? [{ id: "pq", name: "P + Q", providerIds: ["p", "q"], oneOffCost: draw(0, 60) }]
          : [],
      },
    });
  });
