import type { Measure } from "./changeQueries.ts";

/** Test factory: a planned measure in Einwohnerwesen for Detmold, with overrides. */
export function buildMeasure(overrides: Partial<Measure> = {}): Measure {
  return {
    id: 1,
    title: "Wechsel Einwohnerwesen zu regio iT – Welle 1",
    description: null,
    kommunen: [{ key: "05766020", name: "Detmold", kreisKey: "05766", kreisName: "Kreis Lippe" }],
    domains: [{ id: "einwohnerwesen", name: "Einwohnerwesen" }],
    providers: [{ id: "regio-it", name: "regio iT" }],
    scenarioId: "s-1",
    strategyId: null,
    strategyDomainId: null,
    owner: null,
    team: [],
    startDate: "2027-01-01",
    dueDate: "2027-12-31",
    status: "geplant",
    wave: 1,
    oneOffCost: 40000,
    dependsOn: [],
    milestones: [],
    overdue: false,
    blocked: false,
    updatedAt: "2026-11-27T08:00:00Z",
    updatedBy: "analyse@kdn.example.org",
    ...overrides,
  };
}
