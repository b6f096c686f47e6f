import { z } from "zod";
import { ServiceDomainId } from "../landscape/ServiceDomain.ts";
import { OrganisationKey } from "../organisation/Organisation.ts";
import { ProviderId } from "../provider/Provider.ts";
import { IsoDate } from "../dates/IsoDate.ts";

const amount = (subject: string) =>
  z
    .number({ error: `${subject}: bitte eine Zahl angeben.` })
    .finite()
    .nonnegative(`${subject} darf nicht negativ sein.`);

/** How a scenario is made: optimised by the solver, or assignments edited by hand. */
export const ScenarioMode = z.enum(["optimised", "manual"]);
export type ScenarioMode = z.infer<typeof ScenarioMode>;

/** German labels of {@link ScenarioMode}. */
export const scenarioModeLabel: Record<ScenarioMode, string> = {
  optimised: "optimiert",
  manual: "von Hand",
};

/**
 * Which providers a Kommune may move to: any provider with an offer (KDN members serve each
 * other through the service exchange), only the Zweckverbände it is a member of today (plus its
 * current provider), or an explicit list per Kommune (`allowedProviders`).
 */
export const ProviderPolicy = z.enum(["kdn", "zweckverband", "list"]);
export type ProviderPolicy = z.infer<typeof ProviderPolicy>;

/** German labels of {@link ProviderPolicy}. */
export const providerPolicyLabel: Record<ProviderPolicy, string> = {
  kdn: "jedes KDN-Mitglied (Leistungsaustausch)",
  zweckverband: "nur der eigene Zweckverband (heutige Mitgliedschaften)",
  list: "nur die ausdrücklich genannten Anbieter",
};

/** Scope: Leistungsbereiche and Kommunen in the scenario ("all" = every one in the landscape). */
export const ScenarioScope = z.object({
  domainIds: z.union([
    z.literal("all"),
    z.array(ServiceDomainId).min(1, "Mindestens ein Leistungsbereich."),
  ]),
  kommuneKeys: z.union([
    z.literal("all"),
    z.array(OrganisationKey).min(1, "Mindestens eine Kommune."),
  ]),
});
export type ScenarioScope = z.infer<typeof ScenarioScope>;

/** One-off cost of a change of provider in one domain (fixed + per volume unit). */
export const MigrationCost = z.object({
  domainId: ServiceDomainId,
  fixedCost: amount("Fixe Wechselkosten"),
  costPerUnit: amount("Wechselkosten je Einheit"),
});
export type MigrationCost = z.infer<typeof MigrationCost>;

/** Yearly cost of eigener Betrieb in one domain (fixed per Kommune + per volume unit). */
export const OwnOperationCost = z.object({
  domainId: ServiceDomainId,
  fixedCost: amount("Fixkosten des eigenen Betriebs"),
  costPerUnit: amount("Kosten je Einheit im eigenen Betrieb"),
});
export type OwnOperationCost = z.infer<typeof OwnOperationCost>;

/** Where a scenario's cost curve comes from: fitted on the landscape's cost data, or entered. */
export const ScenarioCostCurveSource = z.object({
  kind: z.enum(["fit", "entered"]),
  /** Stichtag of the landscape the curve was fitted on. */
  asOf: IsoDate.nullable().default(null),
  /** Goodness of fit (1 − SSE/SST); null when entered or undefined. */
  rSquared: z.number().nullable().default(null),
  /** Number of Kommune rows the fit rests on. */
  points: z.number().int().nonnegative().nullable().default(null),
  /** The fit rests on Demodaten (synthetisch). */
  demo: z.boolean().default(false),
});
export type ScenarioCostCurveSource = z.infer<typeof ScenarioCostCurveSource>;

/**
 * A provider's yearly running cost in one domain as a function of its total volume there:
 * platform (fixed) cost plus concave piecewise-linear segments (docs/cost-model.md §2). When
 * given, it prices every provider's offer in the domain instead of the landscape's offer prices
 * and the scale factor.
 */
