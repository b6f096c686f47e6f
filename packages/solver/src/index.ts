export { FacilityLocationInput, type SolveResult } from "./flp/FacilityLocationProblem.ts";
export {
  solveFacilityLocation,
  type FacilityLocationOptions,
} from "./flp/solveFacilityLocation.ts";
export { lagrangianBound, pairLowerBounds, type LagrangianBound } from "./flp/lagrangianBound.ts";
export { facilityLocationHeuristic } from "./flp/facilityLocationHeuristic.ts";
export { evaluateAssignment } from "./flp/evaluateAssignment.ts";
export { toSparseFacilityLocation } from "./flp/toSparseFacilityLocation.ts";
export { buildFacilityLocationModel } from "./flp/buildFacilityLocationModel.ts";
export type { SparseFacilityLocation } from "./flp/SparseFacilityLocation.ts";
export type { MipModel } from "./mip/MipModel.ts";
export { MipModelBuilder } from "./mip/MipModelBuilder.ts";
export type { MipResult, MipSolveOptions, MipSolver } from "./mip/MipSolver.ts";
export { HighsSolver } from "./highs/HighsSolver.ts";
export { HighsWorkerPool } from "./highs/HighsWorkerPool.ts";
export { solveInWorker } from "./highs/solveInWorker.ts";
export { ScenarioInput } from "./scenario/Scenario.ts";
export type { ScenarioPlan, ScenarioSolveResult, BlockReport } from "./scenario/ScenarioPlan.ts";
export { solveScenario, type ScenarioSolveOptions } from "./scenario/solveScenario.ts";
export { indexScenario, type IndexedScenario } from "./scenario/indexScenario.ts";
export { buildScenarioModel } from "./scenario/buildScenarioModel.ts";
export { buildDomainCore } from "./scenario/buildDomainCore.ts";
export { decomposeScenario, findBlocks } from "./scenario/decomposeScenario.ts";
export { interpretSolution } from "./scenario/interpretSolution.ts";
export { explainInfeasibility } from "./scenario/explainInfeasibility.ts";
export { checkPlan } from "./scenario/checkPlan.ts";
export {
  priceConstraints,
  constraintGroupRelaxations,
  constraintPriceOf,
  reSolveTimeLimit,
  type ConstraintGroupRelaxation,
  type PriceConstraintsOptions,
  type SolvedObjective,
} from "./scenario/priceConstraints.ts";
