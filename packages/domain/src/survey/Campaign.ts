import { z } from "zod";
import { Question, QuestionList } from "./Question.ts";
import { IsoDate } from "../dates/IsoDate.ts";

/** Most Kommunen one campaign may name one by one (NRW has 396 Gemeinden and 31 Kreise). */
export const MAX_TARGET_KOMMUNEN = 427;

/**
 * Who is asked: all Kommunen, those of a Regierungsbezirk or Kreis, a provider's members, or
 * Kommunen chosen one by one (e.g. those with the weakest Datenlage).
 */
export const CampaignTarget = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("all") }),
    z.object({
      kind: z.literal("regierungsbezirk"),
      key: z.string().regex(/^05\d$/, "muss ein Regierungsbezirk-Schlüssel sein"),
    }),
    z.object({
      kind: z.literal("kreis"),
      key: z.string().regex(/^05\d{3}$/, "muss ein Kreisschlüssel sein"),
    }),
    z.object({
      kind: z.literal("provider"),
      key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "ist keine Dienstleister-Kennung"),
    }),
    z.object({
      kind: z.literal("kommunen"),
      keys: z
        .array(z.string().regex(/^05\d{3}(\d{3})?$/, "muss ein AGS oder Kreisschlüssel sein"))
        .min(1, "Bitte mindestens eine Kommune wählen.")
        .max(MAX_TARGET_KOMMUNEN)
        .refine((keys) => new Set(keys).size === keys.length, "Eine Kommune ist doppelt genannt."),
    }),
  ])
  .meta({ id: "CampaignTarget" });
export type CampaignTarget = z.infer<typeof CampaignTarget>;

/** draft: questions editable; running: questions frozen, Kommunen answer; closed: read-only. */
export const CampaignStatus = z.enum(["draft", "running", "closed"]);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** German labels of campaign states. */
export const campaignStatusLabel: Record<CampaignStatus, string> = {
  draft: "Entwurf",
  running: "Läuft",
  closed: "Abgeschlossen",
};

/** What an analyst enters to create or change a campaign. */
export const CampaignInput = z
  .object({
    title: z.string().trim().min(3, "muss mindestens 3 Zeichen haben").max(200),
    description: z.string().max(5000).nullable().default(null),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    target: CampaignTarget,
    questions: QuestionList.default([]),
  })
  .superRefine((input, context) => {
    if (input.periodEnd < input.periodStart) {
      context.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "Das Ende muss am oder nach dem Beginn liegen.",
      });
    }
  })
  .meta({ id: "CampaignDefinition" });
export type CampaignInput = z.infer<typeof CampaignInput>;

/** A campaign with its current question set version. */
export const Campaign = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    periodStart: z.string(),
    periodEnd: z.string(),
    target: CampaignTarget,
    status: CampaignStatus,
    questionSetVersion: z.number().int(),
    /** When the questions were frozen (campaign started). */
    frozenAt: z.string().nullable(),
    questions: z.array(Question),
    createdBy: z.string(),
  })
  .meta({ id: "Campaign" });
export type Campaign = z.infer<typeof Campaign>;

/** Provenance reason of landscape changes taken from a campaign. */
export function campaignProvenance(title: string): string {
  return `Bedarfserhebung ${title}`;
}
