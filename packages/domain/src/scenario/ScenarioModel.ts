/**
 * The optimisation input as the domain builds it: structurally the input of the solver's
 * `ScenarioInput` schema (packages/solver), which parses and checks it. Kept as plain types here
 * because the domain must not import the solver (imports point inward).
 */
export interface ScenarioModel {
  name: string;
  horizonYears: number;
  discountRate: number;
  kommunen: Array<{ id: string; name: string }>;
  providers: Array<{ id: string; name: string }>;
  domains: ScenarioModelDomain[];
  offers: ScenarioModelOffer[];
  demands: ScenarioModelDemand[];
  constraints: {
    maxMigrationsPerYear: number | null;
    maxMigrationsTotal: number | null;
    /** Most migrations a provider takes in per year (project capacity). */
    providerProjectCapacity: Array<{ providerId: string; migrationsPerYear: number }>;
    couplings: Array<{ domainIds: string[] }>;
    providerCounts: Array<{ domainId: string; min: number; max: number | null }>;
    mergers: Array<{ id: string; name: string; providerIds: string[]; oneOffCost: number }>;
  };
}

/** A Leistungsbereich with the cost of eigener Betrieb and of a change of provider. */
export interface ScenarioModelDomain {
  id: string;
  name: string;
  unit: string;
  ownOperation: { fixedCost: number; costPerUnit: number };
  migration: { fixedCost: number; costPerUnit: number };
}

/** A provider's price in a domain: platform cost plus a concave piecewise-linear curve. */
export interface ScenarioModelOffer {
  providerId: string;
  domainId: string;
  fixedCost: number;
  segments: Array<{ upTo: number | null; costPerUnit: number }>;
  capacity: number | null;
}

/** A Kommune's need in one domain; currentProviderId null = eigener Betrieb. */
export interface ScenarioModelDemand {
  kommuneId: string;
  domainId: string;
  volume: number;
  currentProviderId: string | null;
  allowedProviderIds?: string[];
  ownOperationAllowed: boolean;
  keepLocal: boolean;
}

/** Facts of the landscape as of the base date that a scenario is built from. */
export interface LandscapeFacts {
  /** Gemeinden and Kreise; `kreisKey` is the Kreis a Gemeinde belongs to (null for others). */
  kommunen: Array<{ key: string; name: string; kreisKey?: string | null }>;
  domains: Array<{ id: string; name: string; volumeUnit: string | null }>;
  providers: Array<{ id: string; name: string }>;
  /** Sourcing rows valid on the base date. */
  sourcing: Array<{
    kommuneKey: string;
    domainId: string;
    operatingModel: string;
    providerId: string | null;
    volume: number | null;
    annualCost: number | null;
    /** The row is synthetic (quality `demo`). */
    demo?: boolean;
  }>;
  /** Offers valid on the base date. */
  offers: Array<{
    providerId: string;
    domainId: string;
    fixedPrice: number;
    unitPrice: number;
    capacity: number | null;
    /** The offer is synthetic (quality `demo`). */
    demo?: boolean;
  }>;
  /** Memberships (Verbandsmitglied, Kunde) with today's provider after mergers. */
  memberships: Array<{ kommuneKey: string; providerId: string }>;
  /** Kommune × domain marked "vor Ort notwendig" in the latest adopted strategy. */
  vorOrtRequired: Array<{ kommuneKey: string; domainId: string }>;
}
