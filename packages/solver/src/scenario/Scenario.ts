import { z } from "zod";

const Id = z.string({ error: "Kennungen sind Texte." }).min(1, "Kennungen dürfen nicht leer sein.");

/** German messages need the verb to agree: "Die Plattformkosten müssen", "Das Volumen muss". */
const money = (subject: string, plural = false) => {
  const must = plural ? "müssen" : "muss";
  const may = plural ? "dürfen" : "darf";
  return z
    .number({ error: `${subject} ${must} eine Zahl sein.` })
    .finite(`${subject} ${must} endlich sein.`)
    .nonnegative(`${subject} ${may} nicht negativ sein.`);
};

/** One piece of a cost curve: from the previous breakpoint up to `upTo` units at `costPerUnit`. */
export const CostSegment = z.object({
  /** Upper end of the piece in volume units; null = open-ended (only the last piece). */
  upTo: money("Die Segmentgrenze").positive("Segmentgrenzen müssen positiv sein.").nullable(),
  costPerUnit: money("Die Grenzkosten je Einheit", true),
});
export type CostSegment = z.infer<typeof CostSegment>;

/**
 * What a provider charges for a domain per year as a function of its total volume there: a
 * platform (fixed) cost plus piecewise-linear running cost whose marginal cost falls with
 * volume — economies of scale, i.e. a concave curve.
 */
export const ScenarioOffer = z
  .object({
    providerId: Id,
    domainId: Id,
    fixedCost: money("Die Plattformkosten (fixedCost)", true),
    segments: z.array(CostSegment).min(1, "Ein Angebot braucht mindestens ein Kostensegment."),
    /** Largest total volume the provider can take in this domain; null = unlimited. */
    capacity: money("Die Kapazität").nullable().default(null),
  })
  .superRefine((offer, context) => {
    offer.segments.forEach((segment, index) => {
      const previous = offer.segments[index - 1];
      const isLast = index === offer.segments.length - 1;
      if (segment.upTo === null && !isLast) {
        context.addIssue({
          code: "custom",
          path: ["segments", index, "upTo"],
          message: "Nur das letzte Kostensegment darf nach oben offen sein (upTo: null).",
        });
      }
      if (
        previous &&
        previous.upTo !== null &&
        segment.upTo !== null &&
        segment.upTo <= previous.upTo
      ) {
        context.addIssue({
          code: "custom",
          path: ["segments", index, "upTo"],
          message: "Die Segmentgrenzen müssen aufsteigen.",
        });
      }
      if (previous && segment.costPerUnit > previous.costPerUnit) {
        context.addIssue({
          code: "custom",
          path: ["segments", index, "costPerUnit"],
          message:
            "Die Grenzkosten dürfen mit dem Volumen nicht steigen (konkave Kostenkurve, Skaleneffekte).",
        });
      }
    });
  });
export type ScenarioOffer = z.infer<typeof ScenarioOffer>;

/** A Leistungsbereich with the cost of running it oneself and of changing provider. */
export const ScenarioDomain = z.object({
  id: Id,
  name: z.string().min(1, "Der Name eines Leistungsbereichs darf nicht leer sein."),
  /** Volume unit in German plural, e.g. "Einwohner". */
  unit: z.string().default("Einheiten"),
  /** Eigener Betrieb: per Kommune and year. */
  ownOperation: z.object({
    fixedCost: money("Die Fixkosten des eigenen Betriebs", true),
    costPerUnit: money("Die Kosten je Einheit im eigenen Betrieb", true),
  }),
  /** One-off cost of a change of provider (or to/from own operation). */
  migration: z.object({
    fixedCost: money("Die Fixkosten eines Wechsels", true),
    costPerUnit: money("Die Wechselkosten je Einheit", true),
  }),
});
export type ScenarioDomain = z.infer<typeof ScenarioDomain>;

/** A Kommune's need in one domain and what its strategy allows. */
export const ScenarioDemand = z.object({
  kommuneId: Id,
  domainId: Id,
  volume: money("Das Volumen"),
  /** Today's provider; null = eigener Betrieb. */
  currentProviderId: Id.nullable(),
  /** Providers the Kommune may use; omitted = every provider with an offer for the domain. */
  allowedProviderIds: z.array(Id).optional(),
  ownOperationAllowed: z.boolean().default(true),
  /** Strategy decision "vor Ort notwendig": must stay (or become) eigener Betrieb. */
  keepLocal: z.boolean().default(false),
});
export type ScenarioDemand = z.infer<typeof ScenarioDemand>;

/** Strategy constraints that reach beyond one Kommune × domain. */
export const ScenarioConstraints = z.object({
  maxMigrationsPerYear: z.number().int().nonnegative().nullable().default(null),
  maxMigrationsTotal: z.number().int().nonnegative().nullable().default(null),
  /**
   * Project capacity of a provider: most Kommune × domain migrations it can take in (as the new
   * provider) per year; over the horizon at most migrationsPerYear × horizonYears.
   */
  providerProjectCapacity: z
    .array(
      z.object({
        providerId: Id,
        migrationsPerYear: z
          .number({ error: "Die Projektkapazität muss eine Zahl sein." })
          .int("Die Projektkapazität ist eine ganze Zahl von Wechseln je Jahr.")
          .nonnegative("Die Projektkapazität darf nicht negativ sein."),
      }),
    )
    .default([]),
  /** Domains a Kommune must obtain from the same provider (or all run itself). */
  couplings: z
    .array(
      z.object({
        domainIds: z.array(Id).min(2, "Eine Kopplung braucht mindestens zwei Bereiche."),
      }),
    )
    .default([]),
  /** Fewest / most providers (not counting eigener Betrieb) that serve a domain. */
  providerCounts: z
    .array(
      z.object({
        domainId: Id,
        min: z.number().int().nonnegative().default(0),
        max: z.number().int().nonnegative().nullable().default(null),
      }),
    )
    .default([]),
  /** Optional mergers: if chosen, the providers pay one platform (fixed) cost per domain. */
  mergers: z
    .array(
      z.object({
        id: Id,
        name: z.string().min(1),
        providerIds: z.array(Id).min(2, "Eine Fusion braucht mindestens zwei Anbieter."),
        oneOffCost: money("Die Kosten der Fusion", true).default(0),
      }),
    )
    .default([]),
});
export type ScenarioConstraints = z.infer<typeof ScenarioConstraints>;

