/**
 * Cost and volume model of the demo landscape. Every number is either a cited figure or marked
 * "Annahme" (assumption); the tables are exported so the documentation can show them as they are.
 *
 * Shape: running cost = fixed + unit cost × reference volume × (volume / reference volume)^exponent.
 * With a fixed part and an exponent ≤ 1 the curve rises with volume while cost per unit falls —
 * the economies of scale that the NRW state audit office describes for basic infrastructure.
 */
import type { OperatingModel } from "../landscape/OperatingModel.ts";
import type { VolumeUnit } from "../landscape/ServiceDomain.ts";
import type { DemoDomain, DemoOrganisation } from "./DemoLandscape.ts";

/** A catalogue group of Leistungsbereiche, as the generator sees it. */
export type DemoDomainCategory = DemoDomain["category"];

/** A parameter with the basis it rests on (source or "Annahme"). */
export interface CostModelParameter {
  value: number;
  basis: string;
}

const KGST_SOURCE = "KGSt-Vergleichsringe (2016), berichtet von kommunal.de; siehe DOMAIN.md";

/** IT cost per workstation (Arbeitsplatz) and year in the KGSt comparison rings: the calibration anchor. */
export const kgstItCostPerWorkstation: CostModelParameter = {
  value: 3100,
  basis: `rund 3.100 € IT-Kosten je Arbeitsplatz und Jahr – ${KGST_SOURCE}`,
};

/** IT cost per IT user and year in the KGSt comparison rings; fixes the users-per-workstation ratio. */
export const kgstItCostPerUser: CostModelParameter = {
  value: 3700,
  basis: `rund 3.700 € IT-Kosten je IT-Nutzer und Jahr – ${KGST_SOURCE}`,
};

/** Share of applications (Querschnitt + Fachverfahren) in IT cost: more than 40 % per KGSt. */
export const kgstApplicationShareMinimum: CostModelParameter = {
  value: 0.4,
  basis: `Anwendungen machen mehr als 40 % der IT-Kosten aus – ${KGST_SOURCE}`,
};

/** The Kommune at which reference unit costs hold: about the median NRW Gemeinde. */
export const referenceKommune = {
  population: 20_000,
  basis:
    "Median der 396 Gemeinden ≈ 20.900 Einwohner (Zensus 2022, data/nrw_gemeinden.csv), gerundet auf 20.000",
} as const;

/** Per-category parameters: share of total IT cost, fixed share, investment weight. */
export interface CategoryCostParameters {
  /** Share of the €3,100 per workstation that falls on this category. */
  shareOfItCost: number;
  /** Leaf domains the share is spread over: those of the shipped catalogue (data/leistungsbereiche.csv). */
  typicalDomainCount: number;
  /** Share of the reference cost that is fixed, i.e. independent of volume. */
  fixedShare: number;
  /** Multiplier on the operating model's investment share (hardware-heavy → higher). */
  investmentWeight: number;
  basis: string;
}

/** Cost parameters per catalogue group; the shares add up to 1. */
export const categoryCostParameters: Record<DemoDomainCategory, CategoryCostParameters> = {
  infrastruktur: {
    shareOfItCost: 0.42,
    typicalDomainCount: 5,
    fixedShare: 0.3,
    investmentWeight: 1.4,
    basis:
      "Anteil: Annahme (Rest nach > 40 % Anwendungen, KGSt). Fixanteil höher als bei Anwendungen, weil die Grundkosten der Basisinfrastruktur bis zu einer Mindestgröße weitgehend nutzerunabhängig sind (Landesrechnungshof NRW, siehe DOMAIN.md); Höhe 30 %: Annahme",
  },
  querschnitt: {
    shareOfItCost: 0.22,
    typicalDomainCount: 6,
    fixedShare: 0.25,
    investmentWeight: 1,
    basis:
      "Querschnitt + Fachverfahren = 48 % > 40 % Anwendungsanteil (KGSt); Aufteilung und Fixanteil (Grundlizenz, Customizing): Annahme",
  },
  fachverfahren: {
    shareOfItCost: 0.26,
    typicalDomainCount: 14,
    fixedShare: 0.25,
    investmentWeight: 0.9,
    basis:
      "Querschnitt + Fachverfahren = 48 % > 40 % Anwendungsanteil (KGSt); Aufteilung und Fixanteil (Grundlizenz, Schnittstellen): Annahme",
  },
  digitale_dienste: {
    shareOfItCost: 0.1,
    typicalDomainCount: 4,
    fixedShare: 0.25,
    investmentWeight: 0.8,
    basis: "Annahme: Portal, Servicekonto, E-Payment, Online-Dienste als kleiner Restanteil",
  },
};

