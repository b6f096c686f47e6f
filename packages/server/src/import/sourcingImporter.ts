import { getLandscapeRevision, lockSourcingForImport, writeSourcingImport } from "@it-atlas/db";
import { SOURCING_IMPORT, type ImportProblem, type SourcingImportRow } from "@it-atlas/domain";
import type { EntityCheck, EntityImporter, EntityPlan } from "./EntityImporter.ts";
import {
  checkSourcingKeys,
  decodeSourcingWrites,
  type PreparedSourcingPlan,
} from "./sourcingPlan.ts";

/**
 * Bezüge (Kommune × Leistungsbereich, time-versioned). Their rows are compared with the
 * stored versions while the file is checked (in the worker pool: `prepareSourcingPlan`), so
 * no `plan` here; {@link sourcingEntityPlan} turns that comparison into the commit step.
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
};

function check(plan: PreparedSourcingPlan): EntityCheck {
  return {
    counts: plan.counts,
    problems: plan.problems,
    problemCount: plan.problemCount,
    fieldChanges: plan.fieldChanges,
    fieldChangeCount: plan.fieldChangeCount,
  };
}

/**
 * The commit step of compared Bezüge. `revision` is the landscape revision read before the
 * stored versions were listed; the commit compares again (`replan`, with the versions stored
 * under the lock) only when it moved since — every sourcing write increments it — so a large
 * import is compared with the stored versions once.
 */
export function sourcingEntityPlan(
  prepared: PreparedSourcingPlan,
  options: {
    revision: number;
    reason: string;
    replan: (tx: Parameters<EntityPlan["commit"]>[0]) => Promise<PreparedSourcingPlan>;
  },
): EntityPlan {
  return {
    ...check(prepared),
    async commit(tx) {
      await lockSourcingForImport(tx);
      const fresh =
        (await getLandscapeRevision(tx)) === options.revision ? prepared : await options.replan(tx);
      if (fresh.counts.invalid === 0 && fresh.counts.new + fresh.counts.changed > 0) {
        await writeSourcingImport(tx, await decodeSourcingWrites(fresh), options.reason);
      }
      return check(fresh);
    },
  };
}
