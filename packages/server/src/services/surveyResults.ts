import {
  getCampaign,
  listCampaignAnswers,
  listMembershipProviders,
  listResponseProgress,
  type Database,
} from "@it-atlas/db";
import {
  MIN_AGGREGATE_GROUP,
  seesAllConfidential,
  progressState,
  type Principal,
  type ProgressState,
} from "@it-atlas/domain";
import { todayInGermany } from "./landscapeService.ts";

type StatusCounts = Record<ProgressState, number>;
const emptyCounts = (): StatusCounts => ({
  not_started: 0,
  draft: 0,
  submitted: 0,
  accepted: 0,
  returned: 0,
});

function countBy<T>(
  rows: readonly T[],
  key: (row: T) => string | null,
  status: (row: T) => ProgressState,
) {
  const groups = new Map<string, StatusCounts>();
  for (const row of rows) {
    const group = key(row);
    if (group === null) continue;
    const counts = groups.get(group) ?? emptyCounts();
    counts[status(row)] += 1;
    groups.set(group, counts);
  }
  return [...groups.entries()].map(([groupKey, counts]) => ({ key: groupKey, counts }));
}

/**
 * Progress of a campaign: each Kommune's state (for the map), counts per Kreis and
 * Regierungsbezirk, and the reminder list (not yet submitted; overdue after the period).
 */
export async function campaignProgress(db: Database, campaignId: number) {
  const campaign = await getCampaign(db, campaignId);
  const rows = (await listResponseProgress(db, campaignId)).map((row) => ({
    ...row,
    state: progressState(row.status, row.answered),
  }));
  const overdue = todayInGermany() > campaign.periodEnd;
  return {
    campaignId,
    periodEnd: campaign.periodEnd,
    total: rows.length,
    counts: rows.reduce(
      (counts, row) => ({ ...counts, [row.state]: counts[row.state] + 1 }),
      emptyCounts(),
    ),
    organisations: rows.map((row) => ({
      key: row.organisationKey,
      name: row.organisationName,
      kind: row.kind,
      status: row.state,
    })),
    byKreis: countBy(
      rows,
      (row) => row.kreisKey,
      (row) => row.state,
    ),
    byRegierungsbezirk: countBy(
      rows,
      (row) => row.regierungsbezirkKey,
      (row) => row.state,
    ),
    reminders: rows
      .filter((row) => row.status === "draft" || row.status === "returned")
      .map((row) => ({
        key: row.organisationKey,
        name: row.organisationName,
        status: row.state,
        // Nobody has changed a response that was never started: no „zuletzt geändert“.
        lastChange: row.state === "not_started" ? null : row.updatedAt,
        overdue,
      })),
  };
}

type Distribution = {
  group: string;
  kommunen: number;
  suppressed: boolean;
  counts: Record<string, number>;
};

function distribution(
  entries: ReadonlyArray<{ groups: string[]; values: string[] }>,
  suppress: boolean,
): Distribution[] {
  const groups = new Map<string, { kommunen: number; counts: Record<string, number> }>();
  for (const entry of entries) {
    for (const group of entry.groups) {
      const current = groups.get(group) ?? { kommunen: 0, counts: {} };
      current.kommunen += 1;
      for (const value of entry.values) current.counts[value] = (current.counts[value] ?? 0) + 1;
      groups.set(group, current);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, { kommunen, counts }]) => {
      const hidden = suppress && kommunen < MIN_AGGREGATE_GROUP;
      return { group, kommunen, suppressed: hidden, counts: hidden ? {} : counts };
    });
}

function valuesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "object" && value !== null)
    return Object.entries(value).map(([row, cell]) => `${row}: ${String(cell)}`);
  return [String(value)];
}

/**
 * Per-question aggregates of submitted and accepted answers, by size class and by provider.
 * Groups of fewer than {@link MIN_AGGREGATE_GROUP} Kommunen are suppressed for viewers
 * without full access (no single Kommune's answer can be read off a chart).
 */
export async function campaignResults(db: Database, campaignId: number, principal: Principal) {
  const campaign = await getCampaign(db, campaignId);
  const answers = await listCampaignAnswers(db, campaignId, ["submitted", "accepted"]);
  const suppress = !seesAllConfidential(principal);
  const providers = await listMembershipProviders(db, [
    ...new Set(answers.map((answer) => answer.organisationKey)),
  ]);
  const questions = campaign.questions
    .filter((question) =>
      ["single_choice", "multiple_choice", "scale", "matrix"].includes(question.type),
    )
    .map((question) => {
      const entries = answers.filter((answer) => answer.questionKey === question.key);
      const sizeClass = entries.map((entry) => ({
        groups: [entry.municipalityType ?? entry.kind],
        values: valuesOf(entry.value),
      }));
      const byProvider = entries.map((entry) => ({
        groups: providers.get(entry.organisationKey) ?? ["ohne"],
        values: valuesOf(entry.value),
      }));
      const all = distribution(
        entries.map((entry) => ({ groups: ["alle"], values: valuesOf(entry.value) })),
        suppress,
      );
      return {
        key: question.key,
        label: question.label,
        type: question.type,
        answered: entries.length,
        total: all[0] ?? null,
        bySizeClass: distribution(sizeClass, suppress),
        byProvider: distribution(byProvider, suppress),
      };
    });
  return { campaignId, title: campaign.title, questions };
}
