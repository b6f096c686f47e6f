import {
  assertNoDependencyCycle,
  isBlocked,
  isOverdue,
  NotFoundError,
  type ExpertRole,
  type Measure,
  type MeasureInput,
  type MeasureStatus,
  type Milestone,
  type MilestoneInput,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { raw, sql, whereAll, type SqlFragment } from "../client/sql.ts";

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS"Z"';

/** Sort keys of the measure list. */
export type MeasureSort = "title" | "startDate" | "dueDate" | "status" | "wave";

const SORT_COLUMNS: Record<MeasureSort, string> = {
  title: "m.title",
  startDate: "m.start_date",
  dueDate: "m.due_date",
  status:
    "array_position(ARRAY['blockiert','in_arbeit','geplant','erledigt','verworfen']::text[], m.status)",
  wave: "m.wave",
};

/** Filters of the measure list; without `pageSize` every match is returned. */
export interface MeasureFilter {
  status?: MeasureStatus | undefined;
  domainId?: string | undefined;
  providerId?: string | undefined;
  /** Kreisschlüssel: measures for the Kreis itself or one of its Gemeinden. */
  kreisKey?: string | undefined;
  kommuneKey?: string | undefined;
  scenarioId?: string | undefined;
  ownerUserId?: number | undefined;
  /** Search in title and description. */
  query?: string | undefined;
  /** Only measures due before `today` and not done. */
  overdue?: boolean | undefined;
  /** ISO date of today (Germany) for the overdue and blocked flags. */
  today: string;
  sort?: MeasureSort | undefined;
  direction?: "asc" | "desc" | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

interface MeasureRow {
  id: number;
  title: string;
  description: string | null;
  scenario_id: string | null;
  strategy_id: number | null;
  strategy_domain_id: string | null;
  owner_user_id: number | null;
  owner_name: string | null;
  start_date: string | null;
  due_date: string | null;
  status: MeasureStatus;
  wave: number | null;
  one_off_cost: number | null;
  updated_at: string;
  updated_by: string;
}

function conditionsOf(filter: MeasureFilter): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filter.status) conditions.push(sql`m.status = ${filter.status}`);
  if (filter.scenarioId) conditions.push(sql`m.scenario_id = ${filter.scenarioId}`);
  if (filter.ownerUserId) conditions.push(sql`m.owner_user_id = ${filter.ownerUserId}`);
  if (filter.domainId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM measure_domain x WHERE x.measure_id = m.id AND x.domain_id = ${filter.domainId})`,
    );
  }
  if (filter.providerId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM measure_provider x WHERE x.measure_id = m.id AND x.provider_id = ${filter.providerId})`,
    );
  }
  if (filter.kommuneKey) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM measure_kommune x WHERE x.measure_id = m.id AND x.organisation_key = ${filter.kommuneKey})`,
    );
  }
  if (filter.kreisKey) {
    conditions.push(sql`EXISTS (SELECT 1 FROM measure_kommune x JOIN organisation o ON o.key = x.organisation_key
      WHERE x.measure_id = m.id AND (o.key = ${filter.kreisKey} OR o.kreis_key = ${filter.kreisKey}))`);
  }
  if (filter.query) {
    const pattern = `%${filter.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(
      sql`(m.title ILIKE ${pattern} OR coalesce(m.description, '') ILIKE ${pattern})`,
    );
  }
  if (filter.overdue) {
    conditions.push(
      sql`m.due_date < ${filter.today}::date AND m.status NOT IN ('erledigt','verworfen')`,
    );
  }
  return conditions;
}

const SELECT_MEASURE = sql`
  SELECT m.id, m.title, m.description, m.scenario_id, m.strategy_id, m.strategy_domain_id,
         m.owner_user_id, u.display_name AS owner_name, m.start_date, m.due_date, m.status, m.wave,
         m.one_off_cost, to_char(m.updated_at AT TIME ZONE 'UTC', ${ISO}) AS updated_at, m.updated_by
  FROM measure m LEFT JOIN app_user u ON u.id = m.owner_user_id`;