/** How each operating model turns the own-operation reference cost into a price. */
export interface OperatingModelCostParameters {
  /** Multiplier on the fixed cost an own operation would carry. */
  fixedFactor: number;
  /** Multiplier on the variable unit cost of an own operation. */
  variableFactor: number;
  /** Exponent of the variable part: < 1 means the Kommune's own scale economies. */
  exponent: number;
  /** Annualised investment as a share of running cost (before the category weight). */
  investmentShare: number;
  basis: string;
}

/** Price shapes per operating model (all: Annahme, following the scale-economy argument of DOMAIN.md). */
export const operatingModelCostParameters: Record<OperatingModel, OperatingModelCostParameters> = {
  eigenbetrieb: {
    fixedFactor: 1,
    variableFactor: 1,
    exponent: 0.92,
    investmentShare: 0.18,
    basis:
      "Annahme: die Kommune trägt die Fixkosten allein und investiert selbst; leichte Größenvorteile (Exponent 0,92)",
  },
  it_dienstleister: {
    fixedFactor: 0.2,
    variableFactor: 1.05,
    exponent: 1,
    investmentShare: 0.05,
    basis:
      "Annahme: der Dienstleister verteilt seine Fixkosten auf viele Kunden (Grundgebühr 20 % der eigenen Fixkosten), Stückpreis mit 5 % Aufschlag; kleine Kommunen sparen, große kaum (vgl. Aldag, Warner & Bel 2020)",
  },
  andere_kommune: {
    fixedFactor: 0.3,
    variableFactor: 1.1,
    exponent: 1,
    investmentShare: 0.05,
    basis:
      "Annahme: kostendeckendes Entgelt der Partnerkommune, weniger Skaleneffekte als ein Dienstleister",
  },
  efa_dienst: {
    fixedFactor: 0.1,
    variableFactor: 0.8,
    exponent: 1,
    investmentShare: 0.03,
    basis:
      "Annahme: EfA-Dienst wird einmal für alle entwickelt; die Kommune zahlt ein Nutzungsentgelt",
  },
  land: {
    fixedFactor: 0,
    variableFactor: 0.5,
    exponent: 1,
    investmentShare: 0.02,
    basis:
      "Annahme: das Land trägt Betrieb und Entwicklung; der Kommune bleiben Anbindung und Fachbetreuung",
  },
};

/** Workstations per inhabitant by kind of Kommune (volume driver of infrastructure). */
export const workstationsPerInhabitant: Record<
  "gemeinde" | "kreisfreie_stadt" | "kreis",
  CostModelParameter
> = {
  gemeinde: { value: 1 / 125, basis: "Annahme: 1 Arbeitsplatz je 100–150 Einwohner, Mitte 125" },
  kreisfreie_stadt: {
    value: 1 / 80,
    basis:
      "Annahme: kreisfreie Städte erfüllen zusätzlich Kreisaufgaben, daher mehr Personal je Einwohner",
  },
  kreis: {
    value: 1 / 300,
    basis:
      "Annahme: Kreisverwaltung ≈ 1 Arbeitsplatz je 300 Einwohner des Kreises (Kreisaufgaben ohne Gemeindeaufgaben)",
  },
};

/** Volume = base + perInhabitant × population + perWorkstation × workstations. */
export interface VolumeRule {
  base: number;
  perInhabitant: number;
  perWorkstation: number;
  basis: string;
}

const USERS_PER_WORKSTATION = kgstItCostPerWorkstation.value / kgstItCostPerUser.value;

