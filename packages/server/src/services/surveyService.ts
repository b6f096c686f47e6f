import {
  addSurveyComment,
  appendAudit,
  changeSourcing,
  findOrganisation,
  findResponse,
  findResponseById,
  getCampaign,
  listDelegations,
  listQuestions,
  listServiceDomains,
  listSurveyComments,
  markResponseApplied,
  saveAnswers,
  setResponseStatus,
  type Database,
  type Queryable,
  type SurveyResponseRecord,
} from "@it-atlas/db";
import {
  applicableDomainIds,
  applicableQuestions,
  campaignProvenance,
  canSeeConfidential,
  ConflictError,
  InputError,
  isEditable,
  NotAllowedError,
  NotFoundError,
  OperatingModel,
  SourcingInput,
  validateAnswers,
  type Answers,
  type Principal,
  type Question,
} from "@it-atlas/domain";
import type { LandscapeReader } from "./landscapeService.ts";
import type { OzgBoard } from "./ozgReadinessService.ts";
import { todayInGermany } from "./landscapeService.ts";
import { responsibleTypeOf } from "./responsibility.ts";

/** Who writes: a signed-in user or the holder of a personal link. */
export interface SurveyActor {
  actorUserId: number | null;
  /** For the audit log (e-mail address or link label). */
  actorLabel: string;
  /** What the answers show as their author (display name or link label, never an e-mail). */
  authorName: string;
  via: "ui" | "api" | "import" | "cli" | "system";
  requestId: string;
}

/** Refuses a signed-in caller who may not see this Kommune's answers. */
export function assertMaySeeAnswers(principal: Principal, organisationKey: string): void {
  if (!canSeeConfidential(principal, { organisationKey, providerId: null })) {
    throw new NotAllowedError("forbidden", "Dafür fehlt Ihnen die Berechtigung.");
  }
}

/** The questions that apply to a Kommune (size-class rule), in the response's frozen version. */
export async function questionsFor(
  db: Queryable,
  response: SurveyResponseRecord,
): Promise<Question[]> {
  const [organisation, domains, questions] = await Promise.all([
    findOrganisation(db, response.organisationKey),
    listServiceDomains(db),
    listQuestions(db, response.questionSetId),
  ]);
  const type = organisation ? responsibleTypeOf(organisation) : undefined;
  return applicableQuestions(questions, applicableDomainIds(domains, type));
}

/** Loads a response of a running campaign; 404 with a German message when there is none. */
export async function getResponse(
  db: Queryable,
  campaignId: number,
  organisationKey: string,
  forUpdate = false,
): Promise<SurveyResponseRecord> {
  const response = await findResponse(db, campaignId, organisationKey, { forUpdate });
  if (!response) {
    throw new NotFoundError(
      "response_not_found",
      `Die Kommune „${organisationKey}“ gehört nicht zur Erhebung ${campaignId} oder die Erhebung ist noch nicht gestartet.`,
    );
  }
  return response;
}

/**
 * Per section (Leistungsbereich) of the questionnaire, the OZG-Leistungen the Kommune is
 * responsible for by the rule table (LeiKa-Typ, Kommune type, own records) with their status:
 * what the section's needs are about, shown read-only beside the questions.
 */
async function ozgLeistungenBySection(
  db: Queryable,
  ozg: OzgBoard,
  organisationKey: string,
  sectionIds: ReadonlySet<string>,
) {
  const [board, domains] = await Promise.all([ozg.state(), listServiceDomains(db)]);
  const kommune = board.byKey.get(organisationKey);
  if (!kommune) return [];
  const names = new Map(board.catalogue.map((leistung) => [leistung.id, leistung.name]));
  const status = new Map(kommune.entries.map((entry) => [entry.ozgId, entry.status]));
  return domains
    .filter((domain) => sectionIds.has(domain.id))
    .map((domain) => ({
      domainId: domain.id,
      items: domain.ozgIds
        .filter((id) => kommune.responsibleIds.has(id))
        .map((id) => ({
          ozgId: id,
          name: names.get(id) ?? String(id),
          status: status.get(id) ?? ("offen" as const),
        })),
    }))
    .filter((section) => section.items.length > 0);
}