/** Loads scope, team, dependencies and milestones of measure rows (a few batched queries). */
async function hydrate(db: Queryable, rows: MeasureRow[], today: string): Promise<Measure[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [kommunen, domains, providers, team, dependencies, milestones] = await Promise.all([
    db.query<{
      measure_id: number;
      key: string;
      name: string;
      kreis_key: string | null;
      kreis_name: string | null;
    }>(sql`
      SELECT x.measure_id, o.key, o.name,
             CASE WHEN o.kind = 'kreis' THEN o.key ELSE o.kreis_key END AS kreis_key,
             CASE WHEN o.kind = 'kreis' THEN o.name ELSE k.name END AS kreis_name
      FROM measure_kommune x JOIN organisation o ON o.key = x.organisation_key
      LEFT JOIN organisation k ON k.key = o.kreis_key
      WHERE x.measure_id = ANY(${ids}) ORDER BY o.name`),
    db.query<{ measure_id: number; id: string; name: string }>(sql`
      SELECT x.measure_id, d.id, d.name FROM measure_domain x JOIN service_domain d ON d.id = x.domain_id
      WHERE x.measure_id = ANY(${ids}) ORDER BY d.position, d.name`),
    db.query<{ measure_id: number; id: string; name: string }>(sql`
      SELECT x.measure_id, p.id, p.short_name AS name FROM measure_provider x JOIN provider p ON p.id = x.provider_id
      WHERE x.measure_id = ANY(${ids}) ORDER BY p.short_name`),
    db.query<{ measure_id: number; user_id: number; name: string; expert_role: ExpertRole }>(sql`
      SELECT t.measure_id, t.user_id, u.display_name AS name, t.expert_role
      FROM measure_team_member t JOIN app_user u ON u.id = t.user_id
      WHERE t.measure_id = ANY(${ids}) ORDER BY t.expert_role, u.display_name`),
    db.query<{
      measure_id: number;
      id: number;
      title: string;
      status: MeasureStatus;
      due_date: string | null;
    }>(sql`
      SELECT x.measure_id, d.id, d.title, d.status, d.due_date FROM measure_dependency x JOIN measure d ON d.id = x.depends_on_id
      WHERE x.measure_id = ANY(${ids}) ORDER BY d.start_date NULLS LAST, d.id`),
    db.query<{
      measure_id: number;
      id: number;
      title: string;
      due_date: string;
      done: boolean;
    }>(sql`
      SELECT measure_id, id, title, due_date, done FROM measure_milestone
      WHERE measure_id = ANY(${ids}) ORDER BY due_date, id`),
  ]);
  const of = <T extends { measure_id: number }>(list: T[], id: number) =>
    list.filter((row) => row.measure_id === id);
  return rows.map((row) => {
    const dependsOn = of(dependencies, row.id).map((d) => ({
      id: d.id,
      title: d.title,
      status: d.status,
    }));
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      kommunen: of(kommunen, row.id).map((k) => ({
        key: k.key,
        name: k.name,
        kreisKey: k.kreis_key,
        kreisName: k.kreis_name,
      })),
      domains: of(domains, row.id).map((d) => ({ id: d.id, name: d.name })),
      providers: of(providers, row.id).map((p) => ({ id: p.id, name: p.name })),
      scenarioId: row.scenario_id,
      strategyId: row.strategy_id,
      strategyDomainId: row.strategy_domain_id,
      owner:
        row.owner_user_id === null ? null : { id: row.owner_user_id, name: row.owner_name ?? "" },
      team: of(team, row.id).map((t) => ({
        userId: t.user_id,
        name: t.name,
        expertRole: t.expert_role,
      })),
      startDate: row.start_date,
      dueDate: row.due_date,
      status: row.status,
      wave: row.wave,
      oneOffCost: row.one_off_cost,
      dependsOn,
      milestones: of(milestones, row.id).map(toMilestone),
      overdue: isOverdue({ status: row.status, dueDate: row.due_date }, today),
      blocked: isBlocked(
        { status: row.status, startDate: row.start_date },
        of(dependencies, row.id).map((d) => ({ status: d.status, dueDate: d.due_date })),
        today,
      ),
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  });
}

function toMilestone(row: {
  measure_id: number;
  id: number;
  title: string;
  due_date: string;
  done: boolean;
}): Milestone {
  return {
    id: row.id,
    measureId: row.measure_id,
    title: row.title,
    dueDate: row.due_date,
    done: row.done,
  };
}

/** Measures matching the filter, sorted and paged; `total` counts every match. */
export async function listMeasures(
  db: Queryable,
  filter: MeasureFilter,
): Promise<{ items: Measure[]; total: number }> {
  const where = whereAll(conditionsOf(filter));
  const column = SORT_COLUMNS[filter.sort ?? "startDate"];
  const direction = filter.direction === "desc" ? "DESC" : "ASC";
  const paging =
    filter.pageSize === undefined
      ? sql``
      : sql`LIMIT ${filter.pageSize} OFFSET ${((filter.page ?? 1) - 1) * filter.pageSize}`;
  const [rows, counted] = await Promise.all([
    db.query<MeasureRow>(
      sql`${SELECT_MEASURE} ${where} ORDER BY ${raw(column)} ${raw(direction)} NULLS LAST, m.id ${paging}`,
    ),
    db.query<{ total: number }>(sql`SELECT count(*)::int AS total FROM measure m ${where}`),
  ]);
  return { items: await hydrate(db, rows, filter.today), total: counted[0]?.total ?? 0 };
}

