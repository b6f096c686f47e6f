import type { ScenarioDefinition } from "./ScenarioDefinition.ts";
import type {
  LandscapeFacts,
  ScenarioModel,
  ScenarioModelDemand,
  ScenarioModelOffer,
} from "./ScenarioModel.ts";

/** Own operation without landscape data costs this factor × the mean provider unit price (Annahme). */
export const OWN_OPERATION_FALLBACK_FACTOR = 1.25;

/** The model input and what was left out on the way (German notes for the result page). */
export interface BuiltScenario {
  input: ScenarioModel;
  notes: string[];
  /**
   * Which figures rest on synthetic facts (ADR 0021): `kommuneKeys` of Kommunen with a synthetic
   * Bezug in the model; `prices` when a synthetic offer or a cost curve fitted on demo values
   * prices providers (then every plan figure is derived from demo values).
   */
  demo: { kommuneKeys: string[]; prices: boolean };
}

const key = (first: string, second: string) => `${first}|${second}`;

/**
 * Turns the landscape as of the base date and a scenario definition into the optimiser's input.
 * Pure. Kommune × domain rows in eigener Betrieb or with an IT-Dienstleister take part; other
 * operating models (andere Kommune, Land, EfA) and rows without volume stay as they are and are
 * reported in `notes`. A provider serving Kommunen without a valid offer gets one derived from
 * its customers' recorded costs. Economies of scale: volume beyond a provider's Ist volume costs
 * `scaleFactor` × its unit price (a concave curve, as the solver requires) — unless the
 * definition has a cost curve for the domain (`costs.costCurves`, e.g. fitted on the landscape),
 * which then prices every provider there.
 */