/** A planning scenario: Kommunen × domains, providers' offers, migration costs, strategy. */
export const ScenarioInput = z
  .object({
    name: z.string().default(""),
    /** Years over which one-off costs are spread (annuity). */
    horizonYears: z
      .number()
      .int()
      .min(1, "Der Planungszeitraum beträgt mindestens ein Jahr.")
      .default(5),
    discountRate: z
      .number()
      .min(0)
      .max(1, "Der Zinssatz ist ein Anteil, z. B. 0.03.")
      .default(0.03),
    kommunen: z.array(z.object({ id: Id, name: z.string().min(1) })),
    providers: z.array(z.object({ id: Id, name: z.string().min(1) })),
    domains: z.array(ScenarioDomain).min(1, "Es wird mindestens ein Leistungsbereich benötigt."),
    offers: z.array(ScenarioOffer),
    demands: z.array(ScenarioDemand),
    constraints: ScenarioConstraints.default({
      maxMigrationsPerYear: null,
      maxMigrationsTotal: null,
      providerProjectCapacity: [],
      couplings: [],
      providerCounts: [],
      mergers: [],
    }),
  })
  .superRefine((scenario, context) => {
    const kommunen = new Set(scenario.kommunen.map((kommune) => kommune.id));
    const providers = new Set(scenario.providers.map((provider) => provider.id));
    const domains = new Set(scenario.domains.map((domain) => domain.id));
    const offered = new Set(
      scenario.offers.map((offer) => `${offer.providerId}|${offer.domainId}`),
    );
    const issue = (path: Array<string | number>, message: string) =>
      context.addIssue({ code: "custom", path, message });
    scenario.offers.forEach((offer, index) => {
      if (!providers.has(offer.providerId))
        issue(["offers", index, "providerId"], `Unbekannter Anbieter „${offer.providerId}“.`);
      if (!domains.has(offer.domainId))
        issue(["offers", index, "domainId"], `Unbekannter Leistungsbereich „${offer.domainId}“.`);
    });
    if (offered.size !== scenario.offers.length) {
      issue(["offers"], "Je Anbieter und Leistungsbereich ist nur ein Angebot erlaubt.");
    }
    const seen = new Set<string>();
    scenario.demands.forEach((demand, index) => {
      const path = ["demands", index];
      if (!kommunen.has(demand.kommuneId))
        issue([...path, "kommuneId"], `Unbekannte Kommune „${demand.kommuneId}“.`);
      if (!domains.has(demand.domainId))
        issue([...path, "domainId"], `Unbekannter Leistungsbereich „${demand.domainId}“.`);
      const key = `${demand.kommuneId}|${demand.domainId}`;
      if (seen.has(key))
        issue(
          path,
          `Bedarf von „${demand.kommuneId}“ im Bereich „${demand.domainId}“ ist doppelt.`,
        );
      seen.add(key);
      const current = demand.currentProviderId;
      if (current !== null && !offered.has(`${current}|${demand.domainId}`)) {
        issue(
          [...path, "currentProviderId"],
          `Der heutige Anbieter „${current}“ hat kein Angebot für „${demand.domainId}“.`,
        );
      }
      for (const allowed of demand.allowedProviderIds ?? []) {
        if (!providers.has(allowed))
          issue([...path, "allowedProviderIds"], `Unbekannter Anbieter „${allowed}“.`);
      }
    });
    scenario.constraints.couplings.forEach((coupling, index) => {
      for (const domainId of coupling.domainIds) {
        if (!domains.has(domainId))
          issue(["constraints", "couplings", index], `Unbekannter Leistungsbereich „${domainId}“.`);
      }
    });
    scenario.constraints.providerCounts.forEach((count, index) => {
      if (!domains.has(count.domainId))
        issue(
          ["constraints", "providerCounts", index],
          `Unbekannter Leistungsbereich „${count.domainId}“.`,
        );
      if (count.max !== null && count.max < count.min)
        issue(["constraints", "providerCounts", index], "Das Maximum liegt unter dem Minimum.");
    });
    const limited = new Set<string>();
    scenario.constraints.providerProjectCapacity.forEach((entry, index) => {
      const path = ["constraints", "providerProjectCapacity", index, "providerId"];
      if (!providers.has(entry.providerId))
        issue(path, `Unbekannter Anbieter „${entry.providerId}“.`);
      if (limited.has(entry.providerId))
        issue(path, `Für „${entry.providerId}“ ist die Projektkapazität doppelt angegeben.`);
      limited.add(entry.providerId);
    });
    const merged = new Set<string>();
    scenario.constraints.mergers.forEach((merger, index) => {
      for (const providerId of merger.providerIds) {
        if (!providers.has(providerId))
          issue(["constraints", "mergers", index], `Unbekannter Anbieter „${providerId}“.`);
        if (merged.has(providerId))
          issue(
            ["constraints", "mergers", index],
            `Anbieter „${providerId}“ darf nur in einer Fusion vorkommen.`,
          );
        merged.add(providerId);
      }
    });
  });
export type ScenarioInput = z.infer<typeof ScenarioInput>;
