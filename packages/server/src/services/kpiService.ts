import {
  appendAudit,
  insertKpiSnapshot,
  listMeasureKpiRows,
  listSurveyCompletionCounts,
  type AuditEntry,
  type Database,
  type Queryable,
} from "@it-atlas/db";
import {
  computeKpis,
  operatorOf,
  MIN_AGGREGATE_GROUP,
  seesAllConfidential,
  canSeeConfidential,
  type KpiFigures,
  type KpiKommuneFacts,
  type KpiLevel,
  type KpiSourcingFact,
  type KpiTrigger,
  type KpiValue,
  type MeasureFact,
  type Principal,
  type Sourcing,
} from "@it-atlas/domain";
import type { LandscapeReader } from "./landscapeService.ts";
import { todayInGermany } from "./landscapeService.ts";
import type { OzgBoard } from "./ozgReadinessService.ts";

function toSourcingFact(sourcing: Sourcing): KpiSourcingFact {
  return {
    domainId: sourcing.domain.id,
    supplier: operatorOf(sourcing).key,
    providerId: sourcing.provider?.id ?? null,
    volume: sourcing.volume,
    runningCost: sourcing.runningCost,
    investmentCost: sourcing.investmentCost,
    demo: sourcing.demo,
  };
}

/** Sources of the facts a KPI computation reads. */
export interface KpiSources {
  db: Queryable;
  landscape: LandscapeReader;
  board: OzgBoard;
  /** The measures to count for „Maßnahmen termingerecht“ (the measure table, or a test's list). */
  measures: () => Promise<readonly MeasureFact[]>;
}

/**
 * The one place that builds the sources of the Kennzahlen (page, snapshots, job, reports), so
 * none of them can leave out a source such as the measures.
 */
export function kpiSources(db: Queryable, landscape: LandscapeReader, board: OzgBoard): KpiSources {
  return { db, landscape, board, measures: () => listMeasureKpiRows(db) };
}

/**
 * The facts of every Kommune as of a day: landscape (sourcing, cost, volume), OZG coverage from
 * the same board as /api/ozg/readiness, and survey completion.
 */
export async function loadKpiFacts(sources: KpiSources, asOf: string): Promise<KpiKommuneFacts[]> {
  const [board, sourcing, survey] = await Promise.all([
    sources.board.state(),
    sources.landscape.all({ asOf }),
    listSurveyCompletionCounts(sources.db),
  ]);
  const sourcingByKommune = new Map<string, KpiSourcingFact[]>();
  for (const entry of sourcing) {
    const list = sourcingByKommune.get(entry.organisation.ags) ?? [];
    list.push(toSourcingFact(entry));
    sourcingByKommune.set(entry.organisation.ags, list);
  }
  const surveyByKommune = new Map(survey.map((row) => [row.organisationKey, row]));
  return board.kommunen.map(({ kommune, population, coverage }) => ({
    key: kommune.key,
    name: kommune.name,
    kind: kommune.kind === "kreis" ? "kreis" : "gemeinde",
    kreisKey: kommune.kreisKey,
    kreisName: kommune.kreisName,
    regierungsbezirkKey: kommune.regierungsbezirkKey,
    regierungsbezirkName: kommune.regierungsbezirkName,
    population,
    sourcing: sourcingByKommune.get(kommune.key) ?? [],
    ozg: { responsible: coverage.responsible, online: coverage.online },
    survey: {
      responses: surveyByKommune.get(kommune.key)?.responses ?? 0,
      completed: surveyByKommune.get(kommune.key)?.completed ?? 0,
    },
  }));
}

/** The Kennzahlen of every scope now, measures included. */
export async function currentKpis(sources: KpiSources, now = new Date()): Promise<KpiValue[]> {
  const asOf = todayInGermany(now);
  return computeKpis(await loadKpiFacts(sources, asOf), {
    asOf,
    measures: await sources.measures(),
  });
}

/** The current figures of one scope (for reports: the same numbers as the snapshots). */
export async function currentKpiValue(
  sources: KpiSources,
  level: KpiLevel,
  key: string,
): Promise<KpiValue | undefined> {
  return (await currentKpis(sources)).find((value) => value.level === level && value.key === key);
}

/** Computes and stores a snapshot of every scope with an audit entry; returns id and count. */
export async function takeKpiSnapshot(
  db: Database,
  sources: KpiSources,
  trigger: KpiTrigger,
  {
    authorName,
    ...actor
  }: Omit<AuditEntry, "action" | "entityType" | "entityId" | "before" | "after"> & {
    /** Shown with the snapshot (display name, never an e-mail address). */
    authorName: string;
  },
): Promise<{ id: number; scopes: number }> {
  const values = await currentKpis(sources);
  return db.transaction(async (tx) => {
    const id = await insertKpiSnapshot(tx, { trigger, takenBy: authorName, values });
    await appendAudit(tx, {
      ...actor,
      action: "create",
      entityType: "kpi_snapshot",
      entityId: String(id),
      before: null,
      after: { trigger, scopes: values.length },
    });
    return { id, scopes: values.length };
  });
}

/**
 * Whether the principal may see the cost figures of a scope: KDN and administrators always, a
 * Kommune its own, everyone signed in aggregates of at least MIN_AGGREGATE_GROUP Kommunen (the
 * same rule as the domain summaries).
 */
export function maySeeKpiCosts(
  principal: Principal,
  level: KpiLevel,
  key: string,
  figures: KpiFigures,
): boolean {
  if (seesAllConfidential(principal)) return true;
  if (
    level === "kommune" &&
    canSeeConfidential(principal, { organisationKey: key, providerId: null })
  )
    return true;
  return level !== "kommune" && figures.kommunen >= MIN_AGGREGATE_GROUP;
}

/** Figures as a viewer sees them: costs are null when hidden. */
export type KpiFiguresView = Omit<KpiFigures, "runningCost" | "investmentCost"> & {
  runningCost: number | null;
  investmentCost: number | null;
  costHidden: boolean;
};

/** The figures with costs removed where the principal may not see them. */
export function redactKpiFigures(
  principal: Principal,
  level: KpiLevel,
  key: string,
  figures: KpiFigures,
): KpiFiguresView {
  if (maySeeKpiCosts(principal, level, key, figures)) return { ...figures, costHidden: false };
  return { ...figures, runningCost: null, investmentCost: null, costHidden: true };
}