/** Several measures by id, in the order of `ids` (unknown ids are left out). */
export async function listMeasuresByIds(
  db: Queryable,
  ids: readonly number[],
  today: string,
): Promise<Measure[]> {
  const rows = await db.query<MeasureRow>(sql`${SELECT_MEASURE} WHERE m.id = ANY(${[...ids]})`);
  const byId = new Map((await hydrate(db, rows, today)).map((measure) => [measure.id, measure]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One measure, or undefined. */
export async function findMeasure(
  db: Queryable,
  id: number,
  today: string,
): Promise<Measure | undefined> {
  const rows = await db.query<MeasureRow>(sql`${SELECT_MEASURE} WHERE m.id = ${id}`);
  const [measure] = await hydrate(db, rows, today);
  return measure;
}

/** One measure; NotFoundError when it does not exist. */
export async function getMeasure(db: Queryable, id: number, today: string): Promise<Measure> {
  const measure = await findMeasure(db, id, today);
  if (!measure) throw new NotFoundError("measure_not_found", `Es gibt keine Maßnahme ${id}.`);
  return measure;
}

async function assertKnown(
  tx: Queryable,
  ids: readonly (string | number)[],
  query: SqlFragment,
  code: string,
  describe: (id: string) => string,
): Promise<void> {
  if (ids.length === 0) return;
  const known = new Set((await tx.query<{ id: string | number }>(query)).map((r) => String(r.id)));
  const missing = ids.map(String).filter((id) => !known.has(id));
  if (missing.length > 0) throw new NotFoundError(code, describe(missing.join(", ")));
}

/** Checks that every Kommune, domain, provider, account and strategy a measure names exists. */
async function assertReferences(tx: Queryable, input: MeasureInput): Promise<void> {
  await assertKnown(
    tx,
    input.kommuneKeys,
    sql`SELECT key AS id FROM organisation WHERE key = ANY(${input.kommuneKeys}) AND kind IN ('gemeinde','kreis')`,
    "organisation_not_found",
    (ids) => `Unbekannte Kommune: ${ids}.`,
  );
  const domainIds = [
    ...input.domainIds,
    ...(input.strategyDomainId ? [input.strategyDomainId] : []),
  ];
  await assertKnown(
    tx,
    domainIds,
    sql`SELECT id FROM service_domain WHERE id = ANY(${domainIds})`,
    "domain_not_found",
    (ids) => `Unbekannter Leistungsbereich: ${ids}.`,
  );
  await assertKnown(
    tx,
    input.providerIds,
    sql`SELECT id FROM provider WHERE id = ANY(${input.providerIds})`,
    "provider_not_found",
    (ids) => `Es gibt keinen IT-Dienstleister „${ids}“.`,
  );
  const userIds = [
    ...(input.ownerUserId ? [input.ownerUserId] : []),
    ...input.team.map((member) => member.userId),
  ];
  await assertKnown(
    tx,
    userIds,
    sql`SELECT id FROM app_user WHERE id = ANY(${userIds}) AND status <> 'deactivated'`,
    "user_not_found",
    (ids) => `Unbekanntes oder deaktiviertes Konto: ${ids}.`,
  );
  if (input.strategyId !== null) {
    await assertKnown(
      tx,
      [input.strategyId],
      sql`SELECT id FROM strategy WHERE id = ${input.strategyId}`,
      "strategy_not_found",
      (ids) => `Es gibt keine Strategie ${ids}.`,
    );
  }
}

async function writeScope(
  tx: Queryable,
  id: number,
  input: MeasureInput,
  replace: boolean,
): Promise<void> {
  if (replace) {
    await tx.query(sql`DELETE FROM measure_kommune WHERE measure_id = ${id}`);
    await tx.query(sql`DELETE FROM measure_domain WHERE measure_id = ${id}`);
    await tx.query(sql`DELETE FROM measure_provider WHERE measure_id = ${id}`);
    await tx.query(sql`DELETE FROM measure_team_member WHERE measure_id = ${id}`);
  }
  const unique = <T>(values: readonly T[]) => [...new Set(values)];
  await insertRows(
    tx,
    "measure_kommune",
    ["measure_id", "organisation_key"],
    unique(input.kommuneKeys).map((key) => [id, key]),
  );
  await insertRows(
    tx,
    "measure_domain",
    ["measure_id", "domain_id"],
    unique(input.domainIds).map((domainId) => [id, domainId]),
  );
  await insertRows(
    tx,
    "measure_provider",
    ["measure_id", "provider_id"],
    unique(input.providerIds).map((providerId) => [id, providerId]),
  );
  await insertRows(
    tx,
    "measure_team_member",
    ["measure_id", "user_id", "expert_role"],
    unique(input.team.map((member) => `${member.userId}/${member.expertRole}`)).map((pair) => {
      const [userId, role] = pair.split("/");
      return [id, Number(userId), role];
    }),
  );
}

/** Creates a measure with its scope and team; returns its id. */
export async function createMeasure(
  tx: Queryable,
  input: MeasureInput,
  actorLabel: string,
): Promise<number> {
  await assertReferences(tx, input);
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO measure (title, description, scenario_id, strategy_id, strategy_domain_id, owner_user_id,
                         start_date, due_date, status, wave, one_off_cost, created_by, updated_by)
    VALUES (${input.title}, ${input.description}, ${input.scenarioId}, ${input.strategyId},
            ${input.strategyDomainId}, ${input.ownerUserId}, ${input.startDate}, ${input.dueDate},
            ${input.status}, ${input.wave}, ${input.oneOffCost}, ${actorLabel}, ${actorLabel})
    RETURNING id`);
  if (!row) throw new Error("Maßnahme nicht angelegt");
  await writeScope(tx, row.id, input, false);
  return row.id;
}

/** Replaces a measure's fields, scope and team. */
export async function updateMeasure(
  tx: Queryable,
  id: number,
  input: MeasureInput,
  actorLabel: string,
): Promise<void> {
  await assertReferences(tx, input);
  const updated = await tx.query<{ id: number }>(sql`
    UPDATE measure SET title = ${input.title}, description = ${input.description},
      scenario_id = ${input.scenarioId}, strategy_id = ${input.strategyId},
      strategy_domain_id = ${input.strategyDomainId}, owner_user_id = ${input.ownerUserId},
      start_date = ${input.startDate}, due_date = ${input.dueDate}, status = ${input.status},
      wave = ${input.wave}, one_off_cost = ${input.oneOffCost},
      updated_at = now(), updated_by = ${actorLabel}
    WHERE id = ${id} RETURNING id`);
  if (updated.length === 0) {
    throw new NotFoundError("measure_not_found", `Es gibt keine Maßnahme ${id}.`);
  }
  await writeScope(tx, id, input, true);
}

/** Deletes a measure (its milestones, scope and dependencies go with it). */
export async function deleteMeasure(tx: Queryable, id: number): Promise<void> {
  const deleted = await tx.query(sql`DELETE FROM measure WHERE id = ${id} RETURNING id`);
  if (deleted.length === 0) {
    throw new NotFoundError("measure_not_found", `Es gibt keine Maßnahme ${id}.`);
  }
}

/**
 * Replaces the measures `id` depends on. Refuses unknown measures (404) and cycles (409, naming
 * the cycle). Writers are serialised by a table lock so two requests cannot close a cycle together.
 */
export async function setMeasureDependencies(
  tx: Queryable,
  id: number,
  dependsOnIds: readonly number[],
): Promise<void> {
  await tx.query(sql`LOCK TABLE measure_dependency IN SHARE ROW EXCLUSIVE MODE`);
  const targets = [...new Set(dependsOnIds)];
  await assertKnown(
    tx,
    [id, ...targets],
    sql`SELECT id FROM measure WHERE id = ANY(${[id, ...targets]})`,
    "measure_not_found",
    (ids) => `Es gibt keine Maßnahme ${ids}.`,
  );
  const [measures, edges] = await Promise.all([
    tx.query<{ id: number; title: string }>(sql`SELECT id, title FROM measure`),
    tx.query<{ measure_id: number; depends_on_id: number }>(
      sql`SELECT measure_id, depends_on_id FROM measure_dependency WHERE measure_id <> ${id}`,
    ),
  ]);
  assertNoDependencyCycle(
    measures.map((measure) => ({
      id: measure.id,
      title: measure.title,
      dependsOn:
        measure.id === id
          ? targets
          : edges.filter((edge) => edge.measure_id === measure.id).map((e) => e.depends_on_id),
    })),
  );
  await tx.query(sql`DELETE FROM measure_dependency WHERE measure_id = ${id}`);
  await insertRows(
    tx,
    "measure_dependency",
    ["measure_id", "depends_on_id"],
    targets.map((target) => [id, target]),
  );
}

/** Adds a milestone; returns it. */
export async function addMilestone(
  tx: Queryable,
  measureId: number,
  input: MilestoneInput,
): Promise<Milestone> {
  const [row] = await tx.query<{
    measure_id: number;
    id: number;
    title: string;
    due_date: string;
    done: boolean;
  }>(sql`
    INSERT INTO measure_milestone (measure_id, title, due_date, done)
    SELECT id, ${input.title}, ${input.dueDate}, ${input.done} FROM measure WHERE id = ${measureId}
    RETURNING measure_id, id, title, due_date, done`);
  if (!row) {
    throw new NotFoundError("measure_not_found", `Es gibt keine Maßnahme ${measureId}.`);
  }
  return toMilestone(row);
}

/** Changes a milestone; returns it before and after the change. */
export async function updateMilestone(
  tx: Queryable,
  measureId: number,
  milestoneId: number,
  input: MilestoneInput,
): Promise<{ before: Milestone; after: Milestone }> {
  const [before] = await tx.query<{
    measure_id: number;
    id: number;
    title: string;
    due_date: string;
    done: boolean;
  }>(sql`SELECT measure_id, id, title, due_date, done FROM measure_milestone
         WHERE id = ${milestoneId} AND measure_id = ${measureId} FOR UPDATE`);
  if (!before) {
    throw new NotFoundError("milestone_not_found", `Es gibt keinen Meilenstein ${milestoneId}.`);
  }
  await tx.query(sql`UPDATE measure_milestone SET title = ${input.title}, due_date = ${input.dueDate},
    done = ${input.done} WHERE id = ${milestoneId}`);
  return {
    before: toMilestone(before),
    after: { ...toMilestone(before), title: input.title, dueDate: input.dueDate, done: input.done },
  };
}

/** Deletes a milestone; returns it. */
export async function deleteMilestone(
  tx: Queryable,
  measureId: number,
  milestoneId: number,
): Promise<Milestone> {
  const [row] = await tx.query<{
    measure_id: number;
    id: number;
    title: string;
    due_date: string;
    done: boolean;
  }>(sql`DELETE FROM measure_milestone WHERE id = ${milestoneId} AND measure_id = ${measureId}
         RETURNING measure_id, id, title, due_date, done`);
  if (!row) {
    throw new NotFoundError("milestone_not_found", `Es gibt keinen Meilenstein ${milestoneId}.`);
  }
  return toMilestone(row);
}

/** Display names of domains and providers, for titles of generated measures. */
export async function listDomainAndProviderNames(
  db: Queryable,
): Promise<{ domains: Map<string, string>; providers: Map<string, string> }> {
  const [domains, providers] = await Promise.all([
    db.query<{ id: string; name: string }>(sql`SELECT id, name FROM service_domain`),
    db.query<{ id: string; name: string }>(sql`SELECT id, short_name AS name FROM provider`),
  ]);
  return {
    domains: new Map(domains.map((row) => [row.id, row.name])),
    providers: new Map(providers.map((row) => [row.id, row.name])),
  };
}

/**
 * Accounts that may be named as owner or team member (active or invited): id and display name
 * only, so that every signed-in person does not learn everyone's e-mail address.
 */
export async function listAssignableUsers(
  db: Queryable,
): Promise<Array<{ id: number; name: string }>> {
  return db.query<{ id: number; name: string }>(sql`
    SELECT id, display_name AS name FROM app_user WHERE status <> 'deactivated' ORDER BY display_name, id`);
}

/** What the Kennzahl „Maßnahmen termingerecht“ reads of one measure. */
export interface MeasureKpiRow {
  id: number;
  due: string | null;
  status: MeasureStatus;
  /** The last change of a measure marked done (there is no separate done date); else null. */
  doneAt: string | null;
  organisationKeys: string[];
}

/** Every measure with due date, status, done date and Kommunen, for the Kennzahlen. */
export async function listMeasureKpiRows(db: Queryable): Promise<MeasureKpiRow[]> {
  return db.query<MeasureKpiRow>(sql`
    SELECT m.id,
           to_char(m.due_date, 'YYYY-MM-DD') AS due,
           m.status,
           CASE WHEN m.status = 'erledigt' THEN to_char(m.updated_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD') END AS "doneAt",
           coalesce((SELECT array_agg(mk.organisation_key ORDER BY mk.organisation_key)
                       FROM measure_kommune mk WHERE mk.measure_id = m.id), '{}') AS "organisationKeys"
      FROM measure m
     ORDER BY m.id`);
}
