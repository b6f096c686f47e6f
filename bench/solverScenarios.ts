/**
 * Seeded scenario landscapes for the solver benchmark, shaped like NRW (427 Kommunen — 396
 * Gemeinden + 31 Kreise — ~30 domains, ~38 providers) or Germany (10,800 Gemeinden, 16 Länder,
 * 150 providers). All numbers are assumptions for benchmarking, not data: populations are
 * log-normal around the NRW median Gemeinde (~20,000, Zensus 2022), cost curves have a platform
 * cost and marginal costs that fall with volume (economies of scale).
 */
import type { ScenarioInput } from "@it-atlas/solver";
import { seededRandom } from "./flpGenerator.ts";

/** Size and strategy mix of a generated landscape. */
export interface LandscapeShape {
  kommunen: number;
  domains: number;
  providers: number;
  /** Regions (Regierungsbezirke / Länder); providers are regional except the nationwide ones. */
  regions: number;
  /** Providers every Kommune may use regardless of region. */
  nationwideProviders: number;
  /** May Kommunen use providers of other regions? (NRW: yes; Germany: Land law says no.) */
  crossRegion: boolean;
  seed: number;
  /** Strategy constraints: keep-local, couplings, provider counts, migration budget, merger. */
  strategy: boolean;
}

/** NRW full scenario: 427 Kommunen × 30 domains × 38 providers, all providers allowed. */
export const NRW_SHAPE: LandscapeShape = {
  kommunen: 427,
  domains: 30,
  providers: 38,
  regions: 5,
  nationwideProviders: 3,
  crossRegion: true,
  seed: 2025,
  strategy: true,
};

/** Germany: 10,800 Gemeinden × 30 domains × 150 providers in 16 Länder. */
export const GERMANY_SHAPE: LandscapeShape = {
  kommunen: 10_800,
  domains: 30,
  providers: 150,
  regions: 16,
  nationwideProviders: 6,
  crossRegion: false,
  seed: 1990,
  strategy: true,
};

const DOMAIN_NAMES = [
  "einwohnerwesen",
  "personenstandswesen",
  "gewerbewesen",
  "kfz-zulassung",
  "finanzwesen",
  "personalwesen",
  "ratsinformation",
  "dokumentenmanagement",
  "e-payment",
  "buergerservice",
  "ordnungswidrigkeiten",
  "sozialwesen",
  "jugendhilfe",
  "bauwesen",
  "liegenschaften",
  "geoinformation",
  "schulverwaltung",
  "kita-verwaltung",
  "wahlen",
  "friedhofswesen",
  "abfallwirtschaft",
  "steuern-abgaben",
  "vergabe",
  "haushalt",
  "kasse",
  "arbeitsplatz-it",
  "rechenzentrum",
  "netz",
  "telefonie",
  "it-sicherheit",
];

