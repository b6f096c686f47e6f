import {
  applySourcingImport,
  getLandscapeRevision,
  listSourcingVersions,
  lockSourcingForImport,
  type Queryable,
  type SourcingVersionRecord,
} from "@it-atlas/db";
import { SOURCING_IMPORT, type ImportProblem, type SourcingImportRow } from "@it-atlas/domain";
import type { EntityImporter, EntityPlan, ImportContext } from "./EntityImporter.ts";
import { checkSourcingKeys, planSourcingImport, type SourcingPlan } from "./sourcingPlan.ts";

async function writePlan(
  tx: Queryable,
  plan: SourcingPlan,
  versions: readonly SourcingVersionRecord[],
  reason: string,
): Promise<void> {
  const open = new Map<string, { id: number; validFrom: string }>();
  for (const version of versions) {
    if (version.validTo === null) {
      open.set(`${version.organisationKey}|${version.domainId}`, {
        id: version.id,
        validFrom: version.validFrom,
      });
    }
  }
  await applySourcingImport(
    tx,
    plan.rows.filter((row) => row.status !== "unchanged"),
    open,
    reason,
  );
}

/**
 * Bezüge (Kommune × Leistungsbereich, time-versioned). The commit checks again only when
 * the landscape revision moved since the preview (every sourcing write increments it), so
 * a large import is compared with the stored versions once.
 */
export const sourcingImporter: EntityImporter<SourcingImportRow> = {
  sheet: SOURCING_IMPORT,
  referenceProblems(rows, context) {
    const problems: ImportProblem[] = [];
    const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
    for (const row of rows) {
      checkSourcingKeys(
        row,
        { organisationKey: text(row.values.organisationKey), domain: text(row.values.domain) },
        context.index,
        context.principal,
        problems,
      );
    }
    return problems;
  },
  async plan(db, rows, context: ImportContext): Promise<EntityPlan> {
    const [revision, versions] = await Promise.all([
      getLandscapeRevision(db),
      listSourcingVersions(db),
    ]);
    const plan = planSourcingImport(rows, context.index, versions, context.principal);
    return {
      counts: plan.counts,
      problems: plan.problems,
      fieldChanges: plan.fieldChanges,
      async commit(tx) {
        await lockSourcingForImport(tx);
        const unchanged = (await getLandscapeRevision(tx)) === revision;
        const current = unchanged ? versions : await listSourcingVersions(tx);
        const fresh = unchanged
          ? plan
          : planSourcingImport(rows, context.index, current, context.principal);
        if (fresh.counts.invalid === 0 && fresh.counts.new + fresh.counts.changed > 0) {
          await writePlan(tx, fresh, current, context.reason);
        }
        return {
          counts: fresh.counts,
          problems: fresh.problems,
          fieldChanges: fresh.fieldChanges,
        };
      },
    };
  },
};
