import type { ResponsibleType } from "../landscape/ServiceDomain.ts";
import {
  buildDemoContext,
  D_NRW_ID,
  kreisKeyOf,
  type DemoContext,
  type SourcingChoice,
} from "./demoContext.ts";
import type {
  DemoBaseSourcing,
  DemoDomain,
  DemoLandscape,
  DemoLandscapeInput,
  DemoOrganisation,
} from "./DemoLandscape.ts";
import { generateDemoChanges } from "./generateDemoChanges.ts";
import { generateDemoOffers } from "./generateDemoOffers.ts";
import { randomFor, type Random } from "./random.ts";

/**
 * Share of a member's domains that it obtains from its provider, by catalogue group (Annahme:
 * Zweckverbände were founded for central procedures and data centres, so Fachverfahren and
 * infrastructure go there most often; digital services are newer and more varied).
 */
const MEMBER_PROVIDER_SHARE: Record<DemoDomain["category"], number> = {
  infrastruktur: 0.92,
  fachverfahren: 0.9,
  querschnitt: 0.82,
  digitale_dienste: 0.7,
};

/** A city with its own IT obtains this share of domains from a regional provider anyway (Annahme). */
const OWN_IT_PROVIDER_SHARE = 0.12;

/** How a Kommune sources as of the start date, decided once per Kommune. */
type SourcingProfile =
  | { kind: "member"; providerId: string; alwaysInfrastructure: boolean }
  | { kind: "own_it"; fallbackProviderId: string | null }
  | { kind: "mixed"; providerId: string | null; providerShare: number };

/** The responsibility class of a Kommune: its size class, or Kreis/StädteRegion. */
export function responsibleTypeOf(organisation: DemoOrganisation): ResponsibleType | null {
  if (organisation.kind === "kreis") return organisation.kreisType ?? "kreis";
  return organisation.municipalityType;
}

/**
 * Generates a synthetic, reproducible IT landscape for all Kommunen: one base row per
 * responsible Kommune × leaf domain as of `startDate`, organic changes up to `endDate`, and
 * provider offers. Pure: same input and seed, same result.
 */
export function generateDemoLandscape(input: DemoLandscapeInput): DemoLandscape {
  const context = buildDemoContext(input);
  const gemeindenByKreis = new Map<string, DemoOrganisation[]>();
  for (const organisation of input.organisations) {
    if (organisation.kind !== "gemeinde" || organisation.kreisKey === null) continue;
    const list = gemeindenByKreis.get(organisation.kreisKey) ?? [];
    list.push(organisation);
    gemeindenByKreis.set(organisation.kreisKey, list);
  }

  const base: DemoBaseSourcing[] = [];
  for (const organisation of input.organisations) {
    const type = responsibleTypeOf(organisation);
    if (type === null) continue;
    const profile = sourcingProfileOf(organisation, context);
    for (const domain of input.domains) {
      if (!domain.responsibleTypes.includes(type)) continue;
      const random = randomFor(input.seed, "base", organisation.key, domain.id);
      const choice = chooseBaseSourcing(
        organisation,
        domain,
        profile,
        context,
        gemeindenByKreis,
        random,
      );
      const values = context.valuesFor(organisation, domain, choice, input.startDate, random);
      base.push({ organisationKey: organisation.key, domainId: domain.id, ...values });
    }
  }
  const changes = generateDemoChanges(base, context);
  return { base, changes, offers: generateDemoOffers(base, changes, context) };
}

function sourcingProfileOf(organisation: DemoOrganisation, context: DemoContext): SourcingProfile {
  const { input, timeline } = context;
  const start = input.startDate;
  // A Kommune that a later member move takes to a new provider is still with the old one
  // (Kreis Mettmann: own Kreis-IT until KRZN took it over on 2019-01-01).
  for (const move of input.reorganisations) {
    if (
      move.kind !== "member_move" ||
      move.organisationKey !== organisation.key ||
      move.date <= start
    )
      continue;
    const source = move.sourceProviderIds.find((id) => timeline.isActive(id, start));
    if (source) return { kind: "member", providerId: source, alwaysInfrastructure: true };
  }
  const ownIt = input.providers.find(
    (provider) =>
      provider.kind === "stadt_it" &&
      provider.ownerKey === organisation.key &&
      timeline.isActive(provider.id, start),
  );
  // Own IT that a later reorganisation hands to a provider must appear as that provider, so the
  // replay can move it — whether the data calls it a merger or a member move.
  if (ownIt && timeline.findRetirementAfter(ownIt.id, start)) {
    return { kind: "member", providerId: ownIt.id, alwaysInfrastructure: true };
  }
  const random = randomFor(input.seed, "profile", organisation.key);
  if (ownIt) {
    return {
      kind: "own_it",
      fallbackProviderId: pickRegionalProvider(organisation, context, random),
    };
  }

  const memberships = [
    ...(context.serviceProvidersByOrganisation.get(organisation.key) ?? []),
  ].sort((a, b) => kindRank(context, a) - kindRank(context, b));
  for (const providerId of memberships) {
    const provider = timeline.findProviderOn(providerId, organisation, start);
    if (provider) return { kind: "member", providerId: provider, alwaysInfrastructure: false };
  }

  // No sourced membership: some run everything themselves, most mix with a nearby provider.
  if (random.chance(0.2)) return { kind: "mixed", providerId: null, providerShare: 0 };
  const large = organisation.population >= 100_000;
  return {
    kind: "mixed",
    providerId: pickRegionalProvider(organisation, context, random),
    providerShare: large ? random.uniform(0.15, 0.45) : random.uniform(0.35, 0.8),
  };
}