export function buildScenarioInput(
  facts: LandscapeFacts,
  definition: ScenarioDefinition,
  name = "",
): BuiltScenario {
  const notes: string[] = [];
  const { scope, costs, constraints } = definition;
  const knownDomains = new Map(facts.domains.map((domain) => [domain.id, domain]));
  const domainIds =
    scope.domainIds === "all" ? facts.domains.map((domain) => domain.id) : scope.domainIds;
  for (const id of domainIds) {
    if (!knownDomains.has(id))
      notes.push(`Leistungsbereich „${id}“ ist unbekannt und fehlt im Modell.`);
  }
  const inDomain = new Set(domainIds.filter((id) => knownDomains.has(id)));
  const kommuneNames = new Map(facts.kommunen.map((kommune) => [kommune.key, kommune.name]));
  // A listed Kreis key brings the Kreis and its kreisangehörige Gemeinden into scope.
  const listed = scope.kommuneKeys === "all" ? undefined : new Set(scope.kommuneKeys);
  const inKommunen = listed
    ? new Set(
        facts.kommunen
          .filter(
            (kommune) =>
              listed.has(kommune.key) || (kommune.kreisKey != null && listed.has(kommune.kreisKey)),
          )
          .map((kommune) => kommune.key),
      )
    : undefined;
  const providerNames = new Map(facts.providers.map((provider) => [provider.id, provider.name]));

  // Demands from today's sourcing.
  const rows = facts.sourcing.filter(
    (row) =>
      inDomain.has(row.domainId) &&
      kommuneNames.has(row.kommuneKey) &&
      (!inKommunen || inKommunen.has(row.kommuneKey)),
  );
  let otherModels = 0;
  let withoutVolume = 0;
  const participating = rows.filter((row) => {
    const modelled =
      row.operatingModel === "eigenbetrieb" ||
      (row.operatingModel === "it_dienstleister" &&
        row.providerId !== null &&
        providerNames.has(row.providerId));
    if (!modelled) otherModels += 1;
    else if (row.volume === null) withoutVolume += 1;
    return modelled && row.volume !== null;
  });
  if (otherModels > 0) {
    notes.push(
      `${otherModels} Bezüge (andere Kommune, Land, EfA-Dienst) bleiben unverändert und sind nicht im Modell.`,
    );
  }
  if (withoutVolume > 0) notes.push(`${withoutVolume} Bezüge ohne Menge sind nicht im Modell.`);

  // Ist volume and cost per provider × domain (scale breakpoints, derived offers).
  const istVolume = new Map<string, number>();
  const istCost = new Map<string, { cost: number; volume: number }>();
  for (const row of participating) {
    if (row.providerId === null || row.operatingModel !== "it_dienstleister") continue;
    const id = key(row.providerId, row.domainId);
    istVolume.set(id, (istVolume.get(id) ?? 0) + (row.volume ?? 0));
    if (row.annualCost !== null && (row.volume ?? 0) > 0) {
      const sum = istCost.get(id) ?? { cost: 0, volume: 0 };
      istCost.set(id, { cost: sum.cost + row.annualCost, volume: sum.volume + (row.volume ?? 0) });
    }
  }

  const capacityOverride = new Map(
    constraints.capacities.map((entry) => [key(entry.providerId, entry.domainId), entry.capacity]),
  );
  const segmentsFor = (providerId: string, domainId: string, unitPrice: number) => {
    const breakpoint = istVolume.get(key(providerId, domainId)) ?? 0;
    return costs.scaleFactor < 1 && breakpoint > 0
      ? [
          { upTo: breakpoint, costPerUnit: unitPrice },
          { upTo: null, costPerUnit: unitPrice * costs.scaleFactor },
        ]
      : [{ upTo: null, costPerUnit: unitPrice }];
  };
  // A domain's cost curve (e.g. fitted on the landscape) prices every provider there.
  const curveOf = new Map(costs.costCurves.map((curve) => [curve.domainId, curve]));
  const priced = (providerId: string, domainId: string, fixedCost: number, unitPrice: number) => {
    const curve = curveOf.get(domainId);
    return curve
      ? {
          fixedCost: curve.fixedCost,
          segments: curve.segments.map((segment) => ({ ...segment })),
        }
      : { fixedCost, segments: segmentsFor(providerId, domainId, unitPrice) };
  };
  const offers: ScenarioModelOffer[] = [];
  const offered = new Set<string>();
  let demoPrices = false;
  for (const offer of facts.offers) {
    const id = key(offer.providerId, offer.domainId);
    if (!inDomain.has(offer.domainId) || !providerNames.has(offer.providerId) || offered.has(id))
      continue;
    offered.add(id);
    if (offer.demo && !curveOf.has(offer.domainId)) demoPrices = true;
    offers.push({
      providerId: offer.providerId,
      domainId: offer.domainId,
      ...priced(offer.providerId, offer.domainId, offer.fixedPrice, offer.unitPrice),
      capacity: capacityOverride.get(id) ?? offer.capacity,
    });
  }
  const derived: string[] = [];
  for (const [id] of istVolume) {
    if (offered.has(id)) continue;
    const [providerId = "", domainId = ""] = id.split("|");
    const recorded = istCost.get(id);
    const unitPrice =
      recorded && recorded.volume > 0
        ? recorded.cost / recorded.volume
        : meanUnitPrice(offers, domainId);
    offered.add(id);
    if (!curveOf.has(domainId))
      derived.push(
        `${providerNames.get(providerId) ?? providerId} (${knownDomains.get(domainId)?.name ?? domainId})`,
      );
    offers.push({
      providerId,
      domainId,
      ...priced(providerId, domainId, 0, unitPrice),
      capacity: capacityOverride.get(id) ?? null,
    });
  }
  if (derived.length > 0) {
    notes.push(
      `Ohne gültiges Angebot, Preis aus den Ist-Kosten abgeleitet: ${derived.join(", ")}.`,
    );
  }

  const curved = [...inDomain].filter((id) => curveOf.has(id));
  if (curved.length > 0) {
    const demo = curved.some((id) => curveOf.get(id)?.source.demo);
    if (demo) demoPrices = true;
    notes.push(
      `Anbieterpreise aus der Kostenkurve des Szenarios${demo ? " (Demodaten (synthetisch))" : ""}: ${curved
        .map((id) => knownDomains.get(id)?.name ?? id)
        .join(", ")}.`,
    );
  }

  // Allowed providers per Kommune.
  const memberOf = new Map<string, Set<string>>();
  for (const membership of facts.memberships) {
    const set = memberOf.get(membership.kommuneKey) ?? new Set<string>();
    set.add(membership.providerId);
    memberOf.set(membership.kommuneKey, set);
  }
  const explicit = new Map(
    constraints.allowedProviders.map((entry) => [entry.kommuneKey, entry.providerIds]),
  );
  const allowedFor = (kommuneKey: string, current: string | null): string[] | undefined => {
    const list = explicit.get(kommuneKey);
    const withCurrent = (ids: Iterable<string>) => {
      const set = new Set(ids);
      if (current !== null) set.add(current);
      return [...set].filter((id) => providerNames.has(id)).sort();
    };
    if (list) return withCurrent(list);
    if (constraints.providerPolicy === "kdn") return undefined;
    if (constraints.providerPolicy === "zweckverband")
      return withCurrent(memberOf.get(kommuneKey) ?? []);
    return withCurrent([]);
  };

  const vorOrt = new Set(
    constraints.keepVorOrtLocal
      ? facts.vorOrtRequired.map((entry) => key(entry.kommuneKey, entry.domainId))
      : [],
  );
  const demands: ScenarioModelDemand[] = participating
    .map((row) => {
      const current = row.operatingModel === "eigenbetrieb" ? null : row.providerId;
      const allowed = allowedFor(row.kommuneKey, current);
      return {
        kommuneId: row.kommuneKey,
        domainId: row.domainId,
        volume: row.volume ?? 0,
        currentProviderId: current,
        ...(allowed ? { allowedProviderIds: allowed } : {}),
        ownOperationAllowed: true,
        keepLocal: vorOrt.has(key(row.kommuneKey, row.domainId)),
      };
    })
    .sort((a, b) => a.kommuneId.localeCompare(b.kommuneId) || a.domainId.localeCompare(b.domainId));

  // Domains with their own-operation and migration costs.
  const migrationOverride = new Map(costs.migration.map((entry) => [entry.domainId, entry]));
  const ownOverride = new Map(costs.ownOperation.map((entry) => [entry.domainId, entry]));
  const assumedOwn: string[] = [];
  const domains = [...inDomain].map((id) => {
    const domain = knownDomains.get(id);
    const own = ownOverride.get(id);
    let ownOperation = own ? { fixedCost: own.fixedCost, costPerUnit: own.costPerUnit } : undefined;
    if (!ownOperation) {
      let cost = 0;
      let volume = 0;
      for (const row of participating) {
        if (row.domainId !== id || row.operatingModel !== "eigenbetrieb") continue;
        if (row.annualCost === null || !row.volume) continue;
        cost += row.annualCost;
        volume += row.volume;
      }
      if (volume > 0) ownOperation = { fixedCost: 0, costPerUnit: cost / volume };
      else {
        assumedOwn.push(domain?.name ?? id);
        ownOperation = {
          fixedCost: 0,
          costPerUnit: OWN_OPERATION_FALLBACK_FACTOR * meanUnitPrice(offers, id),
        };
      }
    }
    const migration = migrationOverride.get(id) ?? costs.migrationDefault;
    return {
      id,
      name: domain?.name ?? id,
      unit: domain?.volumeUnit ?? "Einheiten",
      ownOperation,
      migration: { fixedCost: migration.fixedCost, costPerUnit: migration.costPerUnit },
    };
  });
  if (assumedOwn.length > 0) {
    notes.push(
      `Kein eigener Betrieb in den Daten, Kosten angenommen (${OWN_OPERATION_FALLBACK_FACTOR} × mittlerer Anbieterpreis): ${assumedOwn.join(", ")}.`,
    );
  }

  const couplings = constraints.couplings
    .map((coupling) => ({ domainIds: coupling.domainIds.filter((id) => inDomain.has(id)) }))
    .filter((coupling) => coupling.domainIds.length >= 2);
  if (couplings.length < constraints.couplings.length) {
    notes.push("Kopplungen mit weniger als zwei Bereichen im Umfang wurden weggelassen.");
  }
  const mergers = constraints.mergers
    .map((merger) => ({
      ...merger,
      providerIds: merger.providerIds.filter((id) => providerNames.has(id)),
    }))
    .filter((merger) => merger.providerIds.length >= 2);

  const projectCapacity = constraints.providerProjectCapacity.filter((entry) =>
    providerNames.has(entry.providerId),
  );
  if (projectCapacity.length < constraints.providerProjectCapacity.length) {
    notes.push("Projektkapazitäten unbekannter Anbieter wurden weggelassen.");
  }

  const usedKommunen = new Set(demands.map((demand) => demand.kommuneId));
  return {
    input: {
      name,
      horizonYears: costs.horizonYears,
      discountRate: costs.discountRate,
      kommunen: facts.kommunen
        .filter((kommune) => usedKommunen.has(kommune.key))
        .map((kommune) => ({ id: kommune.key, name: kommune.name })),
      providers: facts.providers.map((provider) => ({ id: provider.id, name: provider.name })),
      domains,
      offers,
      demands,
      constraints: {
        maxMigrationsPerYear: constraints.maxMigrationsPerYear,
        maxMigrationsTotal: constraints.maxMigrationsTotal,
        providerProjectCapacity: projectCapacity,
        couplings,
        providerCounts: constraints.providerCounts.filter((count) => inDomain.has(count.domainId)),
        mergers,
      },
    },
    notes,
    demo: {
      kommuneKeys: [
        ...new Set(participating.filter((row) => row.demo).map((row) => row.kommuneKey)),
      ].sort(),
      prices: demoPrices,
    },
  };
}

function meanUnitPrice(offers: readonly ScenarioModelOffer[], domainId: string): number {
  const prices = offers
    .filter((offer) => offer.domainId === domainId)
    .map((offer) => offer.segments[0]?.costPerUnit ?? 0);
  return prices.length === 0 ? 0 : prices.reduce((sum, price) => sum + price, 0) / prices.length;
}
