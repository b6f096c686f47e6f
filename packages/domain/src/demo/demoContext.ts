import type { OperatingModel } from "../landscape/OperatingModel.ts";
import { firstOfMonthAfter, monthsBetween } from "./calendar.ts";
import {
  annualPriceIncrease,
  caseRateRange,
  costCurveFor,
  domainCostProfile,
  domainWeightRange,
  investmentCostOf,
  runningCostOf,
  volumeOf,
  workstationsOf,
  type DomainCostProfile,
} from "./costModel.ts";
import type {
  DemoDomain,
  DemoLandscapeInput,
  DemoOrganisation,
  DemoProvider,
  DemoSourcingValues,
} from "./DemoLandscape.ts";
import { DEMO_PROVIDERS } from "./demoProviders.ts";
import { buildProviderTimeline, type ProviderTimeline } from "./providerTimeline.ts";
import { randomFor, type Random } from "./random.ts";

/** The state-level joint body of Land and Kommunen; only ever an EfA provider here. */
export const D_NRW_ID = "d-nrw";

/**
 * Which predecessor served a Kreis before a merger formed today's provider: KDVZ Citkomm served
 * Soest, Hochsauerlandkreis and Märkischer Kreis, KDZ Westfalen-Süd Olpe and Siegen-Wittgenstein
 * (facts of `citkomm` and `kdz-ws` in data/nrw_it_dienstleister.csv). Other sit members fall back
 * to the first source of the merger, i.e. Citkomm — which also matches the Rheinisch-Bergischer
 * Kreis, a Citkomm customer since 1994 (data/nrw_it_dienstleister_ereignisse.csv).
 */
export const predecessorByKreis: Readonly<Record<string, string>> = {
  "05958": "citkomm",
  "05962": "citkomm",
  "05974": "citkomm",
  "05966": "kdz-ws",
  "05970": "kdz-ws",
};

/** A membership that is proposed, not decided, is no evidence of sourcing. */
const IGNORED_RELATIONS = new Set(["verbandsmitglied_beitritt_vorgeschlagen"]);

/** Who runs a domain for a Kommune, before costs are attached. */
export interface SourcingChoice {
  operatingModel: OperatingModel;
  providerId: string | null;
  partnerKey: string | null;
  productId: string | null;
}

/** Lookups and derived parameters shared by base rows, changes and offers. */
export interface DemoContext {
  input: DemoLandscapeInput;
  timeline: ProviderTimeline;
  organisationsByKey: ReadonlyMap<string, DemoOrganisation>;
  providersById: ReadonlyMap<string, DemoProvider>;
  productsByDomain: ReadonlyMap<string, readonly string[]>;
  /** Providers an organisation is a member or customer of (kommunal, or another city's IT), in input order. */
  serviceProvidersByOrganisation: ReadonlyMap<string, readonly string[]>;
  /** Organisations that are Träger of d-NRW. */
  dNrwMembers: ReadonlySet<string>;
  /**
   * The fictitious demo provider of a Regierungsbezirk (DEMO_PROVIDERS), for Kommunen without a
   * sourced relation — never a real provider.
   */
  regionalProviders: ReadonlyMap<
    string,
    ReadonlyArray<{ providerId: string; kreisKeys: ReadonlySet<string> }>
  >;
  domainProfile(domain: DemoDomain): DomainCostProfile;
  /** A provider's price level around the cost model (0.9–1.12, Annahme). */
  providerPriceLevel(providerId: string): number;
  /** Price index from the start date to `date` (2 % a year, Annahme). */
  inflationTo(date: string): number;
  volumeFor(organisation: DemoOrganisation, domain: DemoDomain): number;
  productFor(domainId: string, ownerKey: string | null, random: Random): string | null;
  valuesFor(
    organisation: DemoOrganisation,
    domain: DemoDomain,
    choice: SourcingChoice,
    date: string,
    random: Random,
  ): DemoSourcingValues;
}

/** The Kreis an organisation belongs to (its own key for a Kreis; null for kreisfreie Städte). */
export function kreisKeyOf(organisation: DemoOrganisation): string | null {
  return organisation.kind === "kreis" ? organisation.key : organisation.kreisKey;
}

