/**
 * One case of the solver benchmark, run in its own process so that its peak memory (maxRSS,
 * worker threads included) is its own. Prints one JSON line. Called by `bench/solver.ts`:
 *   node --import tsx bench/solverCase.ts <case>
 */
import {
  buildDomainCore,
  buildFacilityLocationModel,
  buildScenarioModel,
  evaluateAssignment,
  FacilityLocationInput,
  indexScenario,
  interpretSolution,
  ScenarioInput,
  solveFacilityLocation,
  solveInWorker,
  solveScenario,
  toSparseFacilityLocation,
  type MipResult,
} from "@it-atlas/solver";
import { generateFlpInstance } from "./flpGenerator.ts";
import {
  generateScenario,
  GERMANY_SHAPE,
  NRW_SHAPE,
  type LandscapeShape,
} from "./solverScenarios.ts";

/** What a case reports. */
export interface CaseResult {
  status: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  /** Columns of the (last) MIP handed to HiGHS. */
  columns: number | null;
  maxRssMb: number;
  note: string;
}

const seconds = Number(process.env.ATLAS_BENCH_SOLVER_SECONDS ?? 60);
const customers = Number(process.env.ATLAS_BENCH_FLP_CUSTOMERS ?? 10_800);
const facilities = Number(process.env.ATLAS_BENCH_FLP_FACILITIES ?? 150);
const germanKommunen = Number(process.env.ATLAS_BENCH_DE_KOMMUNEN ?? GERMANY_SHAPE.kommunen);

function flpInstance(): FacilityLocationInput {
  return FacilityLocationInput.parse(generateFlpInstance({ customers, facilities, seed: 1 }));
}

/** Germany as benchmarked: no global migration budget and no merger option (see README). */
function germany(strategy: boolean): ScenarioInput {
  const raw = generateScenario({ ...GERMANY_SHAPE, kommunen: germanKommunen, strategy });
  raw.constraints.maxMigrationsPerYear = null;
  raw.constraints.mergers = [];
  return ScenarioInput.parse(raw);
}

function nrw(strategy: boolean): ScenarioInput {
  return ScenarioInput.parse(generateScenario({ ...NRW_SHAPE, strategy } satisfies LandscapeShape));
}

/**
 * NRW with the strategy's constraints (Vor-Ort-Vorgaben, allowed providers, the coupling
 * Einwohnerwesen/Personenstandswesen, provider counts) but without a migration budget and
 * without the merger option.
 */
function nrwStrategy(): ScenarioInput {
  const raw = generateScenario({ ...NRW_SHAPE, strategy: true });
  raw.constraints.maxMigrationsPerYear = null;
  raw.constraints.mergers = [];
  return ScenarioInput.parse(raw);
}

function describeFailure(result: MipResult): { status: string; note: string } {
  if (result.status === "error")
    return { status: result.outOfMemory ? "Speicher erschöpft" : "Fehler", note: result.message };
  if (result.status === "no-solution")
    return { status: "Zeitlimit", note: "keine zulässige Lösung im Zeitlimit" };
  return { status: result.status, note: "" };
}

async function ours(kind: "flp-u" | "flp-c"): Promise<Omit<CaseResult, "maxRssMb">> {
  const result = await solveFacilityLocation(flpInstance(), {
    capacitated: kind === "flp-c",
    timeLimitSeconds: seconds,
    relativeGap: 1e-4,
  });
  if (result.status === "optimal" || result.status === "feasible") {
    return { ...pick(result), columns: null, note: `${result.open.length} Standorte offen` };
  }
  if (result.status === "infeasible")
    return failed(result.status, result.seconds, result.conflicts.join(" "));
  return failed(result.status, result.seconds, result.status === "error" ? result.message : "");
}

async function monolithicFlp(capacitated: boolean): Promise<Omit<CaseResult, "maxRssMb">> {
  const started = performance.now();
  const problem = toSparseFacilityLocation(flpInstance(), capacitated);
  const built = buildFacilityLocationModel(
    problem,
    new Uint8Array(problem.pairCost.length).fill(1),
  );
  const result = await solveInWorker(built.model, { timeLimitSeconds: seconds, relativeGap: 1e-4 });
  const elapsed = (performance.now() - started) / 1000;
  if (result.status !== "optimal" && result.status !== "feasible") {
    return {
      ...failed(describeFailure(result).status, elapsed, describeFailure(result).note),
      columns: built.model.columnCount,
    };
  }
  const assignment = new Int32Array(problem.customerCount);
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    let best = -1;
    for (
      let pair = problem.pairStart[customer] ?? 0;
      pair < (problem.pairStart[customer + 1] ?? 0);
      pair += 1
    ) {
      if (
        best < 0 ||
        (result.values[built.pairColumn[pair] ?? 0] ?? 0) >
          (result.values[built.pairColumn[best] ?? 0] ?? 0)
      )
        best = pair;
    }
    assignment[customer] = best;
  }
  const objective = evaluateAssignment(problem, assignment).cost;
  return {
    status: result.status,
    objective,
    bound: result.bound,
    gap: gapOf(objective, result.bound),
    seconds: elapsed,
    columns: built.model.columnCount,
    note: "",
  };
}

