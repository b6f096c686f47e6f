import { z } from "zod";
import { ExpertRole } from "../organisation/Expert.ts";
import { ServiceDomainId } from "../landscape/ServiceDomain.ts";
import { ProviderId } from "../provider/Provider.ts";
import { IsoDate } from "../dates/IsoDate.ts";

const KommuneKey = z
  .string()
  .regex(/^05\d{3}(\d{3})?$/, "muss eine AGS oder ein Kreisschlüssel sein");
/** Id of a scenario (text: scenarios live in another module and may be recomputed). */
export const ScenarioRefId = z.string().min(1).max(100);

/** Status of a Maßnahme. */
export const MeasureStatus = z.enum(["geplant", "in_arbeit", "blockiert", "erledigt", "verworfen"]);
export type MeasureStatus = z.infer<typeof MeasureStatus>;

/** German labels of measure statuses. */
export const measureStatusLabel: Record<MeasureStatus, string> = {
  geplant: "geplant",
  in_arbeit: "in Arbeit",
  blockiert: "blockiert",
  erledigt: "erledigt",
  verworfen: "verworfen",
};

/** Statuses in which a measure needs no more work (it neither blocks nor is overdue). */
export const CLOSED_MEASURE_STATUSES: readonly MeasureStatus[] = ["erledigt", "verworfen"];

/** A team member: an account in an expert role (the roles of the Expertenverzeichnis). */
export const TeamMember = z
  .object({ userId: z.number().int().positive(), expertRole: ExpertRole })
  .meta({ id: "MeasureTeamMember" });
export type TeamMember = z.infer<typeof TeamMember>;

/** A Meilenstein of a measure. */
export const Milestone = z
  .object({
    id: z.number().int(),
    measureId: z.number().int(),
    title: z.string(),
    dueDate: IsoDate,
    done: z.boolean(),
  })
  .meta({ id: "MeasureMilestone" });
export type Milestone = z.infer<typeof Milestone>;

/** A milestone as entered. */
export const MilestoneInput = z
  .object({
    title: z.string().trim().min(1, "darf nicht leer sein").max(200),
    dueDate: IsoDate,
    done: z.boolean().default(false),
  })
  .meta({ id: "MeasureMilestoneWrite" });
export type MilestoneInput = z.infer<typeof MilestoneInput>;

/** A measure as entered (create and update). */
export const MeasureInput = z
  .object({
    title: z.string().trim().min(1, "darf nicht leer sein").max(200),
    description: z.string().max(5000).nullable().default(null),
    kommuneKeys: z.array(KommuneKey).max(500).default([]),
    domainIds: z.array(ServiceDomainId).max(100).default([]),
    providerIds: z.array(ProviderId).max(100).default([]),
    scenarioId: ScenarioRefId.nullable().default(null),
    /** The strategy decision implemented: strategy version id and its domain. */
    strategyId: z.number().int().positive().nullable().default(null),
    strategyDomainId: ServiceDomainId.nullable().default(null),
    ownerUserId: z.number().int().positive().nullable().default(null),
    team: z.array(TeamMember).max(50).default([]),
    startDate: IsoDate.nullable().default(null),
    dueDate: IsoDate.nullable().default(null),
    status: MeasureStatus.default("geplant"),
    wave: z.number().int().min(1).max(100).nullable().default(null),
    oneOffCost: z.number().nonnegative().nullable().default(null),
  })
  .superRefine((input, context) => {
    if (input.startDate && input.dueDate && input.dueDate < input.startDate) {
      context.addIssue({
        code: "custom",
        path: ["dueDate"],
        message: "Das Fälligkeitsdatum liegt vor dem Beginn.",
      });
    }
    if (input.strategyDomainId && input.strategyId === null) {
      context.addIssue({
        code: "custom",
        path: ["strategyId"],
        message: "Eine Strategieentscheidung braucht die Strategie.",
      });
    }
  })
  .meta({ id: "MeasureWrite" });
export type MeasureInput = z.infer<typeof MeasureInput>;

/** A named reference (Kommune, domain, provider, account). */
const Named = z.object({ id: z.string(), name: z.string() });

/** A Maßnahme as the API shows it, with flags of the schedule analysis. */
export const Measure = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    kommunen: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        kreisKey: z.string().nullable(),
        kreisName: z.string().nullable(),
      }),
    ),
    domains: z.array(Named),
    providers: z.array(Named),
    scenarioId: z.string().nullable(),
    strategyId: z.number().int().nullable(),
    strategyDomainId: z.string().nullable(),
    owner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    team: z.array(z.object({ userId: z.number().int(), name: z.string(), expertRole: ExpertRole })),
    startDate: z.string().nullable(),
    dueDate: z.string().nullable(),
    status: MeasureStatus,
    wave: z.number().int().nullable(),
    oneOffCost: z.number().nullable(),
    dependsOn: z.array(
      z.object({ id: z.number().int(), title: z.string(), status: MeasureStatus }),
    ),
    milestones: z.array(Milestone),
    overdue: z.boolean(),
    blocked: z.boolean(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: "Measure" });
export type Measure = z.infer<typeof Measure>;

/** A migration of a scenario plan (as `PlannedMigration` of the solver). */
export const PlannedMigrationInput = z
  .object({
    kommuneId: KommuneKey,
    domainId: ServiceDomainId,
    fromProviderId: ProviderId.nullable(),
    /** null: the Kommune takes the service into eigenen Betrieb. */
    toProviderId: ProviderId.nullable(),
    oneOffCost: z.number().nonnegative(),
  })
  .meta({ id: "PlannedMigrationInput" });
export type PlannedMigrationInput = z.infer<typeof PlannedMigrationInput>;

/** Request to turn a scenario's migrations into measures. */
export const MeasuresFromMigrationsInput = z
  .object({
    scenarioId: ScenarioRefId,
    migrations: z
      .array(PlannedMigrationInput)
      .min(1, "braucht mindestens eine Migration")
      .max(5000),
    maxMigrationsPerYear: z.number().int().min(1).max(5000).default(50),
    /** Project capacity of target providers (from the scenario): most migrations a year each. */
    providerMigrationsPerYear: z
      .array(
        z.object({
          providerId: ProviderId,
          migrationsPerYear: z
            .number()
            .int("Die Projektkapazität ist eine ganze Zahl von Wechseln je Jahr.")
            .min(1, "Die Projektkapazität je Anbieter beträgt mindestens 1 Wechsel je Jahr.")
            .max(5000),
        }),
      )
      .default([]),
    startYear: z.number().int().min(2020).max(2060),
  })
  .meta({ id: "MeasuresFromMigrationsInput" });
export type MeasuresFromMigrationsInput = z.infer<typeof MeasuresFromMigrationsInput>;