/** How the volume of each unit follows from a Kommune's size; Kreise differ where their tasks do. */
export const volumeRules: Record<VolumeUnit, { gemeinde: VolumeRule; kreis: VolumeRule }> = {
  einwohner: same({
    base: 0,
    perInhabitant: 1,
    perWorkstation: 0,
    basis: "Einwohnerzahl (Zensus 2022)",
  }),
  arbeitsplaetze: same({
    base: 0,
    perInhabitant: 0,
    perWorkstation: 1,
    basis: "siehe workstationsPerInhabitant",
  }),
  nutzer: same({
    base: 0,
    perInhabitant: 0,
    perWorkstation: USERS_PER_WORKSTATION,
    basis:
      "3.100 € je Arbeitsplatz und 3.700 € je Nutzer bei gleichen Gesamtkosten ⇒ 0,84 Nutzer je Arbeitsplatz (KGSt)",
  }),
  beschaeftigte: same({
    base: 0,
    perInhabitant: 0,
    perWorkstation: 1.3,
    basis: "Annahme: 1,3 Beschäftigte je Arbeitsplatz (Teilzeit, Bauhof, Kitas)",
  }),
  postfaecher: same({
    base: 0,
    perInhabitant: 0,
    perWorkstation: USERS_PER_WORKSTATION * 1.15,
    basis: "Annahme: Nutzer + 15 % Funktionspostfächer",
  }),
  anschluesse: same({
    base: 0,
    perInhabitant: 0,
    perWorkstation: 1.2,
    basis: "Annahme: 1,2 Telefon-/Netzanschlüsse je Arbeitsplatz",
  }),
  standorte: {
    gemeinde: {
      base: 2,
      perInhabitant: 1 / 6000,
      perWorkstation: 0,
      basis: "Annahme: 2 + 1 Standort je 6.000 Einwohner",
    },
    kreis: {
      base: 4,
      perInhabitant: 1 / 50_000,
      perWorkstation: 0,
      basis: "Annahme: 4 + 1 Standort je 50.000 Einwohner",
    },
  },
  sitzungen: {
    gemeinde: {
      base: 30,
      perInhabitant: 1 / 1000,
      perWorkstation: 0,
      basis: "Annahme: 30 + 1 Gremiensitzung je 1.000 Einwohner",
    },
    kreis: {
      base: 40,
      perInhabitant: 1 / 5000,
      perWorkstation: 0,
      basis: "Annahme: 40 + 1 Gremiensitzung je 5.000 Einwohner",
    },
  },
  schulen: {
    gemeinde: {
      base: 1,
      perInhabitant: 1 / 3000,
      perWorkstation: 0,
      basis: "Annahme: 1 Schule je 3.000 Einwohner (Grund- und weiterführende Schulen)",
    },
    kreis: {
      base: 1,
      perInhabitant: 1 / 25_000,
      perWorkstation: 0,
      basis: "Annahme: Berufskollegs und Förderschulen, 1 je 25.000 Einwohner",
    },
  },
  faelle: same({
    base: 0,
    perInhabitant: 1,
    perWorkstation: 0,
    basis: "Einwohner × Fallrate des Leistungsbereichs (caseRateRange, Annahme)",
  }),
  buchungen: {
    gemeinde: {
      base: 0,
      perInhabitant: 2,
      perWorkstation: 0,
      basis: "Annahme: 2 Buchungen je Einwohner und Jahr",
    },
    kreis: {
      base: 0,
      perInhabitant: 0.6,
      perWorkstation: 0,
      basis: "Annahme: 0,6 Buchungen je Einwohner und Jahr (Kreishaushalt)",
    },
  },
  transaktionen: same({
    base: 0,
    perInhabitant: 0.3,
    perWorkstation: 0,
    basis: "Annahme: 0,3 Online-Transaktionen je Einwohner und Jahr",
  }),
};

function same(rule: VolumeRule): { gemeinde: VolumeRule; kreis: VolumeRule } {
  return { gemeinde: rule, kreis: rule };
}

/** Cases per inhabitant and year of a domain counted in `faelle`; each domain draws its rate in this range. */
export const caseRateRange = {
  min: 0.02,
  max: 0.25,
  basis: "Annahme: von seltenen Verfahren (Ausländerwesen) bis zu Massenverfahren (Meldewesen)",
} as const;

/** Spread of a domain's cost around its category's average (each domain draws a weight in this range). */
export const domainWeightRange = {
  min: 0.5,
  max: 1.5,
  basis: "Annahme: Leistungsbereiche einer Gruppe unterscheiden sich um bis zu Faktor 3",
} as const;

/** Yearly price increase applied to changes after the start date. */
export const annualPriceIncrease: CostModelParameter = {
  value: 0.02,
  basis: "Annahme: 2 % Preissteigerung je Jahr",
};

/** Workstations of a Kommune (before noise). */
export function workstationsOf(
  organisation: Pick<DemoOrganisation, "kind" | "municipalityType" | "population">,
): number {
  const ratio =
    organisation.kind === "kreis"
      ? workstationsPerInhabitant.kreis
      : organisation.municipalityType === "kreisfreie_stadt" ||
          organisation.municipalityType === "regionsangehoerige_stadt_aachen"
        ? workstationsPerInhabitant.kreisfreie_stadt
        : workstationsPerInhabitant.gemeinde;
  return organisation.population * ratio.value;
}

