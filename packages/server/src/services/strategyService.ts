import {
  countPeerOperatingModels,
  findLatestReviewedResponseId,
  findOrganisation,
  findResponseById,
  listServiceDomains,
  type Database,
} from "@it-atlas/db";
import {
  applicableDomainIds,
  checkConsistency,
  NotFoundError,
  OperatingModel,
  suggestDecisions,
  targetModelOf,
  type Answers,
  type ConsistencyFinding,
  type DecisionSuggestion,
  type Organisation,
  type PeerCounts,
  type Question,
  type StrategyDecision,
} from "@it-atlas/domain";
import type { LandscapeReader } from "./landscapeService.ts";
import { todayInGermany } from "./landscapeService.ts";
import { responsibleTypeOf } from "./responsibility.ts";
import { questionsFor } from "./surveyService.ts";

/** A Kommune (Gemeinde or Kreis); 404 otherwise. */
export async function getKommune(db: Database, key: string): Promise<Organisation> {
  const organisation = await findOrganisation(db, key);
  if (!organisation || (organisation.kind !== "gemeinde" && organisation.kind !== "kreis")) {
    throw new NotFoundError(
      "organisation_not_found",
      `Es gibt keine Kommune mit dem Schlüssel „${key}“.`,
    );
  }
  return organisation;
}

/** What a Kommune's strategy is checked and suggested against. */
export interface StrategyBasis {
  organisation: Organisation;
  domainIds: string[];
  applicable: Set<string>;
  questions: Question[];
  answers: Answers;
  campaignTitle: string | null;
}

/** The Kommune's responsible domains and its latest accepted (else submitted) answers. */
export async function strategyBasis(db: Database, key: string): Promise<StrategyBasis> {
  const organisation = await getKommune(db, key);
  const domains = await listServiceDomains(db);
  const applicable = applicableDomainIds(domains, responsibleTypeOf(organisation));
  const responseId = await findLatestReviewedResponseId(db, key);
  const response = responseId === undefined ? undefined : await findResponseById(db, responseId);
  return {
    organisation,
    domainIds: domains.filter((domain) => applicable.has(domain.id)).map((domain) => domain.id),
    applicable,
    questions: response ? await questionsFor(db, response) : [],
    answers: response?.answers ?? {},
    campaignTitle: response?.campaignTitle ?? null,
  };
}

/** Suggestions from the Kommune's answers, today's landscape and its size-class peers. */
export async function strategySuggestions(
  db: Database,
  landscape: LandscapeReader,
  basis: StrategyBasis,
): Promise<DecisionSuggestion[]> {
  const type = responsibleTypeOf(basis.organisation);
  const current = await landscape.all({
    asOf: todayInGermany(),
    organisation: basis.organisation.key,
  });
  const peers = new Map<string, PeerCounts>();
  const peersDemo = new Set<string>();
  if (type) {
    for (const row of await countPeerOperatingModels(db, type, basis.organisation.key)) {
      const model = OperatingModel.safeParse(row.operatingModel);
      if (!model.success) continue;
      if (row.demoCount > 0) peersDemo.add(row.domainId);
      const counts = peers.get(row.domainId) ?? {};
      const target = targetModelOf[model.data];
      counts[target] = (counts[target] ?? 0) + row.count;
      peers.set(row.domainId, counts);
    }
  }
  return suggestDecisions({
    domainIds: basis.domainIds,
    questions: basis.questions,
    answers: basis.answers,
    current: new Map(
      current.map((item) => [
        item.domain.id,
        {
          operatingModel: item.operatingModel,
          providerId: item.provider?.id ?? null,
          demo: item.demo,
        },
      ]),
    ),
    peers,
    peersDemo,
  });
}

/** Consistency findings of decisions against the size-class rule and the answers. */
export function strategyFindings(
  basis: StrategyBasis,
  decisions: readonly StrategyDecision[],
): ConsistencyFinding[] {
  return checkConsistency({
    decisions,
    applicableDomainIds: basis.applicable,
    questions: basis.questions,
    answers: basis.answers,
    year: Number(todayInGermany().slice(0, 4)),
  });
}
