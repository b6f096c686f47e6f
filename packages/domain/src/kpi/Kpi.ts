import { z } from "zod";

/** Level of a KPI scope: the Land, a Regierungsbezirk, a Kreis (or kreisfreie Stadt), a Kommune. */
export const KpiLevel = z.enum(["nrw", "regierungsbezirk", "kreis", "kommune"]);
export type KpiLevel = z.infer<typeof KpiLevel>;

/** German labels of KPI levels. */
export const kpiLevelLabel: Record<KpiLevel, string> = {
  nrw: "Nordrhein-Westfalen",
  regierungsbezirk: "Regierungsbezirk",
  kreis: "Kreis / kreisfreie Stadt",
  kommune: "Kommune",
};

/** How a snapshot was started. */
export const KpiTrigger = z.enum(["periodic", "on_demand"]);
export type KpiTrigger = z.infer<typeof KpiTrigger>;

/** The figures of one scope at one time (Kennzahlen). */
export const KpiFigures = z
  .object({
    /** Kommunen in the scope (Kreis and Gemeinden count each). */
    kommunen: z.number().int().nonnegative(),
    /** Einwohner (Zensus 2022) of the Gemeinden in the scope (a Kreis adds none itself). */
    population: z.number().int().nonnegative(),
    /** Distinct IT-Dienstleister that provide at least one Leistungsbereich in the scope. */
    providers: z.number().int().nonnegative(),
    /** 1 − mean Herfindahl index of supplier shares per Leistungsbereich (0 = one supplier). */
    fragmentationIndex: z.number().min(0).max(1).nullable(),
    runningCost: z.number().nonnegative(),
    investmentCost: z.number().nonnegative(),
    /** True when any counted cost is synthetic ("Demodaten (synthetisch)"). */
    costDemo: z.boolean(),
    ozgResponsible: z.number().int().nonnegative(),
    ozgOnline: z.number().int().nonnegative(),
    /** ozgOnline / ozgResponsible; null when nothing is responsible. */
    ozgCoverage: z.number().min(0).max(1).nullable(),
    surveyResponses: z.number().int().nonnegative(),
    surveyCompleted: z.number().int().nonnegative(),
    /** surveyCompleted / surveyResponses; null without responses. */
    surveyCompletion: z.number().min(0).max(1).nullable(),
    /** Null when no measures were counted. */
    measuresTotal: z.number().int().nonnegative().nullable(),
    measuresOnTime: z.number().int().nonnegative().nullable(),
    measuresOnTimeShare: z.number().min(0).max(1).nullable(),
  })
  .meta({ id: "KpiFigures" });
export type KpiFigures = z.infer<typeof KpiFigures>;

/** The figures of one scope, with its level, key and name. */
export const KpiValue = z
  .object({
    level: KpiLevel,
    key: z.string(),
    name: z.string(),
    figures: KpiFigures,
  })
  .meta({ id: "KpiValue" });
export type KpiValue = z.infer<typeof KpiValue>;

/** One point of a KPI series: the snapshot and the scope's figures. */
export const KpiPoint = z
  .object({
    snapshotId: z.number().int(),
    takenAt: z.string(),
    trigger: KpiTrigger,
    figures: KpiFigures,
  })
  .meta({ id: "KpiPoint" });
export type KpiPoint = z.infer<typeof KpiPoint>;

/** Key of the Land NRW as a KPI scope. */
export const NRW_KEY = "05";
