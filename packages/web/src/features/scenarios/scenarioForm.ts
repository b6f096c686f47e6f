import {
  defaultScenarioDefinition,
  ScenarioSaveInput,
  specialisationPreset,
  type ProviderPolicy,
  type Scenario,
  type ScenarioCostCurve,
  type ScenarioDefinition,
  type ScenarioMode,
} from "@it-atlas/domain";

/** What the form edits, as text where people type numbers (German decimal comma). */
export interface ScenarioFormState {
  name: string;
  description: string;
  baseDate: string;
  mode: ScenarioMode;
  allDomains: boolean;
  domainIds: string[];
  /** Empty = all Kommunen; else keys separated by commas or spaces. */
  kommuneKeys: string;
  horizonYears: string;
  /** Percent, e.g. "3". */
  discountRate: string;
  migrationFixed: string;
  migrationPerUnit: string;
  scaleFactor: string;
  /** Cost curve per domain; `fixedCost` as typed. Editing it marks the curve as entered. */
  costCurves: Array<{ curve: ScenarioCostCurve; fixedCost: string }>;
  keepVorOrtLocal: boolean;
  providerPolicy: ProviderPolicy;
  maxMigrationsPerYear: string;
  maxMigrationsTotal: string;
  /** Project capacity per provider id: migrations it takes in per year; "" = no limit. */
  projectCapacity: Record<string, string>;
  /** Domains coupled in one group (obtained together). */
  coupled: string[];
  /** Most providers per chosen domain, statewide; empty = no limit. */
  maxProviders: string;
  /** Hand-made assignments (mode "manual"); providerId "" = eigener Betrieb. */
  assignments: Array<{ kommuneKey: string; domainId: string; providerId: string }>;
  /** Parts of the definition the form does not edit (kept as they are). */
  base: ScenarioDefinition;
}

const text = (value: number | null) => (value === null ? "" : String(value).replace(".", ","));

/** Form rows of cost curves (the fixed cost rounded to whole euro for typing). */
export function toCurveRows(curves: readonly ScenarioCostCurve[]): ScenarioFormState["costCurves"] {
  return curves.map((curve) => ({ curve, fixedCost: text(Math.round(curve.fixedCost)) }));
}

/** Form state of a definition (a stored one, the default or the preset). */
export function toFormState(
  definition: ScenarioDefinition,
  name = "",
  description = "",
): ScenarioFormState {
  const { scope, costs, constraints } = definition;
  return {
    name,
    description,
    baseDate: definition.baseDate,
    mode: definition.mode,
    allDomains: scope.domainIds === "all",
    domainIds: scope.domainIds === "all" ? [] : scope.domainIds,
    kommuneKeys: scope.kommuneKeys === "all" ? "" : scope.kommuneKeys.join(", "),
    horizonYears: String(costs.horizonYears),
    discountRate: text(Math.round(costs.discountRate * 10_000) / 100),
    migrationFixed: text(costs.migrationDefault.fixedCost),
    migrationPerUnit: text(costs.migrationDefault.costPerUnit),
    scaleFactor: text(costs.scaleFactor),
    costCurves: toCurveRows(costs.costCurves),
    keepVorOrtLocal: constraints.keepVorOrtLocal,
    providerPolicy: constraints.providerPolicy,
    maxMigrationsPerYear: text(constraints.maxMigrationsPerYear),
    maxMigrationsTotal: text(constraints.maxMigrationsTotal),
    projectCapacity: Object.fromEntries(
      constraints.providerProjectCapacity.map((entry) => [
        entry.providerId,
        text(entry.migrationsPerYear),
      ]),
    ),
    coupled: constraints.couplings[0]?.domainIds ?? [],
    maxProviders: text(constraints.providerCounts[0]?.max ?? null),
    assignments: [],
    base: definition,
  };
}