/** What the answering page shows. */
export async function questionnaireOf(
  db: Database,
  landscape: LandscapeReader,
  ozg: OzgBoard,
  response: SurveyResponseRecord,
) {
  const questions = await questionsFor(db, response);
  const current = await landscape.all({
    asOf: todayInGermany(),
    organisation: response.organisationKey,
  });
  const prefill: Answers = {};
  const prefillDemo: string[] = [];
  for (const question of questions) {
    const sourcing = current.find((item) => item.domain.id === question.domainId);
    if (!sourcing) continue;
    if (question.purpose === "current_operating_model")
      prefill[question.key] = sourcing.operatingModel;
    if (question.purpose === "satisfaction" && sourcing.satisfaction !== null)
      prefill[question.key] = sourcing.satisfaction;
    // A value from a synthetic row is shown with its label (ADR 0021).
    if (question.key in prefill && sourcing.demo) prefillDemo.push(question.key);
  }
  return {
    response: {
      id: response.id,
      campaignId: response.campaignId,
      campaignTitle: response.campaignTitle,
      periodEnd: response.periodEnd,
      organisation: { key: response.organisationKey, name: response.organisationName },
      status: response.status,
      submittedAt: response.submittedAt,
      reviewComment: response.reviewComment,
      appliedAt: response.appliedAt,
      editable: isEditable(response.status) && response.campaignStatus === "running",
    },
    questions,
    answers: response.answers,
    prefill,
    prefillDemo,
    ozgLeistungen: await ozgLeistungenBySection(
      db,
      ozg,
      response.organisationKey,
      new Set(questions.flatMap((question) => (question.domainId ? [question.domainId] : []))),
    ),
    comments: await listSurveyComments(db, response.id),
    delegations: await listDelegations(db, response.id),
  };
}

function assertEditable(response: SurveyResponseRecord): void {
  if (response.campaignStatus !== "running") {
    throw new ConflictError(
      "campaign_not_running",
      "Die Erhebung läuft nicht; Antworten können nicht mehr geändert werden.",
    );
  }
  if (!isEditable(response.status)) {
    throw new ConflictError(
      "response_not_editable",
      "Die Antworten sind eingereicht und können erst wieder geändert werden, wenn sie zurückgegeben wurden.",
    );
  }
}

/** Autosave: stores (partial) answers of a draft; checks only the values given. */
export async function saveDraftAnswers(
  db: Database,
  responseId: number,
  answers: Answers,
  actor: SurveyActor,
) {
  return db.transaction(async (tx) => {
    const response = await findResponseById(tx, responseId, { forUpdate: true });
    if (!response) throw new NotFoundError("response_not_found", "Die Antwort gibt es nicht.");
    assertEditable(response);
    const problems = validateAnswers(await questionsFor(tx, response), answers, "draft");
    if (problems.length > 0) {
      throw new InputError(
        "invalid_answers",
        `Bitte prüfen Sie ${problems.length === 1 ? "eine Antwort" : `${problems.length} Antworten`}.`,
        problems,
      );
    }
    await saveAnswers(tx, response.id, answers, actor.authorName);
    await appendAudit(tx, {
      ...actor,
      action: "save_answers",
      entityType: "survey_response",
      entityId: String(response.id),
      before: null,
      after: { questionKeys: Object.keys(answers) },
    });
    return { saved: Object.keys(answers).length };
  });
}

/** Submits a response: every visible required question must be answered. */
export async function submitResponse(db: Database, responseId: number, actor: SurveyActor) {
  return db.transaction(async (tx) => {
    const response = await findResponseById(tx, responseId, { forUpdate: true });
    if (!response) throw new NotFoundError("response_not_found", "Die Antwort gibt es nicht.");
    assertEditable(response);
    const problems = validateAnswers(await questionsFor(tx, response), response.answers, "submit");
    if (problems.length > 0) {
      throw new InputError(
        "incomplete_answers",
        `Es fehlen noch ${problems.length} Pflichtangaben oder Antworten sind ungültig.`,
        problems,
      );
    }
    await setResponseStatus(tx, response.id, "submitted", actor.authorName);
    await appendAudit(tx, {
      ...actor,
      action: "submit",
      entityType: "survey_response",
      entityId: String(response.id),
      before: { status: response.status },
      after: { status: "submitted" },
    });
    return { status: "submitted" as const };
  });
}

