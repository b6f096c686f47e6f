import { findLatestScenarioResult, findScenario, type Queryable } from "@it-atlas/db";
import {
  compareScenarios,
  ConflictError,
  istFromPlan,
  NotFoundError,
  redactComparison,
  type ComparedScenario,
  type Principal,
  type ScenarioComparison,
} from "@it-atlas/domain";

/**
 * Compares the latest results of stored scenarios with Ist (taken from the first result that
 * has a plan: every run stores Ist under its own cost model), redacted for the viewer.
 */
export async function compareStoredScenarios(
  db: Queryable,
  ids: readonly number[],
  principal: Principal,
): Promise<ScenarioComparison> {
  const compared: ComparedScenario[] = [];
  for (const id of ids) {
    const scenario = await findScenario(db, id);
    if (!scenario) throw new NotFoundError("scenario_not_found", `Es gibt kein Szenario ${id}.`);
    const result = await findLatestScenarioResult(db, id);
    if (!result) {
      throw new ConflictError(
        "scenario_not_calculated",
        `Das Szenario „${scenario.name}“ wurde noch nicht berechnet.`,
      );
    }
    compared.push({ scenarioId: id, name: scenario.name, result });
  }
  const withPlan = compared.find((entry) => entry.result.plan !== null)?.result.plan;
  if (!withPlan) {
    throw new ConflictError(
      "scenario_no_plan",
      "Keines der Szenarien hat eine zulässige Lösung; es gibt nichts zu vergleichen.",
    );
  }
  return redactComparison(principal, compareScenarios(istFromPlan(withPlan), compared));
}
