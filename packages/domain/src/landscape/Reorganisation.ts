import { z } from "zod";
import { ProviderId, ProviderRef } from "../provider/Provider.ts";
import { IsoDate } from "../dates/IsoDate.ts";

/** The provider that takes over: an existing one, or a new one created with the change. */
export const ReorganisationTarget = z
  .object({
    providerId: ProviderId,
    /** Only for a new provider: its short name and full name. */
    shortName: z.string().trim().min(1).max(60).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    legalForm: z.string().trim().max(100).optional(),
    seat: z.string().trim().max(100).optional(),
  })
  .meta({ id: "ReorganisationTarget" });
export type ReorganisationTarget = z.infer<typeof ReorganisationTarget>;

/**
 * A reorganisation of providers: a merger (A + B → C), a renaming (A → A′) or a Kommune
 * moving from one provider to another. Every current relation moves with lineage.
 */
export const ReorganisationRequest = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("merger"),
      sourceProviderIds: z.array(ProviderId).min(1, "mindestens ein Dienstleister").max(20),
      target: ReorganisationTarget,
      effectiveDate: IsoDate,
      note: z.string().max(500).optional(),
    }),
    z.object({
      kind: z.literal("rename"),
      sourceProviderIds: z.array(ProviderId).length(1, "genau ein Dienstleister"),
      target: ReorganisationTarget,
      effectiveDate: IsoDate,
      note: z.string().max(500).optional(),
    }),
    z.object({
      kind: z.literal("member_move"),
      sourceProviderIds: z.array(ProviderId).length(1, "genau ein bisheriger Dienstleister"),
      target: ReorganisationTarget,
      organisationKey: z
        .string()
        .regex(/^05\d{3}(\d{3})?$/, "muss eine AGS oder ein Kreisschlüssel sein"),
      effectiveDate: IsoDate,
      note: z.string().max(500).optional(),
    }),
  ])
  .meta({ id: "ReorganisationRequest" });
export type ReorganisationRequest = z.infer<typeof ReorganisationRequest>;

/** German labels of reorganisation kinds. */
export const reorganisationKindLabel: Record<ReorganisationRequest["kind"], string> = {
  merger: "Fusion",
  rename: "Umbenennung",
  member_move: "Wechsel einer Kommune",
};

/** One relation that a reorganisation moves. */
export const ReorganisationMove = z
  .object({
    kind: z.enum(["sourcing", "offer"]),
    id: z.number().int(),
    organisation: z.object({ ags: z.string(), name: z.string() }).nullable(),
    domain: z.object({ id: z.string(), name: z.string() }),
    fromProvider: ProviderRef,
    validFrom: z.string(),
    validTo: z.string().nullable(),
    /** `split`: closed at the date and continued with the new provider; `update`: starts on or after the date. */
    action: z.enum(["split", "update"]),
  })
  .meta({ id: "ReorganisationMove" });
export type ReorganisationMove = z.infer<typeof ReorganisationMove>;

/** What a reorganisation will change (preview) or changed (result). */
export const ReorganisationPlan = z
  .object({
    kind: z.enum(["merger", "rename", "member_move"]),
    effectiveDate: z.string(),
    target: ProviderRef,
    createsProvider: z.boolean(),
    sources: z.array(ProviderRef),
    moves: z.array(ReorganisationMove),
    providerChanges: z.array(
      z.object({
        provider: ProviderRef,
        status: z.enum(["active", "merged", "renamed"]),
        successorId: z.string(),
      }),
    ),
    reorganisationId: z.number().int().nullable(),
  })
  .meta({ id: "ReorganisationPlan" });
export type ReorganisationPlan = z.infer<typeof ReorganisationPlan>;