/** A scenario in the JSON shape `solveScenario` takes. */
export function generateScenario(shape: LandscapeShape): ScenarioInput {
  const random = seededRandom(shape.seed);
  const uniform = (low: number, high: number) => low + (high - low) * random();
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const kommunen = Array.from({ length: shape.kommunen }, (_, index) => ({
    id: `k${index + 1}`,
    name: `Kommune ${index + 1}`,
    region: index % shape.regions,
    population: Math.round(
      Math.min(1_100_000, Math.max(800, Math.exp(Math.log(20_000) + 0.9 * normal()))),
    ),
  }));
  const providers = Array.from({ length: shape.providers }, (_, index) => ({
    id: `p${index + 1}`,
    name: `IT-Dienstleister ${index + 1}`,
    region: index < shape.nationwideProviders ? -1 : index % shape.regions,
  }));
  const domains = Array.from({ length: shape.domains }, (_, index) => {
    const base = DOMAIN_NAMES[index % DOMAIN_NAMES.length] ?? "bereich";
    const id = index < DOMAIN_NAMES.length ? base : `${base}-${index}`;
    // Yearly cost per inhabitant €2–12 in one's own operation (assumption).
    const unitCost = uniform(2, 12);
    return {
      id,
      name: id,
      unit: "Einwohner",
      unitCost,
      coverage: uniform(0.6, 1),
      ownOperation: {
        fixedCost: Math.round(uniform(20_000, 80_000)),
        costPerUnit: round(unitCost),
      },
      migration: {
        fixedCost: Math.round(uniform(30_000, 120_000)),
        costPerUnit: round(uniform(1, 4)),
      },
    };
  });
  const offers: ScenarioInput["offers"] = [];
  for (const domain of domains) {
    for (const provider of providers) {
      if (random() > (provider.region < 0 ? 0.9 : 0.7)) continue;
      const marginal = domain.unitCost * uniform(0.8, 1.05);
      offers.push({
        providerId: provider.id,
        domainId: domain.id,
        fixedCost: Math.round(uniform(150_000, 600_000)),
        segments: [
          { upTo: 200_000, costPerUnit: round(marginal) },
          { upTo: 1_000_000, costPerUnit: round(marginal * 0.85) },
          { upTo: null, costPerUnit: round(marginal * 0.7) },
        ],
        capacity: random() < 0.3 ? Math.round(uniform(0.8, 3) * 1_000_000) : null,
      });
    }
  }
  const offered = new Map<string, string[]>();
  for (const offer of offers)
    offered.set(offer.domainId, [...(offered.get(offer.domainId) ?? []), offer.providerId]);
  const regionOf = new Map(providers.map((provider) => [provider.id, provider.region]));
  const demands: ScenarioInput["demands"] = [];
  for (const domain of domains) {
    const candidates = offered.get(domain.id) ?? [];
    for (const kommune of kommunen) {
      if (random() > domain.coverage) continue;
      const reachable = candidates.filter((providerId) => {
        const region = regionOf.get(providerId) ?? -1;
        return shape.crossRegion || region < 0 || region === kommune.region;
      });
      const home = reachable.filter((providerId) => regionOf.get(providerId) === kommune.region);
      const pool = home.length > 0 ? home : reachable;
      // Today's market is concentrated: the region's first providers serve most (Zipf weights).
      const weights = pool.map((_, rank) => 1 / (rank + 1) ** 2);
      let pick = random() * weights.reduce((sum, weight) => sum + weight, 0);
      const zipf = pool.find((_, rank) => (pick -= weights[rank] ?? 0) < 0) ?? pool[0] ?? null;
      const current = random() < 0.3 || pool.length === 0 ? null : zipf;
      const restricted = !shape.crossRegion || (shape.strategy && random() < 0.1);
      demands.push({
        kommuneId: kommune.id,
        domainId: domain.id,
        volume: kommune.population,
        currentProviderId: current,
        ...(restricted ? { allowedProviderIds: shape.crossRegion ? pool : reachable } : {}),
        ownOperationAllowed: true,
        keepLocal: shape.strategy && current === null && random() < 0.15,
      });
    }
  }
  const strategy = shape.strategy;
  return {
    name: `landschaft-${shape.kommunen}x${shape.domains}x${shape.providers}-s${shape.seed}`,
    horizonYears: 5,
    discountRate: 0.03,
    kommunen: kommunen.map(({ id, name }) => ({ id, name })),
    providers: providers.map(({ id, name }) => ({ id, name })),
    domains: domains.map(({ id, name, unit, ownOperation, migration }) => ({
      id,
      name,
      unit,
      ownOperation,
      migration,
    })),
    offers,
    demands,
    constraints: {
      maxMigrationsPerYear: strategy ? Math.round(demands.length / 25) : null,
      maxMigrationsTotal: null,
      providerProjectCapacity: [],
      couplings: strategy ? [{ domainIds: ["einwohnerwesen", "personenstandswesen"] }] : [],
      providerCounts: strategy
        ? [
            { domainId: "kfz-zulassung", min: 1, max: 3 },
            { domainId: "finanzwesen", min: 2, max: null },
          ]
        : [],
      mergers: strategy
        ? [
            {
              id: "fusion-p4-p5",
              name: "Fusion p4 + p5",
              providerIds: ["p4", "p5"],
              oneOffCost: 2_000_000,
            },
          ]
        : [],
    },
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