export const ScenarioCostCurve = z
  .object({
    domainId: ServiceDomainId,
    fixedCost: amount("Fixkosten der Kostenkurve"),
    segments: z
      .array(
        z.object({
          upTo: z
            .number({ error: "Segmentgrenze: bitte eine Zahl angeben." })
            .positive("Segmentgrenzen müssen positiv sein.")
            .nullable(),
          costPerUnit: amount("Grenzkosten je Einheit"),
        }),
      )
      .min(1, "Eine Kostenkurve braucht mindestens ein Segment."),
    source: ScenarioCostCurveSource.default({
      kind: "entered",
      asOf: null,
      rSquared: null,
      points: null,
      demo: false,
    }),
  })
  .superRefine((curve, context) => {
    curve.segments.forEach((segment, index) => {
      const previous = curve.segments[index - 1];
      const issue = (field: string, message: string) =>
        context.addIssue({ code: "custom", path: ["segments", index, field], message });
      if ((segment.upTo === null) !== (index === curve.segments.length - 1))
        issue("upTo", "Nur das letzte Segment ist nach oben offen (ohne Grenze).");
      if (previous?.upTo != null && segment.upTo !== null && segment.upTo <= previous.upTo)
        issue("upTo", "Die Segmentgrenzen müssen aufsteigen.");
      if (previous && segment.costPerUnit > previous.costPerUnit)
        issue(
          "costPerUnit",
          "Die Grenzkosten dürfen mit der Menge nicht steigen (konkave Kostenkurve).",
        );
    });
  });
export type ScenarioCostCurve = z.infer<typeof ScenarioCostCurve>;

/** Cost parameters; every value can be edited per scenario. */
export const ScenarioCostParameters = z.object({
  /** Years over which one-off costs are spread and totals are summed. */
  horizonYears: z
    .number()
    .int("Der Planungszeitraum ist eine ganze Zahl von Jahren.")
    .min(1, "Der Planungszeitraum beträgt mindestens ein Jahr.")
    .max(30, "Der Planungszeitraum beträgt höchstens 30 Jahre."),
  /** Discount rate as a share, e.g. 0.03 for 3 %. */
  discountRate: z
    .number()
    .min(0, "Der Zinssatz darf nicht negativ sein.")
    .max(0.2, "Der Zinssatz beträgt höchstens 20 %."),
  /** Default one-off cost of a change where no domain-specific value is given. */
  migrationDefault: z.object({
    fixedCost: amount("Fixe Wechselkosten"),
    costPerUnit: amount("Wechselkosten je Einheit"),
  }),
  migration: z.array(MigrationCost).default([]),
  /** Eigener Betrieb per domain; without a value it is taken from the landscape's own operations. */
  ownOperation: z.array(OwnOperationCost).default([]),
  /**
   * Economies of scale: the marginal price of volume a provider takes on beyond today's volume
   * in a domain, as a factor of its unit price (1 = no scale effect, 0.8 = 20 % cheaper).
   */
  scaleFactor: z
    .number()
    .gt(0, "Der Skalenfaktor muss größer als 0 sein.")
    .max(1, "Der Skalenfaktor beträgt höchstens 1 (keine steigenden Grenzkosten)."),
  /**
   * Cost curve per domain (e.g. fitted on the landscape, `scenarioCostCurvesFromFits`); a domain
   * with a curve prices all its providers by it. Absent in scenarios stored before it existed.
   */
  costCurves: z.array(ScenarioCostCurve).default([]),
});
export type ScenarioCostParameters = z.infer<typeof ScenarioCostParameters>;

/** Constraints of the scenario (strategy, law, capacity, politics). */
export const ScenarioConstraintsDefinition = z.object({
  /** Keep Kommune × domain in eigener Betrieb where the adopted strategy says "vor Ort notwendig". */
  keepVorOrtLocal: z.boolean(),
  providerPolicy: ProviderPolicy,
  /** Explicit lists; a listed Kommune may use only these providers (overrides the policy). */
  allowedProviders: z
    .array(z.object({ kommuneKey: OrganisationKey, providerIds: z.array(ProviderId) }))
    .default([]),
  /** Project capacity (largest total volume) of a provider in a domain; overrides the offer. */
  capacities: z
    .array(
      z.object({
        providerId: ProviderId,
        domainId: ServiceDomainId,
        capacity: amount("Kapazität"),
      }),
    )
    .default([]),
  maxMigrationsPerYear: z.number().int().nonnegative().nullable().default(null),
  maxMigrationsTotal: z.number().int().nonnegative().nullable().default(null),
  /**
   * Project capacity per provider: most Kommune × Leistungsbereich migrations it can take in
   * (as the new provider) per year; over the horizon migrationsPerYear × horizonYears.
   */
  providerProjectCapacity: z
    .array(
      z.object({
        providerId: ProviderId,
        migrationsPerYear: z
          .number({ error: "Projektkapazität: bitte eine Zahl angeben." })
          .int("Die Projektkapazität ist eine ganze Zahl von Wechseln je Jahr.")
          .nonnegative("Die Projektkapazität darf nicht negativ sein.")
          .max(10_000, "Die Projektkapazität beträgt höchstens 10.000 Wechsel je Jahr."),
      }),
    )
    .default([]),
  /** Domains a Kommune must obtain together (same provider, or all in eigener Betrieb). */
  couplings: z
    .array(
      z.object({
        domainIds: z
          .array(ServiceDomainId)
          .min(2, "Eine Kopplung braucht mindestens zwei Bereiche."),
      }),
    )
    .default([]),
  /** Optional provider mergers: merged providers pay one platform cost per domain. */
  mergers: z
    .array(
      z.object({
        id: z.string().min(1).max(60),
        name: z.string().min(1).max(200),
        providerIds: z.array(ProviderId).min(2, "Eine Fusion braucht mindestens zwei Anbieter."),
        oneOffCost: amount("Kosten der Fusion").default(0),
      }),
    )
    .max(4, "Höchstens vier Fusionsoptionen je Szenario.")
    .default([]),
  /** Fewest / most providers (not counting eigener Betrieb) per domain, statewide. */
  providerCounts: z
    .array(
      z.object({
        domainId: ServiceDomainId,
        min: z.number().int().nonnegative().default(0),
        max: z.number().int().nonnegative().nullable().default(null),
      }),
    )
    .default([]),
});
export type ScenarioConstraintsDefinition = z.infer<typeof ScenarioConstraintsDefinition>;

