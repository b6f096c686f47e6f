import {
  ConflictError,
  InputError,
  NotFoundError,
  type ProviderRef,
  type ProviderStatus,
  type ReorganisationMove,
  type ReorganisationPlan,
  type ReorganisationRequest,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql, type SqlFragment } from "../client/sql.ts";
import { bumpLandscapeRevision } from "./sourcingRepository.ts";

interface ProviderRow {
  id: string;
  short_name: string;
  name: string;
  status: ProviderStatus;
}

function toRef(row: ProviderRow): ProviderRef {
  return { id: row.id, shortName: row.short_name, name: row.name, status: row.status };
}

interface MoveRow {
  id: number;
  organisation_key: string | null;
  organisation_name: string | null;
  domain_id: string;
  domain_name: string;
  provider_id: string;
  valid_from: string;
  valid_to: string | null;
}

/** Rows of `table` (alias s) that the reorganisation touches: valid on or after the date. */
function affected(request: ReorganisationRequest): SqlFragment {
  const conditions = sql`s.provider_id = ANY(${request.sourceProviderIds})
    AND (s.valid_to IS NULL OR s.valid_to > ${request.effectiveDate}::date)`;
  return request.kind === "member_move"
    ? sql`${conditions} AND s.organisation_key = ${request.organisationKey}`
    : conditions;
}

async function loadMoves(tx: Queryable, request: ReorganisationRequest, lock: boolean) {
  const forUpdate = lock ? sql`FOR UPDATE OF s` : sql``;
  const sourcings = await tx.query<MoveRow>(
    sql`SELECT s.id, s.organisation_key, o.name AS organisation_name, s.domain_id, d.name AS domain_name,
               s.provider_id, s.valid_from::text AS valid_from, s.valid_to::text AS valid_to
        FROM sourcing s JOIN organisation o ON o.key = s.organisation_key
        JOIN service_domain d ON d.id = s.domain_id
        WHERE ${affected(request)} ORDER BY o.name, d.position, s.valid_from ${forUpdate}`,
  );
  const offers =
    request.kind === "member_move"
      ? []
      : await tx.query<MoveRow>(
          sql`SELECT s.id, NULL AS organisation_key, NULL AS organisation_name, s.domain_id, d.name AS domain_name,
                     s.provider_id, s.valid_from::text AS valid_from, s.valid_to::text AS valid_to
              FROM provider_offer s JOIN service_domain d ON d.id = s.domain_id
              WHERE ${affected(request)} ORDER BY d.position, s.valid_from ${forUpdate}`,
        );
  return { sourcings, offers };
}

