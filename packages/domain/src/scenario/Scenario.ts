import { z } from "zod";
import { ServiceDomainId } from "../landscape/ServiceDomain.ts";
import { OrganisationKey } from "../organisation/Organisation.ts";
import { ProviderId } from "../provider/Provider.ts";
import { ScenarioDefinition } from "./ScenarioDefinition.ts";
import { ScenarioResultStatus } from "./ScenarioResult.ts";

/** A hand-made assignment: Kommune × domain → provider, or eigener Betrieb (providerId null). */
export const ScenarioAssignment = z
  .object({
    kommuneKey: OrganisationKey,
    domainId: ServiceDomainId,
    providerId: ProviderId.nullable(),
  })
  .meta({ id: "ScenarioAssignment" });
export type ScenarioAssignment = z.infer<typeof ScenarioAssignment>;

/** A planning scenario as stored, with the status of its latest run. */
export const Scenario = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    baseDate: z.string(),
    definition: ScenarioDefinition,
    /** The Zielbild: at most one scenario is marked as the target picture. */
    isTarget: z.boolean(),
    assignments: z.array(ScenarioAssignment),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    latestResult: z
      .object({ id: z.number().int(), status: ScenarioResultStatus, createdAt: z.string() })
      .nullable(),
  })
  .meta({ id: "Scenario" });
export type Scenario = z.infer<typeof Scenario>;

/** What a user sends to create or update a scenario. */
export const ScenarioSaveInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Bitte einen Namen angeben.")
      .max(200, "Der Name ist zu lang (höchstens 200 Zeichen)."),
    description: z.string().max(4000, "Die Beschreibung ist zu lang.").nullable().default(null),
    definition: ScenarioDefinition,
    assignments: z.array(ScenarioAssignment).max(20_000).default([]),
  })
  .superRefine((input, context) => {
    const seen = new Set<string>();
    input.assignments.forEach((assignment, index) => {
      const id = `${assignment.kommuneKey}|${assignment.domainId}`;
      if (seen.has(id)) {
        context.addIssue({
          code: "custom",
          path: ["assignments", index],
          message: "Je Kommune und Leistungsbereich ist nur eine Zuordnung erlaubt.",
        });
      }
      seen.add(id);
    });
  })
  .meta({ id: "ScenarioSaveInput" });
export type ScenarioSaveInput = z.infer<typeof ScenarioSaveInput>;
