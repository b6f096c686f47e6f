import { describe, expect, it } from "vitest";
import type { OperatingModel } from "../landscape/OperatingModel.ts";
import type { VolumeUnit } from "../landscape/ServiceDomain.ts";
import {
  categoryCostParameters,
  costCurveFor,
  domainCostProfile,
  kgstApplicationShareMinimum,
  kgstItCostPerWorkstation,
  referenceKommune,
  referenceUnitCostRange,
  runningCostOf,
  volumeOf,
  workstationsOf,
  type DemoDomainCategory,
} from "./costModel.ts";

const categories = Object.keys(categoryCostParameters) as DemoDomainCategory[];
const models: OperatingModel[] = [
  "eigenbetrieb",
  "it_dienstleister",
  "andere_kommune",
  "efa_dienst",
  "land",
];
const units: VolumeUnit[] = [
  "einwohner",
  "arbeitsplaetze",
  "nutzer",
  "faelle",
  "buchungen",
  "beschaeftigte",
  "postfaecher",
  "anschluesse",
  "standorte",
  "sitzungen",
  "schulen",
  "transaktionen",
];
const cases = categories.flatMap((category) => models.map((model) => [category, model] as const));

/** Volumes from a tiny Gemeinde to Köln, as multiples of the reference volume. */
const scales = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50];

describe("cost curves", () => {
  it.each(cases)("%s × %s: rises with volume while cost per unit falls", (category, model) => {
    const profile = domainCostProfile(category, "arbeitsplaetze");
    const curve = costCurveFor(profile, model);
    const volumes = scales.map((scale) => scale * profile.referenceVolume);
    const costs = volumes.map((volume) => runningCostOf(curve, volume));
    costs.slice(1).forEach((cost, index) => {
      const previous = costs[index]!;
      expect(cost).toBeGreaterThan(previous);
      expect(cost / volumes[index + 1]!).toBeLessThanOrEqual(previous / volumes[index]! + 1e-9);
    });
  });

  it.each(cases)("%s × %s: is concave (equal volume steps add no more cost)", (category, model) => {
    const profile = domainCostProfile(category, "einwohner");
    const curve = costCurveFor(profile, model);
    const step = profile.referenceVolume / 4;
    const costs = Array.from({ length: 40 }, (_, index) =>
      runningCostOf(curve, (index + 1) * step),
    );
    for (let index = 2; index < costs.length; index++) {
      const secondDifference = costs[index]! - 2 * costs[index - 1]! + costs[index - 2]!;
      expect(secondDifference).toBeLessThanOrEqual(1e-6 * costs[index]!);
    }
  });

  it.each(categories)(
    "%s: own operation costs a small Kommune more per unit than a provider, a large one less",
    (category) => {
      const profile = domainCostProfile(category, "arbeitsplaetze");
      const own = costCurveFor(profile, "eigenbetrieb");
      const provider = costCurveFor(profile, "it_dienstleister");
      const small = 0.2 * profile.referenceVolume;
      const large = 20 * profile.referenceVolume;
      expect(runningCostOf(own, small)).toBeGreaterThan(runningCostOf(provider, small));
      expect(runningCostOf(own, large)).toBeLessThan(runningCostOf(provider, large));
    },
  );

  it("scales prices with a provider's price level", () => {
    const profile = domainCostProfile("fachverfahren", "faelle", 1, 0.1);
    const volume = 3000;
    expect(runningCostOf(costCurveFor(profile, "it_dienstleister", 1.1), volume)).toBeCloseTo(
      1.1 * runningCostOf(costCurveFor(profile, "it_dienstleister"), volume),
    );
  });
});

describe("calibration", () => {
  it("spreads exactly the KGSt €3,100 per workstation over the categories, with applications above 40 %", () => {
    const shares = categories.map((category) => categoryCostParameters[category].shareOfItCost);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1);
    const applications =
      categoryCostParameters.querschnitt.shareOfItCost +
      categoryCostParameters.fachverfahren.shareOfItCost;
    expect(applications).toBeGreaterThan(kgstApplicationShareMinimum.value);
  });

  it.each(categories)(
    "%s: a typical set of domains in own operation costs the reference Kommune its KGSt share",
    (category) => {
      const parameters = categoryCostParameters[category];
      const profile = domainCostProfile(category, "arbeitsplaetze");
      const total =
        runningCostOf(costCurveFor(profile, "eigenbetrieb"), profile.referenceVolume) *
        parameters.typicalDomainCount;
      expect(total / profile.referenceVolume).toBeCloseTo(
        kgstItCostPerWorkstation.value * parameters.shareOfItCost,
      );
    },
  );

  it.each(categories.flatMap((category) => units.map((unit) => [category, unit] as const)))(
    "%s per %s: has a positive reference unit-cost range",
    (category, unit) => {
      const range = referenceUnitCostRange(category, unit);
      expect(range.min).toBeGreaterThan(0);
      expect(range.max).toBeGreaterThan(range.min);
    },
  );
});

describe("volumes", () => {
  it.each([
    [
      "kreisangehörige Gemeinde",
      { kind: "gemeinde", municipalityType: "kreisangehoerige_gemeinde", population: 12_500 },
      100,
    ],
    [
      "kreisfreie Stadt",
      { kind: "gemeinde", municipalityType: "kreisfreie_stadt", population: 400_000 },
      5000,
    ],
    ["Kreis", { kind: "kreis", municipalityType: null, population: 300_000 }, 1000],
  ] as const)(
    "gives a %s its workstations from its population",
    (_label, organisation, expected) => {
      expect(workstationsOf(organisation)).toBeCloseTo(expected);
    },
  );

  it("derives IT users from the two KGSt figures (3,100 / 3,700 per workstation / user)", () => {
    expect(volumeOf("nutzer", "gemeinde", referenceKommune.population, 100)).toBeCloseTo(
      100 * (3100 / 3700),
    );
  });

  it("counts cases with the domain's rate per inhabitant", () => {
    expect(volumeOf("faelle", "gemeinde", 20_000, 160, 0.1)).toBeCloseTo(2000);
  });
});
