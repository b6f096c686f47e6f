import { z } from "zod";
import { ServiceDomainId } from "../landscape/ServiceDomain.ts";
import { IsoDate } from "../dates/IsoDate.ts";

/** Target operating model of a domain in a Kommune's IT-Strategie. */
export const TargetModel = z.enum(["vor_ort", "it_dienstleister", "interkommunal", "land", "efa"]);
export type TargetModel = z.infer<typeof TargetModel>;

/** German labels of target models. */
export const targetModelLabel: Record<TargetModel, string> = {
  vor_ort: "Vor Ort (eigener Betrieb)",
  it_dienstleister: "IT-Dienstleister",
  interkommunal: "Interkommunal",
  land: "Land",
  efa: "EfA-Dienst",
};

/** Strategy versions: a draft is edited; adopting freezes it with the council decision date. */
export const StrategyStatus = z.enum(["draft", "adopted"]);
export type StrategyStatus = z.infer<typeof StrategyStatus>;

/** One decision: how a service domain is to be operated and whether it must stay local. */
export const StrategyDecision = z
  .object({
    domainId: ServiceDomainId,
    targetModel: TargetModel,
    /** The IT-Dienstleister X when the target model is `it_dienstleister`. */
    providerId: z.string().min(1).nullable().default(null),
    vorOrtRequired: z.boolean().default(false),
    rationale: z.string().max(2000).nullable().default(null),
    priority: z
      .number()
      .int()
      .min(1, "muss zwischen 1 und 3 liegen")
      .max(3, "muss zwischen 1 und 3 liegen")
      .default(2),
    targetYear: z
      .number()
      .int()
      .min(2020, "muss ab 2020 liegen")
      .max(2060, "muss bis 2060 liegen")
      .nullable()
      .default(null),
  })
  .meta({ id: "StrategyDecision" });
export type StrategyDecision = z.infer<typeof StrategyDecision>;

/** A draft's decisions as saved by the editor. */
export const StrategyDraftInput = z
  .object({ decisions: z.array(StrategyDecision).max(200) })
  .superRefine((input, context) => {
    const seen = new Set<string>();
    input.decisions.forEach((decision, index) => {
      if (seen.has(decision.domainId)) {
        context.addIssue({
          code: "custom",
          path: ["decisions", index, "domainId"],
          message: "Der Leistungsbereich ist doppelt.",
        });
      }
      seen.add(decision.domainId);
      if (decision.targetModel === "it_dienstleister" && !decision.providerId) {
        context.addIssue({
          code: "custom",
          path: ["decisions", index, "providerId"],
          message: "Bitte den IT-Dienstleister angeben.",
        });
      }
    });
  })
  .meta({ id: "StrategyDraftInput" });
export type StrategyDraftInput = z.infer<typeof StrategyDraftInput>;

/** Adopting a draft: the date of the council decision (Ratsbeschluss). */
export const StrategyAdoptInput = z
  .object({ councilDecisionDate: IsoDate })
  .meta({ id: "StrategyAdoptInput" });

/** A version of a Kommune's IT-Strategie. */
export const Strategy = z
  .object({
    id: z.number().int(),
    organisationKey: z.string(),
    organisationName: z.string(),
    version: z.number().int(),
    status: StrategyStatus,
    councilDecisionDate: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    decisions: z.array(StrategyDecision),
  })
  .meta({ id: "Strategy" });
export type Strategy = z.infer<typeof Strategy>;
