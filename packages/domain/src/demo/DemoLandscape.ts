import type { MunicipalityType } from "../organisation/Organisation.ts";
import type { OperatingModel } from "../landscape/OperatingModel.ts";
import type { ResponsibleType, VolumeUnit } from "../landscape/ServiceDomain.ts";

/** A Kommune as the demo generator needs it. */
export interface DemoOrganisation {
  key: string;
  kind: "gemeinde" | "kreis";
  name: string;
  municipalityType: MunicipalityType | null;
  kreisType: "kreis" | "staedteregion" | null;
  kreisKey: string | null;
  regierungsbezirkKey: string;
  population: number;
}

/** A leaf Leistungsbereich as the generator needs it. */
export interface DemoDomain {
  id: string;
  category: "infrastruktur" | "querschnitt" | "fachverfahren" | "digitale_dienste";
  volumeUnit: VolumeUnit;
  responsibleTypes: ResponsibleType[];
}

/** A product and the domains it serves. */
export interface DemoProduct {
  id: string;
  domainIds: string[];
}

/** A provider with its lifecycle. */
export interface DemoProvider {
  id: string;
  kind: "kommunal" | "stadt_it" | "land" | "dachverband" | "sonstige";
  status: "active" | "merged" | "renamed";
  successorId: string | null;
  ownerKey: string | null;
}

/** A sourced membership (provider as named in the source). */
export interface DemoMembership {
  organisationKey: string;
  providerId: string;
  relation: string;
}

/** A dated reorganisation the seed replays after the base state (from the sourced events). */
export interface DemoReorganisation {
  date: string;
  kind: "merger" | "rename" | "member_move";
  sourceProviderIds: string[];
  targetProviderId: string;
  /** For member moves: the Kommune that moves. */
  organisationKey?: string;
}

/** Everything the generator reads. */
export interface DemoLandscapeInput {
  organisations: DemoOrganisation[];
  domains: DemoDomain[];
  products: DemoProduct[];
  providers: DemoProvider[];
  memberships: DemoMembership[];
  /** Sourced reorganisations, so the generator knows which providers exist on which date. */
  reorganisations: DemoReorganisation[];
  /** First day of the generated history, e.g. "2016-01-01". */
  startDate: string;
  /** Last day organic changes may happen on, e.g. "2026-06-30". */
  endDate: string;
  /** Seed of the pseudo-random generator: same seed, same landscape. */
  seed: number;
}

/** The sourcing values of one Kommune × domain (demo). */
export interface DemoSourcingValues {
  operatingModel: OperatingModel;
  providerId: string | null;
  partnerKey: string | null;
  productId: string | null;
  runningCost: number;
  investmentCost: number;
  volume: number;
  contractEnd: string | null;
  satisfaction: number | null;
}

/** A base row, valid from `startDate` until changed. */
export interface DemoBaseSourcing extends DemoSourcingValues {
  organisationKey: string;
  domainId: string;
}

/** An organic change (switch of product/provider/model, new contract) from `date` on. */
export interface DemoChange extends DemoSourcingValues {
  date: string;
  organisationKey: string;
  domainId: string;
  reason: string;
}

/** A provider offer (demo): provider × domain × product with price model and capacity. */
export interface DemoOffer {
  providerId: string;
  domainId: string;
  productId: string | null;
  fixedPrice: number;
  unitPrice: number;
  capacity: number | null;
  sla: string;
}

/** The generated demo landscape: base state, organic changes in date order, offers. */
export interface DemoLandscape {
  base: DemoBaseSourcing[];
  changes: DemoChange[];
  offers: DemoOffer[];
}