/** What a user edits: base date, scope, cost parameters and constraints of a scenario. */
export const ScenarioDefinition = z
  .object({
    mode: ScenarioMode.default("optimised"),
    baseDate: IsoDate,
    scope: ScenarioScope,
    costs: ScenarioCostParameters,
    constraints: ScenarioConstraintsDefinition,
  })
  .superRefine((definition, context) => {
    const curved = new Set<string>();
    definition.costs.costCurves.forEach((curve, index) => {
      if (curved.has(curve.domainId)) {
        context.addIssue({
          code: "custom",
          path: ["costs", "costCurves", index, "domainId"],
          message: "Für diesen Leistungsbereich ist schon eine Kostenkurve angegeben.",
        });
      }
      curved.add(curve.domainId);
    });
    const limited = new Set<string>();
    definition.constraints.providerProjectCapacity.forEach((entry, index) => {
      if (limited.has(entry.providerId)) {
        context.addIssue({
          code: "custom",
          path: ["constraints", "providerProjectCapacity", index, "providerId"],
          message: "Für diesen Anbieter ist die Projektkapazität schon angegeben.",
        });
      }
      limited.add(entry.providerId);
    });
    definition.constraints.providerCounts.forEach((count, index) => {
      if (count.max !== null && count.max < count.min) {
        context.addIssue({
          code: "custom",
          path: ["constraints", "providerCounts", index, "max"],
          message: "Das Maximum liegt unter dem Minimum.",
        });
      }
    });
  })
  .meta({ id: "ScenarioDefinition" });
export type ScenarioDefinition = z.infer<typeof ScenarioDefinition>;
export type ScenarioDefinitionInput = z.input<typeof ScenarioDefinition>;

/** A definition with the usual defaults (whole landscape, 5 years at 3 %, no constraints). */
export function defaultScenarioDefinition(baseDate: string): ScenarioDefinition {
  return {
    mode: "optimised",
    baseDate,
    scope: { domainIds: "all", kommuneKeys: "all" },
    costs: {
      horizonYears: 5,
      discountRate: 0.03,
      migrationDefault: { fixedCost: 20_000, costPerUnit: 0.5 },
      migration: [],
      ownOperation: [],
      scaleFactor: 0.8,
      costCurves: [],
    },
    constraints: {
      keepVorOrtLocal: true,
      providerPolicy: "kdn",
      allowedProviders: [],
      capacities: [],
      maxMigrationsPerYear: null,
      maxMigrationsTotal: null,
      providerProjectCapacity: [],
      couplings: [],
      mergers: [],
      providerCounts: [],
    },
  };
}

/**
 * Preset "Spezialisierung Einwohnerwesen": Einwohnerwesen and Personenstandswesen are obtained
 * together, and at most three providers serve each of them statewide.
 */
export function specialisationPreset(baseDate: string): ScenarioDefinition {
  const base = defaultScenarioDefinition(baseDate);
  const domains = ["einwohnerwesen", "personenstandswesen"];
  return {
    ...base,
    scope: { domainIds: domains, kommuneKeys: "all" },
    constraints: {
      ...base.constraints,
      couplings: [{ domainIds: domains }],
      providerCounts: domains.map((domainId) => ({ domainId, min: 0, max: 3 })),
    },
  };
}
