import {
  ConflictError,
  NotFoundError,
  Question,
  type Answers,
  type Campaign,
  type CampaignInput,
  type CampaignStatus,
  type CampaignTarget,
  type ResponseStatus,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS"Z"';

interface CampaignRow {
  id: number;
  title: string;
  description: string | null;
  period_start: string;
  period_end: string;
  target_kind: CampaignTarget["kind"];
  target_key: string | null;
  status: CampaignStatus;
  created_by: string;
  question_set_id: number;
  version: number;
  frozen_at: string | null;
}

const SELECT_CAMPAIGN = sql`
  SELECT c.id, c.title, c.description, c.period_start, c.period_end, c.target_kind, c.target_key,
         c.status, c.created_by, s.id AS question_set_id, s.version,
         to_char(s.frozen_at AT TIME ZONE 'UTC', ${ISO}) AS frozen_at
  FROM survey_campaign c
  JOIN survey_question_set s ON s.campaign_id = c.id
   AND s.version = (SELECT max(version) FROM survey_question_set WHERE campaign_id = c.id)`;

function toTarget(row: CampaignRow): CampaignTarget {
  if (row.target_kind === "all") return { kind: "all" };
  // Kommunen chosen one by one are kept as their keys, comma-separated.
  if (row.target_kind === "kommunen") {
    return { kind: "kommunen", keys: (row.target_key ?? "").split(",").filter(Boolean) };
  }
  return { kind: row.target_kind, key: row.target_key ?? "" };
}

/** Questions of a question set in their order. */
export async function listQuestions(db: Queryable, questionSetId: number): Promise<Question[]> {
  const rows = await db.query<{ definition: unknown }>(
    sql`SELECT definition FROM survey_question WHERE question_set_id = ${questionSetId} ORDER BY position`,
  );
  return rows.map((row) => Question.parse(row.definition));
}

async function toCampaign(
  db: Queryable,
  row: CampaignRow,
): Promise<Campaign & { questionSetId: number }> {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    target: toTarget(row),
    status: row.status,
    questionSetVersion: row.version,
    questionSetId: row.question_set_id,
    frozenAt: row.frozen_at,
    questions: await listQuestions(db, row.question_set_id),
    createdBy: row.created_by,
  };
}

/** A campaign with the questions of its latest version, or undefined. */
export async function findCampaign(
  db: Queryable,
  id: number,
): Promise<(Campaign & { questionSetId: number }) | undefined> {
  const [row] = await db.query<CampaignRow>(sql`${SELECT_CAMPAIGN} WHERE c.id = ${id}`);
  return row ? toCampaign(db, row) : undefined;
}

/** A campaign; throws NotFoundError when there is none. */
export async function getCampaign(
  db: Queryable,
  id: number,
): Promise<Campaign & { questionSetId: number }> {
  const campaign = await findCampaign(db, id);
  if (!campaign) throw new NotFoundError("campaign_not_found", `Es gibt keine Erhebung ${id}.`);
  return campaign;
}

/** All campaigns, newest first, with their questions. */
export async function listCampaigns(db: Queryable): Promise<Campaign[]> {
  const rows = await db.query<CampaignRow>(sql`${SELECT_CAMPAIGN} ORDER BY c.id DESC`);
  return Promise.all(rows.map((row) => toCampaign(db, row)));
}

async function replaceQuestions(
  tx: Queryable,
  questionSetId: number,
  questions: readonly Question[],
): Promise<void> {
  const domainIds = [...new Set(questions.flatMap((question) => question.domainId ?? []))];
  if (domainIds.length > 0) {
    const known = await tx.query<{ id: string }>(
      sql`SELECT id FROM service_domain WHERE id = ANY(${domainIds})`,
    );
    const missing = domainIds.filter((id) => !known.some((row) => row.id === id));
    if (missing.length > 0) {
      throw new NotFoundError(
        "domain_not_found",
        `Unbekannter Leistungsbereich: ${missing.join(", ")}.`,
      );
    }
  }
  await tx.query(sql`DELETE FROM survey_question WHERE question_set_id = ${questionSetId}`);
  await insertRows(
    tx,
    "survey_question",
    ["question_set_id", "key", "position", "domain_id", "definition"],
    questions.map((question, index) => [
      questionSetId,
      question.key,
      index,
      question.domainId,
      JSON.stringify(question),
    ]),
  );
}