/** Volume of a unit for a Kommune of the given size (before noise); `caseRate` only matters for `faelle`. */
export function volumeOf(
  unit: VolumeUnit,
  kind: DemoOrganisation["kind"],
  population: number,
  workstations: number,
  caseRate = 1,
): number {
  const rule = volumeRules[unit][kind];
  const perInhabitant = unit === "faelle" ? rule.perInhabitant * caseRate : rule.perInhabitant;
  return rule.base + perInhabitant * population + rule.perWorkstation * workstations;
}

/** Own-operation cost of one domain at the reference Kommune: the anchor of all its prices. */
export interface DomainCostProfile {
  category: DemoDomainCategory;
  volumeUnit: VolumeUnit;
  /** Volume of the reference Kommune. */
  referenceVolume: number;
  /** Euro per unit and year in own operation at the reference volume. */
  referenceUnitCost: number;
}

/**
 * The cost anchor of a domain: its share of the KGSt €3,100 per workstation at the reference
 * Kommune, converted into euro per unit of the domain's volume unit.
 */
export function domainCostProfile(
  category: DemoDomainCategory,
  volumeUnit: VolumeUnit,
  weight = 1,
  caseRate = 1,
): DomainCostProfile {
  const parameters = categoryCostParameters[category];
  const workstations = workstationsOf({
    kind: "gemeinde",
    municipalityType: "mittlere_kreisangehoerige_stadt",
    population: referenceKommune.population,
  });
  const referenceVolume = volumeOf(
    volumeUnit,
    "gemeinde",
    referenceKommune.population,
    workstations,
    caseRate,
  );
  const costPerWorkstation =
    (kgstItCostPerWorkstation.value * parameters.shareOfItCost * weight) /
    parameters.typicalDomainCount;
  return {
    category,
    volumeUnit,
    referenceVolume,
    referenceUnitCost: (costPerWorkstation * workstations) / referenceVolume,
  };
}

/** A running-cost curve: fixed + unitCost × referenceVolume × (volume / referenceVolume)^exponent. */
export interface CostCurve {
  fixed: number;
  unitCost: number;
  exponent: number;
  referenceVolume: number;
}

/** The running-cost curve of a domain under an operating model; `priceFactor` is a provider's price level. */
export function costCurveFor(
  profile: DomainCostProfile,
  model: OperatingModel,
  priceFactor = 1,
): CostCurve {
  const modelParameters = operatingModelCostParameters[model];
  const fixedShare = categoryCostParameters[profile.category].fixedShare;
  const referenceCost = profile.referenceUnitCost * profile.referenceVolume;
  return {
    fixed: modelParameters.fixedFactor * fixedShare * referenceCost * priceFactor,
    unitCost:
      modelParameters.variableFactor * (1 - fixedShare) * profile.referenceUnitCost * priceFactor,
    exponent: modelParameters.exponent,
    referenceVolume: profile.referenceVolume,
  };
}

/** Yearly running cost in euro for a volume; 0 volume costs only the fixed part. */
export function runningCostOf(curve: CostCurve, volume: number): number {
  const scaled = Math.max(0, volume) / curve.referenceVolume;
  return curve.fixed + curve.unitCost * curve.referenceVolume * scaled ** curve.exponent;
}

/** Annualised investment in euro that goes with a running cost under a model and category. */
export function investmentCostOf(
  runningCost: number,
  model: OperatingModel,
  category: DemoDomainCategory,
): number {
  return (
    runningCost *
    operatingModelCostParameters[model].investmentShare *
    categoryCostParameters[category].investmentWeight
  );
}

/** Range of reference unit costs (own operation, reference Kommune) of one category × volume unit, for docs. */
export function referenceUnitCostRange(
  category: DemoDomainCategory,
  volumeUnit: VolumeUnit,
): { min: number; max: number } {
  const lowRate = volumeUnit === "faelle" ? caseRateRange.max : 1;
  const highRate = volumeUnit === "faelle" ? caseRateRange.min : 1;
  return {
    min: domainCostProfile(category, volumeUnit, domainWeightRange.min, lowRate).referenceUnitCost,
    max: domainCostProfile(category, volumeUnit, domainWeightRange.max, highRate).referenceUnitCost,
  };
}