/** Adds a comment to a response. */
export async function commentOnResponse(
  db: Database,
  responseId: number,
  comment: { questionKey: string | null; body: string },
  actor: SurveyActor,
) {
  return db.transaction(async (tx) => {
    const id = await addSurveyComment(tx, responseId, { ...comment, author: actor.authorName });
    await appendAudit(tx, {
      ...actor,
      action: "comment",
      entityType: "survey_response",
      entityId: String(responseId),
      before: null,
      after: comment,
    });
    return { id };
  });
}

/** Accepts or returns a submitted response. */
export async function reviewResponse(
  db: Database,
  campaignId: number,
  organisationKey: string,
  review: { decision: "accept" | "return"; comment: string | null },
  actor: SurveyActor,
) {
  return db.transaction(async (tx) => {
    const response = await getResponse(tx, campaignId, organisationKey, true);
    if (response.status !== "submitted") {
      throw new ConflictError(
        "response_not_submitted",
        "Nur eingereichte Antworten können angenommen oder zurückgegeben werden.",
      );
    }
    if (review.decision === "return" && !review.comment?.trim()) {
      throw new InputError("comment_required", "Bitte begründen Sie die Rückgabe.", [
        { field: "comment", message: "Bitte begründen Sie die Rückgabe." },
      ]);
    }
    const status: "accepted" | "returned" = review.decision === "accept" ? "accepted" : "returned";
    await setResponseStatus(tx, response.id, status, actor.authorName, review.comment);
    await appendAudit(tx, {
      ...actor,
      action: review.decision,
      entityType: "survey_response",
      entityId: String(response.id),
      before: { status: response.status },
      after: { status, comment: review.comment },
    });
    return { status };
  });
}

/**
 * Applies the confirmed operating models of an accepted response to the landscape (quality
 * "self_reported", reason "Bedarfserhebung <Kampagne>"). Unchanged domains and changes that
 * lack a provider or partner are skipped and reported.
 */
export async function applyResponse(
  db: Database,
  landscape: LandscapeReader,
  campaignId: number,
  organisationKey: string,
  actor: SurveyActor,
) {
  const today = todayInGermany();
  const current = await landscape.all({ asOf: today, organisation: organisationKey });
  const result = await db.transaction(async (tx) => {
    const response = await getResponse(tx, campaignId, organisationKey, true);
    if (response.status !== "accepted") {
      throw new ConflictError(
        "response_not_accepted",
        "Nur angenommene Antworten können in die Landkarte übernommen werden.",
      );
    }
    const campaign = await getCampaign(tx, campaignId);
    const applied: string[] = [];
    const skipped: Array<{ domainId: string; reason: string }> = [];
    for (const question of await questionsFor(tx, response)) {
      if (question.purpose !== "current_operating_model" || !question.domainId) continue;
      const model = OperatingModel.safeParse(response.answers[question.key]);
      if (!model.success) continue;
      const sourcing = current.find((item) => item.domain.id === question.domainId);
      if (sourcing?.operatingModel === model.data) {
        skipped.push({ domainId: question.domainId, reason: "unverändert" });
        continue;
      }
      if (model.data === "it_dienstleister" || model.data === "andere_kommune") {
        skipped.push({
          domainId: question.domainId,
          reason: "Dienstleister bzw. Partnerkommune fehlt; bitte in der Bezugsmatrix ergänzen.",
        });
        continue;
      }
      await changeSourcing(
        tx,
        organisationKey,
        question.domainId,
        SourcingInput.parse({ operatingModel: model.data, validFrom: today }),
        { quality: "self_reported", reason: campaignProvenance(campaign.title) },
      );
      applied.push(question.domainId);
    }
    await markResponseApplied(tx, response.id);
    await appendAudit(tx, {
      ...actor,
      action: "apply",
      entityType: "survey_response",
      entityId: String(response.id),
      before: null,
      after: { applied, skipped },
    });
    return { applied, skipped };
  });
  return result;
}