/** True if a provider can be the one a Kommune obtains services from (not a Dachverband, not its own IT). */
export function isServiceProviderFor(
  provider: DemoProvider | undefined,
  organisationKey: string,
): boolean {
  if (!provider || provider.id === D_NRW_ID) return false;
  return (
    provider.kind === "kommunal" ||
    (provider.kind === "stadt_it" && provider.ownerKey !== organisationKey)
  );
}

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** Builds the lookups once; everything random is derived from the seed and stable labels. */
export function buildDemoContext(input: DemoLandscapeInput): DemoContext {
  const { seed } = input;
  const organisationsByKey = new Map(
    input.organisations.map((organisation) => [organisation.key, organisation]),
  );
  const providersById = new Map(input.providers.map((provider) => [provider.id, provider]));
  const timeline = buildProviderTimeline(
    input.providers,
    input.reorganisations,
    predecessorByKreis,
  );

  const productsByDomain = new Map<string, string[]>();
  for (const product of input.products) {
    for (const domainId of product.domainIds) {
      const list = productsByDomain.get(domainId) ?? [];
      if (!list.includes(product.id)) list.push(product.id);
      productsByDomain.set(domainId, list);
    }
  }

  const serviceProvidersByOrganisation = new Map<string, string[]>();
  const dNrwMembers = new Set<string>();
  for (const membership of input.memberships) {
    if (IGNORED_RELATIONS.has(membership.relation)) continue;
    if (membership.providerId === D_NRW_ID) dNrwMembers.add(membership.organisationKey);
    const provider = providersById.get(membership.providerId);
    const organisation = organisationsByKey.get(membership.organisationKey);
    if (!organisation || !isServiceProviderFor(provider, organisation.key)) continue;
    const list = serviceProvidersByOrganisation.get(organisation.key) ?? [];
    if (!list.includes(membership.providerId)) list.push(membership.providerId);
    serviceProvidersByOrganisation.set(organisation.key, list);
  }
  // A Kommune without a sourced relation is never attached to a real provider: the region's
  // fictitious demo provider stands in (ADR 0021).
  const knownProviders = new Set(input.providers.map((provider) => provider.id));
  const regionalProviders = new Map(
    DEMO_PROVIDERS.filter((provider) => knownProviders.has(provider.id)).map((provider) => [
      provider.regierungsbezirkKey,
      [{ providerId: provider.id, kreisKeys: new Set<string>() }],
    ]),
  );

  // Domain-level draws: every Kommune sees the same weight and case rate for a domain.
  const domainDraws = memo((domainId) => {
    const random = randomFor(seed, "domain", domainId);
    return {
      weight: random.uniform(domainWeightRange.min, domainWeightRange.max),
      caseRate: random.uniform(caseRateRange.min, caseRateRange.max),
    };
  });
  const profiles = new Map<string, DomainCostProfile>();
  const domainProfile = (domain: DemoDomain): DomainCostProfile => {
    let profile = profiles.get(domain.id);
    if (!profile) {
      const draws = domainDraws(domain.id);
      profile = domainCostProfile(domain.category, domain.volumeUnit, draws.weight, draws.caseRate);
      profiles.set(domain.id, profile);
    }
    return profile;
  };

  // One workstation count per Kommune, so all workstation-driven domains agree.
  const workstations = memo((key) => {
    const organisation = organisationsByKey.get(key)!;
    const noise = clamp(randomFor(seed, "workstations", key).normal(1, 0.08), 0.8, 1.2);
    return Math.max(1, workstationsOf(organisation) * noise);
  });
  const providerPriceLevel = memo((providerId) =>
    randomFor(seed, "price", providerId).uniform(0.9, 1.12),
  );
  const ownEfficiency = memo((key) => randomFor(seed, "efficiency", key).uniform(0.88, 1.2));

  const inflationTo = (date: string): number =>
    (1 + annualPriceIncrease.value) ** (Math.max(0, monthsBetween(input.startDate, date)) / 12);

  const volumeFor = (organisation: DemoOrganisation, domain: DemoDomain): number => {
    const base = volumeOf(
      domain.volumeUnit,
      organisation.kind,
      organisation.population,
      workstations(organisation.key),
      domainDraws(domain.id).caseRate,
    );
    // Usage-driven units fluctuate between Kommunen; head counts and inhabitants do not.
    const usage =
      domain.volumeUnit === "faelle" ||
      domain.volumeUnit === "buchungen" ||
      domain.volumeUnit === "transaktionen";
    const noise = usage
      ? clamp(randomFor(seed, "volume", organisation.key, domain.id).normal(1, 0.1), 0.7, 1.3)
      : 1;
    return Math.max(1, Math.round(base * noise));
  };

  const priceLevel = (organisation: DemoOrganisation, choice: SourcingChoice): number => {
    switch (choice.operatingModel) {
      case "eigenbetrieb":
        return ownEfficiency(organisation.key);
      case "andere_kommune":
        return ownEfficiency(choice.partnerKey ?? organisation.key);
      case "it_dienstleister":
      case "efa_dienst":
        return choice.providerId ? providerPriceLevel(choice.providerId) : 1;
      case "land":
        return 1;
    }
  };

  return {
    input,
    timeline,
    organisationsByKey,
    providersById,
    productsByDomain,
    serviceProvidersByOrganisation,
    dNrwMembers,
    regionalProviders,
    domainProfile,
    providerPriceLevel,
    inflationTo,
    volumeFor,
    productFor: (domainId, ownerKey, random) => {
      const products = productsByDomain.get(domainId) ?? [];
      if (products.length === 0) return null;
      // Customers of one provider mostly share its product: a provider-level draw.
      if (ownerKey !== null && random.chance(0.85))
        return randomFor(seed, "product", ownerKey, domainId).pick(products);
      return random.pick(products);
    },
    valuesFor: (organisation, domain, choice, date, random) => {
      const volume = volumeFor(organisation, domain);
      const priceFactor = priceLevel(organisation, choice) * inflationTo(date);
      const curve = costCurveFor(domainProfile(domain), choice.operatingModel, priceFactor);
      const running = runningCostOf(curve, volume) * clamp(random.normal(1, 0.08), 0.75, 1.3);
      const investment =
        investmentCostOf(running, choice.operatingModel, domain.category) *
        random.uniform(0.6, 1.4);
      return {
        ...choice,
        runningCost: Math.round(running),
        investmentCost: Math.round(investment),
        volume,
        contractEnd: firstOfMonthAfter(date, random.integer(12, 72)),
        satisfaction: drawSatisfaction(random),
      };
    },
  };
}

/** Satisfaction 1–5, mostly 3–4, unknown for about a fifth (Annahme). */
export function drawSatisfaction(random: Random): number | null {
  return random.weightedPick<number | null>([
    { value: null, weight: 20 },
    { value: 1, weight: 3 },
    { value: 2, weight: 9 },
    { value: 3, weight: 30 },
    { value: 4, weight: 30 },
    { value: 5, weight: 8 },
  ]);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
