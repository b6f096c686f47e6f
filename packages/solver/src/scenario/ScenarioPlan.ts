/** Who serves a Kommune in a domain under the plan; null provider = eigener Betrieb. */
export interface PlannedAssignment {
  kommuneId: string;
  domainId: string;
  providerId: string | null;
  currentProviderId: string | null;
}

/** A change of provider the plan asks for, with its one-off cost. */
export interface PlannedMigration {
  kommuneId: string;
  domainId: string;
  fromProviderId: string | null;
  toProviderId: string | null;
  oneOffCost: number;
}

/** A provider's load and cost in a domain under the plan. */
export interface ProviderLoad {
  providerId: string;
  domainId: string;
  volume: number;
  costPerYear: number;
}

/** The readable result of a scenario: assignments, migrations and cost per year. */
export interface ScenarioPlan {
  assignments: PlannedAssignment[];
  migrations: PlannedMigration[];
  providerLoads: ProviderLoad[];
  /** Ids of the merger options taken. */
  mergers: string[];
  costPerYear: {
    /** Platform and running cost of providers plus eigener Betrieb. */
    running: number;
    /** One-off migration and merger costs as an annuity over the horizon. */
    migration: number;
    total: number;
  };
  /** Running cost of today's assignment (no migrations). */
  statusQuoCostPerYear: number;
  /** Status quo minus plan; 0 when staying is best ("no saving"). */
  savingPerYear: number;
}

/** Report of one independently solved block of domains. */
export interface BlockReport {
  domainIds: string[];
  status: "optimal" | "feasible";
  objective: number;
  bound: number;
  /** Columns of the last candidate MIP of the block. */
  columns: number;
  seconds: number;
}

/**
 * Outcome of a scenario solve. Objective and bound are cost per year; gap = (objective −
 * bound) / objective. Expected outcomes are values, not exceptions.
 */
export type ScenarioSolveResult =
  | {
      status: "optimal" | "feasible";
      objective: number;
      bound: number;
      gap: number;
      seconds: number;
      plan: ScenarioPlan;
      blocks: BlockReport[];
    }
  | { status: "infeasible"; conflicts: string[]; seconds: number }
  | { status: "error"; message: string; seconds: number };