/** Form state of a stored scenario. */
export function scenarioFormState(scenario: Scenario): ScenarioFormState {
  return {
    ...toFormState(scenario.definition, scenario.name, scenario.description ?? ""),
    assignments: scenario.assignments.map((entry) => ({
      kommuneKey: entry.kommuneKey,
      domainId: entry.domainId,
      providerId: entry.providerId ?? "",
    })),
  };
}

/** Empty form (whole landscape, usual cost parameters). */
export function emptyFormState(today: string): ScenarioFormState {
  return toFormState(defaultScenarioDefinition(today));
}

/** The preset "Spezialisierung Einwohnerwesen", keeping name and description if typed. */
export function presetFormState(current: ScenarioFormState): ScenarioFormState {
  return {
    ...toFormState(specialisationPreset(current.baseDate)),
    // The preset is about scope and constraints; cost curves already taken over stay.
    costCurves: current.costCurves,
    name: current.name.trim() === "" ? "Spezialisierung Einwohnerwesen" : current.name,
    description:
      current.description.trim() === ""
        ? "Einwohner- und Personenstandswesen gemeinsam, landesweit höchstens drei Anbieter."
        : current.description,
  };
}

function number(value: string): number | null {
  const trimmed = value.trim().replace(/\./g, "").replace(",", ".");
  if (trimmed === "") return null;
  const parsed = Number(trimmed);
  return Number.isNaN(parsed) ? Number.NaN : parsed;
}

/** The request body, or German messages of what is wrong (field path → message). */
export function toSaveInput(
  state: ScenarioFormState,
): { ok: true; input: ScenarioSaveInput } | { ok: false; errors: string[] } {
  const domainIds = state.allDomains ? ("all" as const) : state.domainIds;
  const keys = state.kommuneKeys
    .split(/[\s,;]+/)
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
  const maxProviders = number(state.maxProviders);
  const providerDomains = state.allDomains ? state.coupled : state.domainIds;
  const definition = {
    ...state.base,
    mode: state.mode,
    baseDate: state.baseDate,
    scope: { domainIds, kommuneKeys: keys.length === 0 ? ("all" as const) : keys },
    costs: {
      ...state.base.costs,
      horizonYears: number(state.horizonYears),
      discountRate: (number(state.discountRate) ?? 0) / 100,
      migrationDefault: {
        fixedCost: number(state.migrationFixed),
        costPerUnit: number(state.migrationPerUnit),
      },
      scaleFactor: number(state.scaleFactor),
      costCurves: state.costCurves.map(({ curve, fixedCost }) => {
        const typed = number(fixedCost);
        // Unchanged (up to the rounding shown) keeps the fitted value exactly.
        return typed !== null && typed === Math.round(curve.fixedCost)
          ? curve
          : {
              ...curve,
              fixedCost: typed,
              // No longer the fitted curve: its R² does not apply; the segments keep their origin.
              source: { ...curve.source, kind: "entered" as const, rSquared: null },
            };
      }),
    },
    constraints: {
      ...state.base.constraints,
      keepVorOrtLocal: state.keepVorOrtLocal,
      providerPolicy: state.providerPolicy,
      maxMigrationsPerYear: number(state.maxMigrationsPerYear),
      maxMigrationsTotal: number(state.maxMigrationsTotal),
      providerProjectCapacity: Object.entries(state.projectCapacity)
        .filter(([, value]) => value.trim() !== "")
        .map(([providerId, value]) => ({ providerId, migrationsPerYear: number(value) })),
      couplings: state.coupled.length >= 2 ? [{ domainIds: state.coupled }] : [],
      providerCounts:
        maxProviders === null
          ? []
          : providerDomains.map((domainId) => ({ domainId, min: 0, max: maxProviders })),
    },
  };
  const parsed = ScenarioSaveInput.safeParse({
    name: state.name,
    description: state.description.trim() === "" ? null : state.description,
    definition,
    assignments:
      state.mode === "manual"
        ? state.assignments.map((entry) => ({
            kommuneKey: entry.kommuneKey.trim(),
            domainId: entry.domainId,
            providerId: entry.providerId === "" ? null : entry.providerId,
          }))
        : [],
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => issue.message),
  };
}