/** Kommunal providers come before other cities' IT when a Kommune has both. */
function kindRank(context: DemoContext, providerId: string): number {
  return context.providersById.get(providerId)?.kind === "kommunal" ? 0 : 1;
}

/** A kommunal provider with members in the same Regierungsbezirk, preferring one that serves the own Kreis. */
function pickRegionalProvider(
  organisation: DemoOrganisation,
  context: DemoContext,
  random: Random,
): string | null {
  const candidates = context.regionalProviders.get(organisation.regierungsbezirkKey) ?? [];
  const kreisKey = kreisKeyOf(organisation);
  const resolved = candidates
    .map((candidate) => ({
      value: context.timeline.findProviderOn(
        candidate.providerId,
        organisation,
        context.input.startDate,
      ),
      weight: kreisKey !== null && candidate.kreisKeys.has(kreisKey) ? 4 : 1,
    }))
    .filter(
      (candidate): candidate is { value: string; weight: number } => candidate.value !== undefined,
    );
  return resolved.length === 0 ? null : random.weightedPick(resolved);
}

function chooseBaseSourcing(
  organisation: DemoOrganisation,
  domain: DemoDomain,
  profile: SourcingProfile,
  context: DemoContext,
  gemeindenByKreis: ReadonlyMap<string, DemoOrganisation[]>,
  random: Random,
): SourcingChoice {
  const start = context.input.startDate;
  if (domain.category === "digitale_dienste") {
    // Träger of d-NRW use its EfA services more often (Annahme).
    const efaShare = context.dNrwMembers.has(organisation.key) ? 0.15 : 0.07;
    const draw = random.next();
    if (draw < efaShare) {
      // d-NRW only for its Träger: the demo names a real provider only with a sourced relation.
      const providerId =
        context.dNrwMembers.has(organisation.key) &&
        context.timeline.isActive(D_NRW_ID, start) &&
        random.chance(0.7)
          ? D_NRW_ID
          : null;
      return withProduct(
        context,
        domain,
        random,
        { operatingModel: "efa_dienst", providerId, partnerKey: null },
        providerId ?? "efa",
      );
    }
    if (draw < efaShare + 0.04) {
      return withProduct(
        context,
        domain,
        random,
        { operatingModel: "land", providerId: null, partnerKey: null },
        "land",
      );
    }
  }
  if (
    domain.category === "fachverfahren" &&
    organisation.kind === "gemeinde" &&
    organisation.population < 20_000 &&
    random.chance(0.06)
  ) {
    const partnerKey = findPartner(organisation, domain, context, gemeindenByKreis, random);
    if (partnerKey) {
      return withProduct(
        context,
        domain,
        random,
        { operatingModel: "andere_kommune", providerId: null, partnerKey },
        `partner:${partnerKey}`,
      );
    }
  }
  const { providerId, share } = providerShareOf(profile, domain);
  if (providerId !== null && random.chance(share)) {
    return withProduct(
      context,
      domain,
      random,
      { operatingModel: "it_dienstleister", providerId, partnerKey: null },
      providerId,
    );
  }
  return withProduct(
    context,
    domain,
    random,
    { operatingModel: "eigenbetrieb", providerId: null, partnerKey: null },
    null,
  );
}

/** Which provider a Kommune's profile points to for a domain, and how often it is used. */
function providerShareOf(
  profile: SourcingProfile,
  domain: DemoDomain,
): { providerId: string | null; share: number } {
  switch (profile.kind) {
    case "member": {
      const always = profile.alwaysInfrastructure && domain.category === "infrastruktur";
      return {
        providerId: profile.providerId,
        share: always ? 1 : MEMBER_PROVIDER_SHARE[domain.category],
      };
    }
    case "own_it":
      return { providerId: profile.fallbackProviderId, share: OWN_IT_PROVIDER_SHARE };
    case "mixed":
      return { providerId: profile.providerId, share: profile.providerShare };
  }
}

function withProduct(
  context: DemoContext,
  domain: DemoDomain,
  random: Random,
  choice: Omit<SourcingChoice, "productId">,
  productOwner: string | null,
): SourcingChoice {
  return { ...choice, productId: context.productFor(domain.id, productOwner, random) };
}

/** The Kreis or a bigger town of the same Kreis that runs the Fachverfahren for a small Gemeinde. */
function findPartner(
  organisation: DemoOrganisation,
  domain: DemoDomain,
  context: DemoContext,
  gemeindenByKreis: ReadonlyMap<string, DemoOrganisation[]>,
  random: Random,
): string | null {
  if (organisation.kreisKey === null) return null;
  const candidates: string[] = [];
  const town = (gemeindenByKreis.get(organisation.kreisKey) ?? [])
    .filter(
      (other) => other.key !== organisation.key && other.population >= 2 * organisation.population,
    )
    .filter((other) => {
      const type = responsibleTypeOf(other);
      return type !== null && domain.responsibleTypes.includes(type);
    })
    .reduce<DemoOrganisation | null>(
      (largest, other) =>
        largest === null || other.population > largest.population ? other : largest,
      null,
    );
  if (town) candidates.push(town.key);
  if (context.organisationsByKey.has(organisation.kreisKey)) candidates.push(organisation.kreisKey);
  return candidates.length === 0 ? null : random.pick(candidates);
}
