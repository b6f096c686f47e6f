import { z } from "zod";
import { ScenarioRefId } from "./Measure.ts";
import { IsoDate } from "../dates/IsoDate.ts";

/** Kinds of Gremien. */
export const GovernanceBodyKind = z.enum([
  "verbandsversammlung",
  "lenkungskreis",
  "rat",
  "kreistag",
  "sonstiges",
]);
export type GovernanceBodyKind = z.infer<typeof GovernanceBodyKind>;

/** German labels of body kinds. */
export const governanceBodyKindLabel: Record<GovernanceBodyKind, string> = {
  verbandsversammlung: "Verbandsversammlung",
  lenkungskreis: "Lenkungskreis",
  rat: "Rat",
  kreistag: "Kreistag",
  sonstiges: "Sonstiges Gremium",
};

/** A Gremium that decides about the change process. */
export const GovernanceBody = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: GovernanceBodyKind,
    description: z.string().nullable(),
    decisionCount: z.number().int().nonnegative(),
  })
  .meta({ id: "GovernanceBody" });
export type GovernanceBody = z.infer<typeof GovernanceBody>;

/** A body as entered. */
export const GovernanceBodyInput = z
  .object({
    name: z.string().trim().min(1, "darf nicht leer sein").max(200),
    kind: GovernanceBodyKind,
    description: z.string().max(2000).nullable().default(null),
  })
  .meta({ id: "GovernanceBodyWrite" });
export type GovernanceBodyInput = z.infer<typeof GovernanceBodyInput>;

/** A Beschluss of a body. */
export const GovernanceDecision = z
  .object({
    id: z.number().int(),
    bodyId: z.number().int(),
    bodyName: z.string(),
    decidedOn: z.string(),
    title: z.string(),
    text: z.string().nullable(),
    documentReference: z.string().nullable(),
    measures: z.array(z.object({ id: z.number().int(), title: z.string() })),
    scenarioIds: z.array(z.string()),
    createdBy: z.string(),
  })
  .meta({ id: "GovernanceDecision" });
export type GovernanceDecision = z.infer<typeof GovernanceDecision>;

/** A decision as recorded. */
export const GovernanceDecisionInput = z
  .object({
    bodyId: z.number().int().positive(),
    decidedOn: IsoDate,
    title: z.string().trim().min(1, "darf nicht leer sein").max(200),
    text: z.string().max(10000).nullable().default(null),
    documentReference: z.string().max(500).nullable().default(null),
    measureIds: z.array(z.number().int().positive()).max(500).default([]),
    scenarioIds: z.array(ScenarioRefId).max(50).default([]),
  })
  .meta({ id: "GovernanceDecisionWrite" });
export type GovernanceDecisionInput = z.infer<typeof GovernanceDecisionInput>;

/** What a comment is about. */
export const CommentTargetType = z.enum(["measure", "strategy", "scenario"]);
export type CommentTargetType = z.infer<typeof CommentTargetType>;

/** A comment with the accounts it mentions. */
export const ChangeComment = z
  .object({
    id: z.number().int(),
    targetType: CommentTargetType,
    targetId: z.string(),
    authorName: z.string(),
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "ChangeComment" });
export type ChangeComment = z.infer<typeof ChangeComment>;

/** A comment as written. */
export const ChangeCommentInput = z
  .object({
    targetType: CommentTargetType,
    targetId: z.string().min(1).max(100),
    body: z.string().trim().min(1, "darf nicht leer sein").max(5000),
  })
  .meta({ id: "ChangeCommentWrite" });
export type ChangeCommentInput = z.infer<typeof ChangeCommentInput>;

/** An in-app notification of the signed-in account. */
export const AppNotification = z
  .object({
    id: z.number().int(),
    kind: z.enum(["mention", "assignment"]),
    title: z.string(),
    link: z.string(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: "AppNotification" });
export type AppNotification = z.infer<typeof AppNotification>;
