import { supplierFragmentation, type SupplierShare } from "./supplierFragmentation.ts";
import { NRW_KEY, type KpiFigures, type KpiLevel, type KpiValue } from "./Kpi.ts";
import { measuresOnTime, type MeasureFact } from "./measuresOnTime.ts";

/** One sourcing of a Kommune as the KPIs need it. */
export interface KpiSourcingFact extends SupplierShare {
  /** The IT-Dienstleister, when one provides the domain (counted in `providers`). */
  providerId: string | null;
  runningCost: number | null;
  investmentCost: number | null;
  demo: boolean;
}

/** Everything the KPIs need to know about one Kommune. */
export interface KpiKommuneFacts {
  key: string;
  name: string;
  kind: "gemeinde" | "kreis";
  kreisKey: string | null;
  kreisName: string | null;
  regierungsbezirkKey: string | null;
  regierungsbezirkName: string | null;
  /** Einwohner (Zensus 2022); counted for Gemeinden only, so that a Kreis is not counted twice. */
  population: number;
  sourcing: readonly KpiSourcingFact[];
  /** OZG-Leistungen the Kommune is responsible for, and those online. */
  ozg: { responsible: number; online: number };
  /** Responses to started campaigns, and those submitted or accepted. */
  survey: { responses: number; completed: number };
}

/** A scope a Kommune belongs to. */
export interface KpiScope {
  level: KpiLevel;
  key: string;
  name: string;
}

/**
 * The scopes of a Kommune: NRW, its Regierungsbezirk, its Kreis (a Kreis groups itself and its
 * Gemeinden; a kreisfreie Stadt stands for itself, as on the OZG board) and itself.
 */
export function scopesOf(kommune: KpiKommuneFacts): KpiScope[] {
  const scopes: KpiScope[] = [{ level: "nrw", key: NRW_KEY, name: "Nordrhein-Westfalen" }];
  if (kommune.regierungsbezirkKey) {
    scopes.push({
      level: "regierungsbezirk",
      key: kommune.regierungsbezirkKey,
      name: kommune.regierungsbezirkName ?? kommune.regierungsbezirkKey,
    });
  }
  if (kommune.kind === "kreis") {
    scopes.push({ level: "kreis", key: kommune.key, name: kommune.name });
  } else if (kommune.kreisKey) {
    scopes.push({
      level: "kreis",
      key: kommune.kreisKey,
      name: kommune.kreisName ?? kommune.kreisKey,
    });
  } else {
    scopes.push({ level: "kreis", key: kommune.key, name: kommune.name });
  }
  scopes.push({ level: "kommune", key: kommune.key, name: kommune.name });
  return scopes;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * The figures of a group of Kommunen. Counts, population, costs, OZG and survey figures add up
 * over Kommunen; providers and fragmentation are computed over the group's sourcing; measures
 * count for the group when one of their Kommunen is in it (`nrw` counts every measure).
 */
export function figuresOf(
  kommunen: readonly KpiKommuneFacts[],
  measures: readonly MeasureFact[] | undefined,
  asOf: string,
  allMeasures = false,
): KpiFigures {
  let population = 0;
  let runningCost = 0;
  let investmentCost = 0;
  let costDemo = false;
  let ozgResponsible = 0;
  let ozgOnline = 0;
  let surveyResponses = 0;
  let surveyCompleted = 0;
  const providers = new Set<string>();
  const sourcing: SupplierShare[] = [];
  const keys = new Set<string>();
  for (const kommune of kommunen) {
    keys.add(kommune.key);
    if (kommune.kind === "gemeinde") population += kommune.population;
    ozgResponsible += kommune.ozg.responsible;
    ozgOnline += kommune.ozg.online;
    surveyResponses += kommune.survey.responses;
    surveyCompleted += kommune.survey.completed;
    for (const entry of kommune.sourcing) {
      sourcing.push(entry);
      if (entry.providerId) providers.add(entry.providerId);
      if (entry.runningCost !== null) runningCost += entry.runningCost;
      if (entry.investmentCost !== null) investmentCost += entry.investmentCost;
      if (entry.demo && (entry.runningCost !== null || entry.investmentCost !== null))
        costDemo = true;
    }
  }
  const counted =
    measures === undefined
      ? undefined
      : measuresOnTime(
          allMeasures
            ? measures
            : measures.filter((measure) =>
                (measure.organisationKeys ?? []).some((key) => keys.has(key)),
              ),
          asOf,
        );
  return {
    kommunen: kommunen.length,
    population,
    providers: providers.size,
    fragmentationIndex: supplierFragmentation(sourcing),
    // Cents are exact in the database (numeric(16,2)); round away float noise of the sums.
    runningCost: Math.round(runningCost * 100) / 100,
    investmentCost: Math.round(investmentCost * 100) / 100,
    costDemo,
    ozgResponsible,
    ozgOnline,
    ozgCoverage: share(ozgOnline, ozgResponsible),
    surveyResponses,
    surveyCompleted,
    surveyCompletion: share(surveyCompleted, surveyResponses),
    measuresTotal: counted ? counted.total : null,
    measuresOnTime: counted ? counted.onTime : null,
    measuresOnTimeShare: counted ? share(counted.onTime, counted.total) : null,
  };
}

const LEVEL_ORDER: Record<KpiLevel, number> = { nrw: 0, regierungsbezirk: 1, kreis: 2, kommune: 3 };

/**
 * The KPI snapshot: the figures of NRW, every Regierungsbezirk, every Kreis (and kreisfreie
 * Stadt) and every Kommune, from the facts of each Kommune and the measures (if known).
 */
export function computeKpis(
  kommunen: readonly KpiKommuneFacts[],
  options: { asOf: string; measures?: readonly MeasureFact[] | undefined },
): KpiValue[] {
  const groups = new Map<string, { scope: KpiScope; members: KpiKommuneFacts[] }>();
  for (const kommune of kommunen) {
    for (const scope of scopesOf(kommune)) {
      const id = `${scope.level}:${scope.key}`;
      const group = groups.get(id) ?? { scope, members: [] };
      group.members.push(kommune);
      groups.set(id, group);
    }
  }
  return [...groups.values()]
    .map(({ scope, members }) => ({
      ...scope,
      figures: figuresOf(members, options.measures, options.asOf, scope.level === "nrw"),
    }))
    .sort(
      (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, "de"),
    );
}