function targetKey(target: CampaignTarget): string | null {
  if (target.kind === "all") return null;
  return target.kind === "kommunen" ? target.keys.join(",") : target.key;
}

/** Creates a draft campaign with question set version 1; returns its id. */
export async function createCampaign(
  tx: Queryable,
  input: CampaignInput,
  createdBy: string,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO survey_campaign (title, description, period_start, period_end, target_kind, target_key, created_by)
    VALUES (${input.title}, ${input.description}, ${input.periodStart}, ${input.periodEnd}, ${input.target.kind},
            ${targetKey(input.target)}, ${createdBy}) RETURNING id`);
  if (!row) throw new Error("Erhebung nicht angelegt");
  const [set] = await tx.query<{ id: number }>(
    sql`INSERT INTO survey_question_set (campaign_id, version) VALUES (${row.id}, 1) RETURNING id`,
  );
  if (!set) throw new Error("Fragenkatalog nicht angelegt");
  await replaceQuestions(tx, set.id, input.questions);
  return row.id;
}

/**
 * Changes a draft campaign. The questions of a running campaign are frozen (their version is
 * what every response refers to), so changing a running campaign is refused.
 */
export async function updateCampaign(
  tx: Queryable,
  id: number,
  input: CampaignInput,
): Promise<void> {
  const campaign = await getCampaign(tx, id);
  if (campaign.status !== "draft") {
    throw new ConflictError(
      "campaign_frozen",
      "Die Erhebung läuft bereits; ihr Fragenkatalog ist eingefroren und kann nicht mehr geändert werden.",
    );
  }
  await tx.query(sql`
    UPDATE survey_campaign SET title = ${input.title}, description = ${input.description},
      period_start = ${input.periodStart}, period_end = ${input.periodEnd},
      target_kind = ${input.target.kind}, target_key = ${targetKey(input.target)}
    WHERE id = ${id}`);
  await replaceQuestions(tx, campaign.questionSetId, input.questions);
}

/** Keys of the Kommunen (Gemeinden and Kreise) a target group contains. */
export async function listTargetOrganisations(
  db: Queryable,
  target: CampaignTarget,
): Promise<string[]> {
  const condition =
    target.kind === "all"
      ? sql`true`
      : target.kind === "regierungsbezirk"
        ? sql`o.regierungsbezirk_key = ${target.key}`
        : target.kind === "kreis"
          ? sql`(o.kreis_key = ${target.key} OR o.key = ${target.key})`
          : target.kind === "kommunen"
            ? sql`o.key = ANY(${target.keys}::text[])`
            : sql`o.key IN (SELECT organisation_key FROM membership WHERE provider_id = ${target.key})`;
  const rows = await db.query<{ key: string }>(
    sql`SELECT o.key FROM organisation o WHERE o.kind IN ('gemeinde','kreis') AND ${condition} ORDER BY o.key`,
  );
  return rows.map((row) => row.key);
}

/** Starts a draft campaign: freezes its questions and opens a draft response per Kommune. */
export async function startCampaign(tx: Queryable, id: number): Promise<number> {
  const [locked] = await tx.query<{ status: CampaignStatus }>(
    sql`SELECT status FROM survey_campaign WHERE id = ${id} FOR UPDATE`,
  );
  if (!locked) throw new NotFoundError("campaign_not_found", `Es gibt keine Erhebung ${id}.`);
  if (locked.status !== "draft") {
    throw new ConflictError("campaign_already_started", "Die Erhebung wurde bereits gestartet.");
  }
  const campaign = await getCampaign(tx, id);
  if (campaign.questions.length === 0) {
    throw new ConflictError(
      "campaign_without_questions",
      "Eine Erhebung ohne Fragen kann nicht gestartet werden.",
    );
  }
  const organisations = await listTargetOrganisations(tx, campaign.target);
  if (organisations.length === 0) {
    throw new ConflictError("campaign_without_targets", "Die Zielgruppe enthält keine Kommune.");
  }
  await tx.query(
    sql`UPDATE survey_question_set SET frozen_at = now() WHERE id = ${campaign.questionSetId}`,
  );
  await tx.query(
    sql`UPDATE survey_campaign SET status = 'running', started_at = now() WHERE id = ${id}`,
  );
  await insertRows(
    tx,
    "survey_response",
    ["campaign_id", "organisation_key", "question_set_id"],
    organisations.map((key) => [id, key, campaign.questionSetId]),
    "ON CONFLICT (campaign_id, organisation_key) DO NOTHING",
  );
  return organisations.length;
}

/** A response with its Kommune and answers. */
export interface SurveyResponseRecord {
  id: number;
  campaignId: number;
  campaignTitle: string;
  campaignStatus: CampaignStatus;
  periodEnd: string;
  organisationKey: string;
  organisationName: string;
  questionSetId: number;
  status: ResponseStatus;
  submittedAt: string | null;
  reviewComment: string | null;
  appliedAt: string | null;
  answers: Answers;
}

interface ResponseRow {
  id: number;
  campaign_id: number;
  campaign_title: string;
  campaign_status: CampaignStatus;
  period_end: string;
  organisation_key: string;
  organisation_name: string;
  question_set_id: number;
  status: ResponseStatus;
  submitted_at: string | null;
  review_comment: string | null;
  applied_at: string | null;
}

const SELECT_RESPONSE = sql`
  SELECT r.id, r.campaign_id, c.title AS campaign_title, c.status AS campaign_status, c.period_end,
         r.organisation_key, o.name AS organisation_name, r.question_set_id, r.status,
         to_char(r.submitted_at AT TIME ZONE 'UTC', ${ISO}) AS submitted_at, r.review_comment,
         to_char(r.applied_at AT TIME ZONE 'UTC', ${ISO}) AS applied_at
  FROM survey_response r JOIN survey_campaign c ON c.id = r.campaign_id
  JOIN organisation o ON o.key = r.organisation_key`;

function toResponseHead(row: ResponseRow): Omit<SurveyResponseRecord, "answers"> {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignTitle: row.campaign_title,
    campaignStatus: row.campaign_status,
    periodEnd: row.period_end,
    organisationKey: row.organisation_key,
    organisationName: row.organisation_name,
    questionSetId: row.question_set_id,
    status: row.status,
    submittedAt: row.submitted_at,
    reviewComment: row.review_comment,
    appliedAt: row.applied_at,
  };
}

async function toResponse(db: Queryable, row: ResponseRow): Promise<SurveyResponseRecord> {
  const answers = await db.query<{ question_key: string; value: unknown }>(
    sql`SELECT question_key, value FROM survey_answer WHERE response_id = ${row.id} ORDER BY question_key`,
  );
  return {
    ...toResponseHead(row),
    answers: Object.fromEntries(answers.map((answer) => [answer.question_key, answer.value])),
  };
}

/** The response of one Kommune to one campaign. */
export async function findResponse(
  db: Queryable,
  campaignId: number,
  organisationKey: string,
  options: { forUpdate?: boolean } = {},
): Promise<SurveyResponseRecord | undefined> {
  const [row] = await db.query<ResponseRow>(
    sql`${SELECT_RESPONSE} WHERE r.campaign_id = ${campaignId} AND r.organisation_key = ${organisationKey}
        ${options.forUpdate ? sql`FOR UPDATE OF r` : sql``}`,
  );
  return row ? toResponse(db, row) : undefined;
}

/** A response by id. */
export async function findResponseById(
  db: Queryable,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<SurveyResponseRecord | undefined> {
  const [row] = await db.query<ResponseRow>(
    sql`${SELECT_RESPONSE} WHERE r.id = ${id} ${options.forUpdate ? sql`FOR UPDATE OF r` : sql``}`,
  );
  return row ? toResponse(db, row) : undefined;
}

/** Responses of one Kommune (newest campaign first), without answers. */
export async function listResponsesOfOrganisation(
  db: Queryable,
  organisationKey: string,
): Promise<Array<Omit<SurveyResponseRecord, "answers">>> {
  const rows = await db.query<ResponseRow>(
    sql`${SELECT_RESPONSE} WHERE r.organisation_key = ${organisationKey} ORDER BY r.campaign_id DESC`,
  );
  return rows.map(toResponseHead);
}

/** Saves answers (upsert; null removes an answer). */
export async function saveAnswers(
  tx: Queryable,
  responseId: number,
  answers: Answers,
  updatedBy: string,
): Promise<void> {
  const entries = Object.entries(answers);
  const removed = entries
    .filter(([, value]) => value === null || value === undefined)
    .map(([key]) => key);
  const kept = entries.filter(([, value]) => value !== null && value !== undefined);
  if (removed.length > 0) {
    await tx.query(
      sql`DELETE FROM survey_answer WHERE response_id = ${responseId} AND question_key = ANY(${removed})`,
    );
  }
  await insertRows(
    tx,
    "survey_answer",
    ["response_id", "question_key", "value", "updated_by"],
    kept.map(([key, value]) => [responseId, key, JSON.stringify(value), updatedBy]),
    "ON CONFLICT (response_id, question_key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by",
  );
  await tx.query(sql`UPDATE survey_response SET updated_at = now() WHERE id = ${responseId}`);
}

/** Moves a response to a new state, recording who did it. */
export async function setResponseStatus(
  tx: Queryable,
  responseId: number,
  status: ResponseStatus,
  by: string,
  comment: string | null = null,
): Promise<void> {
  if (status === "submitted") {
    await tx.query(sql`UPDATE survey_response SET status = 'submitted', submitted_at = now(), submitted_by = ${by},
      updated_at = now() WHERE id = ${responseId}`);
  } else {
    await tx.query(sql`UPDATE survey_response SET status = ${status}, reviewed_at = now(), reviewed_by = ${by},
      review_comment = ${comment}, updated_at = now() WHERE id = ${responseId}`);
  }
}

/** Marks a response's answers as applied to the landscape. */
export async function markResponseApplied(tx: Queryable, responseId: number): Promise<void> {
  await tx.query(sql`UPDATE survey_response SET applied_at = now() WHERE id = ${responseId}`);
}

/** Stores the hash of a new personal link. */
export async function createSurveyToken(
  tx: Queryable,
  token: {
    tokenHash: string;
    responseId: number;
    label: string;
    createdBy: string;
    expiresAt: string;
  },
): Promise<void> {
  await tx.query(sql`INSERT INTO survey_token (token_hash, response_id, label, created_by, expires_at)
    VALUES (${token.tokenHash}, ${token.responseId}, ${token.label}, ${token.createdBy}, ${token.expiresAt}::timestamptz)`);
}

/** The response a valid (unexpired, unrevoked) link opens, or undefined. */
export async function findResponseIdByToken(
  db: Queryable,
  tokenHash: string,
): Promise<{ responseId: number; label: string } | undefined> {
  const [row] = await db.query<{ response_id: number; label: string }>(sql`
    UPDATE survey_token SET last_used_at = now()
    WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND expires_at > now()
    RETURNING response_id, label`);
  return row ? { responseId: row.response_id, label: row.label } : undefined;
}

/** A comment on a response (optionally on one question). */
export interface SurveyComment {
  id: number;
  questionKey: string | null;
  author: string;
  body: string;
  createdAt: string;
}

/** Adds a comment. */
export async function addSurveyComment(
  tx: Queryable,
  responseId: number,
  comment: { questionKey: string | null; author: string; body: string },
): Promise<number> {
  const [row] = await tx.query<{
    id: number;
  }>(sql`INSERT INTO survey_comment (response_id, question_key, author, body)
    VALUES (${responseId}, ${comment.questionKey}, ${comment.author}, ${comment.body}) RETURNING id`);
  return row?.id ?? 0;
}

/** Comments of a response, oldest first. */
export async function listSurveyComments(
  db: Queryable,
  responseId: number,
): Promise<SurveyComment[]> {
  const rows = await db.query<{
    id: number;
    question_key: string | null;
    author: string;
    body: string;
    created_at: string;
  }>(
    sql`SELECT id, question_key, author, body, to_char(created_at AT TIME ZONE 'UTC', ${ISO}) AS created_at
        FROM survey_comment WHERE response_id = ${responseId} ORDER BY id`,
  );
  return rows.map((row) => ({
    id: row.id,
    questionKey: row.question_key,
    author: row.author,
    body: row.body,
    createdAt: row.created_at,
  }));
}

/** Hands a section ('' = general questions) to a colleague (replaces an earlier delegation). */
export async function setDelegation(
  tx: Queryable,
  responseId: number,
  delegation: { section: string; delegate: string; createdBy: string },
): Promise<void> {
  await tx.query(sql`INSERT INTO survey_delegation (response_id, section, delegate, created_by)
    VALUES (${responseId}, ${delegation.section}, ${delegation.delegate}, ${delegation.createdBy})
    ON CONFLICT (response_id, section) DO UPDATE SET delegate = EXCLUDED.delegate, created_by = EXCLUDED.created_by, created_at = now()`);
}

/** Delegations of a response. */
export async function listDelegations(
  db: Queryable,
  responseId: number,
): Promise<Array<{ section: string; delegate: string }>> {
  return db.query<{ section: string; delegate: string }>(
    sql`SELECT section, delegate FROM survey_delegation WHERE response_id = ${responseId} ORDER BY section`,
  );
}

/** One response's state with where its Kommune lies (for progress and reminders). */
export interface ResponseProgressRow {
  organisationKey: string;
  organisationName: string;
  kind: "gemeinde" | "kreis";
  municipalityType: string | null;
  kreisKey: string | null;
  regierungsbezirkKey: string | null;
  status: ResponseStatus;
  /** Whether anyone has saved an answer (a draft without one has not been started). */
  answered: boolean;
  updatedAt: string;
}

/** Every response of a campaign with its Kommune's place. */
export async function listResponseProgress(
  db: Queryable,
  campaignId: number,
): Promise<ResponseProgressRow[]> {
  const rows = await db.query<{
    organisation_key: string;
    name: string;
    kind: "gemeinde" | "kreis";
    municipality_type: string | null;
    kreis_key: string | null;
    regierungsbezirk_key: string | null;
    status: ResponseStatus;
    answered: boolean;
    updated_at: string;
  }>(sql`
    SELECT r.organisation_key, o.name, o.kind, o.municipality_type,
           CASE WHEN o.kind = 'kreis' THEN o.key ELSE o.kreis_key END AS kreis_key,
           o.regierungsbezirk_key, r.status,
           EXISTS (SELECT 1 FROM survey_answer a WHERE a.response_id = r.id) AS answered,
           to_char(r.updated_at AT TIME ZONE 'UTC', ${ISO}) AS updated_at
    FROM survey_response r JOIN organisation o ON o.key = r.organisation_key
    WHERE r.campaign_id = ${campaignId} ORDER BY o.name`);
  return rows.map((row) => ({
    organisationKey: row.organisation_key,
    organisationName: row.name,
    kind: row.kind,
    municipalityType: row.municipality_type,
    kreisKey: row.kreis_key,
    regierungsbezirkKey: row.regierungsbezirk_key,
    status: row.status,
    answered: row.answered,
    updatedAt: row.updated_at,
  }));
}

/** Every stored answer of a campaign (for results and export), with the Kommune's type. */
export async function listCampaignAnswers(
  db: Queryable,
  campaignId: number,
  statuses: readonly ResponseStatus[],
): Promise<
  Array<{
    organisationKey: string;
    organisationName: string;
    municipalityType: string | null;
    kind: string;
    status: ResponseStatus;
    questionKey: string;
    value: unknown;
  }>
> {
  const rows = await db.query<{
    organisation_key: string;
    name: string;
    municipality_type: string | null;
    kind: string;
    status: ResponseStatus;
    question_key: string;
    value: unknown;
  }>(sql`
    SELECT r.organisation_key, o.name, o.municipality_type, o.kind, r.status, a.question_key, a.value
    FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
    JOIN organisation o ON o.key = r.organisation_key
    WHERE r.campaign_id = ${campaignId} AND r.status = ANY(${[...statuses]})
    ORDER BY r.organisation_key, a.question_key`);
  return rows.map((row) => ({
    organisationKey: row.organisation_key,
    organisationName: row.name,
    municipalityType: row.municipality_type,
    kind: row.kind,
    status: row.status,
    questionKey: row.question_key,
    value: row.value,
  }));
}

/** Providers each Kommune is a member of (for results by provider). */
export async function listMembershipProviders(
  db: Queryable,
  organisationKeys: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await db.query<{ organisation_key: string; provider_id: string }>(sql`
    SELECT DISTINCT organisation_key, provider_id FROM membership
    WHERE organisation_key = ANY(${[...organisationKeys]}) ORDER BY organisation_key, provider_id`);
  const result = new Map<string, string[]>();
  for (const row of rows)
    result.set(row.organisation_key, [
      ...(result.get(row.organisation_key) ?? []),
      row.provider_id,
    ]);
  return result;
}