async function scenario(
  input: ScenarioInput,
  limit: number,
  relativeGap: number,
): Promise<Omit<CaseResult, "maxRssMb">> {
  const result = await solveScenario(input, { timeLimitSeconds: limit, relativeGap });
  if (result.status === "optimal" || result.status === "feasible") {
    const columns = Math.max(0, ...result.blocks.map((block) => block.columns));
    return {
      ...pick(result),
      columns,
      note: `${result.blocks.length} Blöcke, ${result.plan.migrations.length} Wechsel`,
    };
  }
  if (result.status === "infeasible")
    return failed(result.status, result.seconds, result.conflicts.join(" "));
  return failed(result.status, result.seconds, result.status === "error" ? result.message : "");
}

/** The whole scenario (all domains, all pairs, budget row) as one MIP, no merger. */
async function monolithicScenario(
  input: ScenarioInput,
  onlyFirstDomain: boolean,
): Promise<Omit<CaseResult, "maxRssMb">> {
  const started = performance.now();
  const index = indexScenario(input);
  const domains = onlyFirstDomain ? [0] : index.domains.map((domain) => domain.domainIndex);
  const cores = domains.map((domainIndex) => {
    const domain = index.domains[domainIndex];
    if (!domain) throw new Error("Bereich fehlt");
    return buildDomainCore(domain, index.annuity);
  });
  const built = buildScenarioModel(
    index,
    domains,
    cores,
    cores.map((core) => new Uint8Array(core.problem.pairCost.length).fill(1)),
    { activeMergers: new Set(), budget: onlyFirstDomain ? null : index.migrationBudget },
  );
  const result = await solveInWorker(built.model, { timeLimitSeconds: seconds, relativeGap: 1e-4 });
  const elapsed = (performance.now() - started) / 1000;
  const columns = built.model.columnCount;
  if (result.status !== "optimal" && result.status !== "feasible") {
    const failure = describeFailure(result);
    return { ...failed(failure.status, elapsed, failure.note), columns };
  }
  const assignments = built.decode(result.values);
  const choices = index.domains.map((domain) =>
    Int32Array.from(domain.customers, (customer) => customer.current),
  );
  assignments.forEach((assignment, position) => {
    const core = cores[position];
    if (core)
      choices[domains[position] ?? 0] = Int32Array.from(
        assignment,
        (pair) => core.pairOption[pair] ?? -1,
      );
  });
  const objective = onlyFirstDomain
    ? result.objective
    : interpretSolution(index, choices, new Set()).costPerYear.total;
  return {
    status: result.status,
    objective,
    bound: result.bound,
    gap: gapOf(objective, result.bound),
    seconds: elapsed,
    columns,
    note: "",
  };
}

function pick(result: {
  status: string;
  objective: number;
  bound: number;
  gap: number;
  seconds: number;
}) {
  return {
    status: result.status,
    objective: result.objective,
    bound: result.bound,
    gap: result.gap,
    seconds: result.seconds,
  };
}

function failed(status: string, elapsed: number, note: string): Omit<CaseResult, "maxRssMb"> {
  return { status, objective: null, bound: null, gap: null, seconds: elapsed, columns: null, note };
}

function gapOf(objective: number, bound: number): number {
  return Math.max(0, (objective - bound) / Math.abs(objective));
}

/** Case name → how to run it. */
export const CASES: Record<string, () => Promise<Omit<CaseResult, "maxRssMb">>> = {
  "flp-u": () => ours("flp-u"),
  "flp-u-mono": () => monolithicFlp(false),
  "flp-c": () => ours("flp-c"),
  "flp-c-mono": () => monolithicFlp(true),
  "nrw-10": () => scenario(nrw(true), 10, 1e-3),
  "nrw-60": () => scenario(nrw(true), seconds, 1e-3),
  "nrw-mono": () => monolithicScenario(nrw(true), false),
  "nrw-plain-10": () => scenario(nrw(false), 10, 1e-3),
  "nrw-strategy-10": () => scenario(nrwStrategy(), 10, 1e-3),
  de: () => scenario(germany(true), seconds, 1e-2),
  "de-plain": () => scenario(germany(false), seconds, 1e-2),
  "de-mono": () => monolithicScenario(germany(false), true),
};

const name = process.argv[2] ?? "";
const run = CASES[name];
if (run) {
  let result: Omit<CaseResult, "maxRssMb">;
  try {
    result = await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = failed(
      /memory|allocation/i.test(message) ? "Speicher erschöpft" : "Fehler",
      0,
      message,
    );
  }
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMb } satisfies CaseResult)}\n`);
  process.exit(0);
}