async function validate(tx: Queryable, request: ReorganisationRequest, replay = false) {
  const ids = [...new Set(request.sourceProviderIds)];
  if (ids.length !== request.sourceProviderIds.length) {
    throw new InputError("duplicate_provider", "Ein Dienstleister ist mehrfach angegeben.", [
      { field: "sourceProviderIds", message: "enthält Dubletten" },
    ]);
  }
  const rows = await tx.query<ProviderRow>(
    sql`SELECT id, short_name, name, status FROM provider WHERE id = ANY(${[...ids, request.target.providerId]})`,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const sources = ids.map((id) => {
    const row = byId.get(id);
    if (!row)
      throw new NotFoundError("provider_not_found", `Es gibt keinen IT-Dienstleister „${id}“.`);
    return row;
  });
  if (ids.includes(request.target.providerId)) {
    throw new InputError(
      "target_is_source",
      "Der aufnehmende Dienstleister darf nicht zugleich abgebend sein.",
      [{ field: "target.providerId", message: "ist auch unter den abgebenden Dienstleistern" }],
    );
  }
  const existingTarget = byId.get(request.target.providerId);
  if (replay) {
    // Replaying a sourced event: the providers already carry their final status.
    if (!existingTarget)
      throw new NotFoundError(
        "provider_not_found",
        `Es gibt keinen IT-Dienstleister „${request.target.providerId}“.`,
      );
    return { sources: sources.map(toRef), target: toRef(existingTarget), createsProvider: false };
  }
  if (existingTarget && existingTarget.status !== "active") {
    throw new ConflictError(
      "target_not_active",
      `Der aufnehmende Dienstleister „${existingTarget.short_name}“ ist nicht mehr aktiv.`,
    );
  }
  if (!existingTarget && (!request.target.shortName || !request.target.name)) {
    throw new InputError(
      "target_unknown",
      `Den Dienstleister „${request.target.providerId}“ gibt es noch nicht: für einen neuen Dienstleister Kurzname und Name angeben.`,
      [{ field: "target.name", message: "Pflichtangabe für einen neuen Dienstleister" }],
    );
  }
  if (request.kind === "rename" && existingTarget) {
    throw new InputError(
      "rename_needs_new_provider",
      "Eine Umbenennung braucht eine neue Kennung mit neuem Namen.",
      [{ field: "target.providerId", message: "existiert bereits" }],
    );
  }
  if (request.kind !== "member_move") {
    const inactive = sources.find((source) => source.status !== "active");
    if (inactive) {
      throw new ConflictError(
        "source_not_active",
        `„${inactive.short_name}“ ist bereits fusioniert oder umbenannt und kann nicht erneut abgeben.`,
      );
    }
  }
  if (request.kind === "member_move") {
    const [organisation] = await tx.query<{ key: string }>(
      sql`SELECT key FROM organisation WHERE key = ${request.organisationKey} AND kind IN ('gemeinde','kreis')`,
    );
    if (!organisation) {
      throw new NotFoundError(
        "organisation_not_found",
        `Es gibt keine Kommune mit dem Schlüssel „${request.organisationKey}“.`,
      );
    }
  }
  const target: ProviderRef = existingTarget
    ? toRef(existingTarget)
    : {
        id: request.target.providerId,
        shortName: request.target.shortName ?? "",
        name: request.target.name ?? "",
        status: "active",
      };
  return { sources: sources.map(toRef), target, createsProvider: !existingTarget };
}

function toMoves(
  kind: "sourcing" | "offer",
  rows: MoveRow[],
  sources: ProviderRef[],
  date: string,
): ReorganisationMove[] {
  const byId = new Map(sources.map((source) => [source.id, source]));
  return rows.map((row) => ({
    kind,
    id: row.id,
    organisation:
      row.organisation_key && row.organisation_name
        ? { ags: row.organisation_key, name: row.organisation_name }
        : null,
    domain: { id: row.domain_id, name: row.domain_name },
    fromProvider: byId.get(row.provider_id) ?? sources[0]!,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    action: row.valid_from < date ? "split" : "update",
  }));
}

function plan(
  request: ReorganisationRequest,
  checked: Awaited<ReturnType<typeof validate>>,
  moves: ReorganisationMove[],
  reorganisationId: number | null,
): ReorganisationPlan {
  const status: ProviderStatus = request.kind === "rename" ? "renamed" : "merged";
  return {
    kind: request.kind,
    effectiveDate: request.effectiveDate,
    target: checked.target,
    createsProvider: checked.createsProvider,
    sources: checked.sources,
    moves,
    providerChanges:
      request.kind === "member_move"
        ? []
        : checked.sources.map((provider) => ({ provider, status, successorId: checked.target.id })),
    reorganisationId,
  };
}

/** What the reorganisation would move and change; writes nothing. */
export async function previewReorganisation(
  db: Queryable,
  request: ReorganisationRequest,
): Promise<ReorganisationPlan> {
  const checked = await validate(db, request);
  const { sourcings, offers } = await loadMoves(db, request, false);
  return plan(
    request,
    checked,
    [
      ...toMoves("sourcing", sourcings, checked.sources, request.effectiveDate),
      ...toMoves("offer", offers, checked.sources, request.effectiveDate),
    ],
    null,
  );
}

/** Optional hooks for tests (e.g. to stop a process in the middle of the transaction). */
export interface ReorganisationOptions {
  checkpoint?: (step: string) => Promise<void>;
  providerEventId?: number | null;
  appliedBy?: string;
  /** Replay of a sourced event into the history: providers already have their final status. */
  replay?: boolean;
}

async function moveRows(
  tx: Queryable,
  table: "sourcing" | "provider_offer",
  rows: MoveRow[],
  request: ReorganisationRequest,
  reorganisationId: number,
  reason: string,
): Promise<void> {
  const date = request.effectiveDate;
  const later = rows.filter((row) => row.valid_from >= date).map((row) => row.id);
  const split = rows.filter((row) => row.valid_from < date);
  const target = request.target.providerId;
  if (table === "sourcing") {
    if (later.length > 0) {
      await tx.query(sql`UPDATE sourcing SET provider_id = ${target}, reorganisation_id = ${reorganisationId}
                         WHERE id = ANY(${later}::int[])`);
    }
    if (split.length > 0) {
      const ids = split.map((row) => row.id);
      await tx.query(
        sql`UPDATE sourcing SET valid_to = ${date}::date WHERE id = ANY(${ids}::int[])`,
      );
      await tx.query(sql`
        INSERT INTO sourcing (organisation_key, domain_id, operating_model, provider_id, partner_key, product_id,
          running_cost, investment_cost, volume, contract_end, satisfaction, valid_from, valid_to,
          predecessor_id, reorganisation_id, change_reason, source_id, source_urls, as_of, evidence, quality)
        SELECT s.organisation_key, s.domain_id, s.operating_model, ${target}, s.partner_key, s.product_id,
          s.running_cost, s.investment_cost, s.volume, s.contract_end, s.satisfaction, ${date}::date, x.old_to,
          s.id, ${reorganisationId}, ${reason}, s.source_id, s.source_urls, s.as_of, s.evidence, s.quality
        FROM sourcing s JOIN unnest(${ids}::int[], ${split.map((row) => row.valid_to)}::date[]) AS x(id, old_to)
          ON x.id = s.id`);
    }
    return;
  }
  if (later.length > 0) {
    await tx.query(sql`UPDATE provider_offer SET provider_id = ${target}, reorganisation_id = ${reorganisationId}
                       WHERE id = ANY(${later}::int[])`);
  }
  if (split.length > 0) {
    const ids = split.map((row) => row.id);
    await tx.query(
      sql`UPDATE provider_offer SET valid_to = ${date}::date WHERE id = ANY(${ids}::int[])`,
    );
    await tx.query(sql`
      INSERT INTO provider_offer (provider_id, domain_id, product_id, fixed_price, unit_price, capacity, sla,
        valid_from, valid_to, predecessor_id, reorganisation_id, source_id, source_urls, as_of, evidence, quality)
      SELECT ${target}, s.domain_id, s.product_id, s.fixed_price, s.unit_price, s.capacity, s.sla,
        ${date}::date, x.old_to, s.id, ${reorganisationId}, s.source_id, s.source_urls, s.as_of, s.evidence, s.quality
      FROM provider_offer s JOIN unnest(${ids}::int[], ${split.map((row) => row.valid_to)}::date[]) AS x(id, old_to)
        ON x.id = s.id`);
  }
}

/**
 * Applies a reorganisation in the caller's transaction: creates the new provider if needed,
 * moves every relation valid on or after the date to the target (splitting versions that
 * span the date, with lineage), marks the sources merged/renamed with their successor and
 * records the reorganisation. Either all of it is committed or none.
 */
export async function applyReorganisation(
  tx: Queryable,
  request: ReorganisationRequest,
  options: ReorganisationOptions = {},
): Promise<ReorganisationPlan> {
  const checked = await validate(tx, request, options.replay);
  if (checked.createsProvider) {
    await tx.query(sql`
      INSERT INTO provider (id, short_name, name, kind, legal_form, seat, status, quality, founded_text, founded_from, founded_to)
      VALUES (${request.target.providerId}, ${request.target.shortName ?? ""}, ${request.target.name ?? ""}, 'kommunal',
              ${request.target.legalForm ?? null}, ${request.target.seat ?? null}, 'active', 'user',
              ${request.effectiveDate}, ${request.effectiveDate}::date, ${request.effectiveDate}::date)`);
  }
  const { sourcings, offers } = await loadMoves(tx, request, true);
  const [reorganisation] = await tx.query<{ id: number }>(sql`
    INSERT INTO reorganisation (kind, effective_date, source_provider_ids, target_provider_id, organisation_key,
      provider_event_id, moved_sourcings, moved_offers, note, applied_by)
    VALUES (${request.kind}, ${request.effectiveDate}::date, ${request.sourceProviderIds}, ${request.target.providerId},
      ${request.kind === "member_move" ? request.organisationKey : null}, ${options.providerEventId ?? null},
      ${sourcings.length}, ${offers.length}, ${request.note ?? null}, ${options.appliedBy ?? "system"})
    RETURNING id`);
  if (!reorganisation) throw new Error("Reorganisation wurde nicht angelegt");
  const reason = `${request.kind === "merger" ? "Fusion" : request.kind === "rename" ? "Umbenennung" : "Wechsel"}: ${request.sourceProviderIds.join(" + ")} → ${request.target.providerId}`;
  await options.checkpoint?.("before-sourcing");
  await moveRows(tx, "sourcing", sourcings, request, reorganisation.id, reason);
  await options.checkpoint?.("after-sourcing");
  await moveRows(tx, "provider_offer", offers, request, reorganisation.id, reason);
  if (request.kind !== "member_move" && !options.replay) {
    await tx.query(sql`UPDATE provider SET status = ${request.kind === "rename" ? "renamed" : "merged"},
                         successor_id = ${request.target.providerId}, ended_on = ${request.effectiveDate}::date
                       WHERE id = ANY(${request.sourceProviderIds})`);
  }
  await bumpLandscapeRevision(tx);
  await options.checkpoint?.("before-commit");
  return plan(
    request,
    checked,
    [
      ...toMoves("sourcing", sourcings, checked.sources, request.effectiveDate),
      ...toMoves("offer", offers, checked.sources, request.effectiveDate),
    ],
    reorganisation.id,
  );
}
