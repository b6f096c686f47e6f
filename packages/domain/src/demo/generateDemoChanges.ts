import { firstOfMonthAfter, firstsOfMonthBetween } from "./calendar.ts";
import {
  D_NRW_ID,
  drawSatisfaction,
  isServiceProviderFor,
  type DemoContext,
  type SourcingChoice,
} from "./demoContext.ts";
import type {
  DemoBaseSourcing,
  DemoChange,
  DemoDomain,
  DemoOrganisation,
  DemoSourcingValues,
} from "./DemoLandscape.ts";
import { randomFor, type Random } from "./random.ts";

/** Share of base rows that change at least once over the history (Annahme: a calm landscape). */
const CHANGE_SHARE = 0.045;
/** Share of changed rows that change a second time later. */
const SECOND_CHANGE_SHARE = 0.15;

type ChangeKind = "renewal" | "product" | "insource" | "provider" | "efa";

/**
 * Organic changes (new contract, product, provider or operating model) on firsts of months
 * between the start and end date, sorted by date. They never fall on a reorganisation date, so
 * a Kommune never leaves a provider on the day a merger or member move touches it, and they name
 * only providers that exist on their date (sit from 2018-01-01 on, never citkomm afterwards).
 */
export function generateDemoChanges(
  base: readonly DemoBaseSourcing[],
  context: DemoContext,
): DemoChange[] {
  const { input, timeline } = context;
  const months = firstsOfMonthBetween(input.startDate, input.endDate).filter(
    (date) => !timeline.reorganisationDates.has(date),
  );
  const domainsById = new Map(input.domains.map((domain) => [domain.id, domain]));
  const changes: DemoChange[] = [];
  for (const row of base) {
    const random = randomFor(input.seed, "change", row.organisationKey, row.domainId);
    if (!random.chance(CHANGE_SHARE)) continue;
    const organisation = context.organisationsByKey.get(row.organisationKey);
    const domain = domainsById.get(row.domainId);
    if (!organisation || !domain) continue;
    const count = random.chance(SECOND_CHANGE_SHARE) ? 2 : 1;
    let state: DemoSourcingValues = row;
    let stateDate = input.startDate;
    for (let index = 0; index < count; index++) {
      const later = months.filter((date) => date > stateDate);
      if (later.length === 0) break;
      const date = random.pick(later);
      // The seed replays reorganisations, so the row's provider may have become a successor.
      const current: DemoSourcingValues = {
        ...valuesOf(state),
        providerId:
          state.providerId === null
            ? null
            : timeline.carryForward(state.providerId, organisation.key, stateDate, date),
      };
      const change = buildChange(organisation, domain, current, date, context, random);
      if (!change) break;
      changes.push(change);
      state = change;
      stateDate = date;
    }
  }
  const domainOrder = new Map(input.domains.map((domain, index) => [domain.id, index]));
  return changes.sort(
    (a, b) =>
      compare(a.date, b.date) ||
      compare(a.organisationKey, b.organisationKey) ||
      (domainOrder.get(a.domainId) ?? 0) - (domainOrder.get(b.domainId) ?? 0),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildChange(
  organisation: DemoOrganisation,
  domain: DemoDomain,
  current: DemoSourcingValues,
  date: string,
  context: DemoContext,
  random: Random,
): DemoChange | undefined {
  const { timeline } = context;
  const model = current.operatingModel;
  const providerStillThere =
    current.providerId === null || timeline.isActive(current.providerId, date);
  const products = context.productsByDomain.get(domain.id) ?? [];
  const otherProviders = providersAvailableTo(organisation, date, context).filter(
    (id) => id !== current.providerId,
  );
  const digital = domain.category === "digitale_dienste";

  const options: Array<{ value: ChangeKind; weight: number }> = [];
  if (providerStillThere) {
    options.push({
      value: "renewal",
      weight: model === "it_dienstleister" ? 4 : model === "eigenbetrieb" ? 2 : 3,
    });
    if (products.some((id) => id !== current.productId))
      options.push({ value: "product", weight: model === "eigenbetrieb" ? 3 : 2.5 });
  }
  if (model !== "eigenbetrieb") options.push({ value: "insource", weight: 1 });
  if (otherProviders.length > 0)
    options.push({ value: "provider", weight: model === "eigenbetrieb" ? 4 : 2 });
  if (digital && model !== "efa_dienst") options.push({ value: "efa", weight: 1.5 });
  if (options.length === 0) return undefined;

  const kind = random.weightedPick(options);
  const keys = { date, organisationKey: organisation.key, domainId: domain.id };
  const fresh = (choice: SourcingChoice): DemoSourcingValues =>
    context.valuesFor(organisation, domain, choice, date, random);
  switch (kind) {
    case "renewal":
      return {
        ...keys,
        ...current,
        runningCost: Math.round(current.runningCost * random.uniform(1.03, 1.12)),
        investmentCost: Math.round(current.investmentCost * random.uniform(0.9, 1.1)),
        contractEnd: firstOfMonthAfter(date, random.integer(12, 72)),
        satisfaction: random.chance(0.7) ? current.satisfaction : drawSatisfaction(random),
        reason: "Vertragsverlängerung mit Preisanpassung",
      };
    case "product": {
      const productId = random.pick(products.filter((id) => id !== current.productId));
      const values = fresh({ ...pickChoice(current), productId });
      // Migration costs are real (DOMAIN.md): the first contract years carry more investment (Annahme).
      return {
        ...keys,
        ...values,
        investmentCost: Math.round(values.investmentCost * random.uniform(1.1, 1.6)),
        reason: "Produktwechsel",
      };
    }
    case "insource": {
      const productId = random.chance(0.5)
        ? current.productId
        : context.productFor(domain.id, null, random);
      const choice: SourcingChoice = {
        operatingModel: "eigenbetrieb",
        providerId: null,
        partnerKey: null,
        productId,
      };
      return { ...keys, ...fresh(choice), reason: "Wechsel in den eigenen Betrieb" };
    }
    case "provider": {
      const providerId = random.pick(otherProviders);
      const productId = context.productFor(domain.id, providerId, random);
      const choice: SourcingChoice = {
        operatingModel: "it_dienstleister",
        providerId,
        partnerKey: null,
        productId,
      };
      return { ...keys, ...fresh(choice), reason: `Wechsel zu ${providerId}` };
    }
    case "efa": {
      // d-NRW only for its Träger (sourced relation), as in the base state.
      const providerId =
        context.dNrwMembers.has(organisation.key) && timeline.isActive(D_NRW_ID, date)
          ? D_NRW_ID
          : null;
      const productId = context.productFor(domain.id, providerId ?? "efa", random);
      const choice: SourcingChoice = {
        operatingModel: "efa_dienst",
        providerId,
        partnerKey: null,
        productId,
      };
      return { ...keys, ...fresh(choice), reason: "Wechsel zu einem EfA-Dienst" };
    }
  }
}

/** Only the sourcing values, without keys, date or reason of the row they came from. */
function valuesOf(row: DemoSourcingValues): DemoSourcingValues {
  return {
    operatingModel: row.operatingModel,
    providerId: row.providerId,
    partnerKey: row.partnerKey,
    productId: row.productId,
    runningCost: row.runningCost,
    investmentCost: row.investmentCost,
    volume: row.volume,
    contractEnd: row.contractEnd,
    satisfaction: row.satisfaction,
  };
}

function pickChoice(values: DemoSourcingValues): Omit<SourcingChoice, "productId"> {
  return {
    operatingModel: values.operatingModel,
    providerId: values.providerId,
    partnerKey: values.partnerKey,
  };
}

/** Providers a Kommune could switch to on a date: its own memberships and the region's kommunal providers. */
function providersAvailableTo(
  organisation: DemoOrganisation,
  date: string,
  context: DemoContext,
): string[] {
  const named = [
    ...(context.serviceProvidersByOrganisation.get(organisation.key) ?? []),
    ...(context.regionalProviders.get(organisation.regierungsbezirkKey) ?? []).map(
      (candidate) => candidate.providerId,
    ),
  ];
  const result: string[] = [];
  for (const id of named) {
    const resolved = context.timeline.findProviderOn(id, organisation, date);
    if (resolved === undefined || result.includes(resolved)) continue;
    if (!isServiceProviderFor(context.providersById.get(resolved), organisation.key)) continue;
    result.push(resolved);
  }
  return result;
}
