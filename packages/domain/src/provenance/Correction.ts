import { z } from "zod";
import { OrganisationRef } from "../organisation/Organisation.ts";
import { MembershipRelation, membershipRelationLabel } from "../provider/Membership.ts";
import { ProviderId, ProviderRef } from "../provider/Provider.ts";
import { Provenance } from "./Provenance.ts";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "muss ein Datum JJJJ-MM-TT sein");
const Ags = z.string().regex(/^05\d{3}(\d{3})?$/, "muss eine AGS oder ein Kreisschlüssel sein");
const OptionalText = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);

/** The evidence a correction cites: a URL and/or a document, and the date of the evidence. */
export const CorrectionSource = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https?:\/\/\S+$/, "muss mit http:// oder https:// beginnen")
      .nullable()
      .default(null),
    document: OptionalText(500),
    evidenceDate: IsoDate,
  })
  .refine((source) => source.url !== null || source.document !== null, {
    message: "Bitte geben Sie eine Quelle an (Adresse oder Dokument).",
    path: ["url"],
  })
  .meta({ id: "CorrectionSource" });
export type CorrectionSource = z.infer<typeof CorrectionSource>;

/** Provider facts a correction can change; a field left out stays as it is. */
export const ProviderFactValues = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  website: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\//, "muss mit http:// oder https:// beginnen")
    .nullable()
    .optional(),
  legalForm: z.string().trim().max(200).nullable().optional(),
  seat: z.string().trim().max(200).nullable().optional(),
});
export type ProviderFactValues = z.infer<typeof ProviderFactValues>;

/** A proposed correction of a public fact, as written by a Kommune or a provider. */
export const CorrectionInput = z
  .discriminatedUnion("type", [
    z.object({
      type: z.literal("membership_add"),
      organisationKey: Ags,
      providerId: ProviderId,
      relation: MembershipRelation,
      validFrom: IsoDate.nullable().default(null),
      source: CorrectionSource,
      note: OptionalText(5000),
    }),
    z.object({
      type: z.literal("membership_change"),
      membershipId: z.number().int().positive(),
      relation: MembershipRelation,
      validFrom: IsoDate.nullable().default(null),
      source: CorrectionSource,
      note: OptionalText(5000),
    }),
    z.object({
      type: z.literal("membership_end"),
      membershipId: z.number().int().positive(),
      validTo: IsoDate,
      source: CorrectionSource,
      note: OptionalText(5000),
    }),
    z.object({
      type: z.literal("provider_change"),
      providerId: ProviderId,
      values: ProviderFactValues.refine((values) => Object.keys(values).length > 0, {
        message: "Bitte ändern Sie mindestens eine Angabe.",
      }),
      source: CorrectionSource,
      note: OptionalText(5000),
    }),
  ])
  .meta({ id: "CorrectionWrite" });
export type CorrectionInput = z.infer<typeof CorrectionInput>;
export type CorrectionType = CorrectionInput["type"];

/** State of a correction. */
export const CorrectionStatus = z.enum(["open", "accepted", "rejected"]);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;

/** German labels of correction states and types. */
export const correctionStatusLabel: Record<CorrectionStatus, string> = {
  open: "offen",
  accepted: "angenommen",
  rejected: "abgelehnt",
};
export const correctionTypeLabel: Record<CorrectionType, string> = {
  membership_add: "Neue Mitgliedschaft",
  membership_change: "Mitgliedschaft geändert",
  membership_end: "Mitgliedschaft beendet",
  provider_change: "Angaben zum Dienstleister",
};

/** A correction with its decision. */
export const Correction = z
  .object({
    id: z.number().int(),
    type: z.enum(["membership_add", "membership_change", "membership_end", "provider_change"]),
    status: CorrectionStatus,
    organisation: OrganisationRef.nullable(),
    provider: ProviderRef,
    membershipId: z.number().int().nullable(),
    /** What the correction says, in German, for lists. */
    summary: z.string(),
    /** The proposed values (membership: relation, validFrom/validTo; provider: changed fields). */
    proposed: z.record(z.string(), z.unknown()),
    /** The fact as it was when the correction was proposed (null for a new membership). */
    current: z.record(z.string(), z.unknown()).nullable(),
    source: z.object({
      url: z.string().nullable(),
      document: z.string().nullable(),
      evidenceDate: z.string(),
    }),
    note: z.string().nullable(),
    proposedBy: z.string(),
    proposedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: "Correction" });
export type Correction = z.infer<typeof Correction>;

/** The decision of a KDN-Analyst on a correction. */
export const CorrectionDecision = z
  .object({
    decision: z.enum(["accept", "reject"]),
    reason: z.string().trim().min(1, "Bitte begründen Sie die Entscheidung.").max(5000),
  })
  .meta({ id: "CorrectionDecisionWrite" });
export type CorrectionDecision = z.infer<typeof CorrectionDecision>;

/** One version of a membership: the current one or an earlier one kept in the history. */
export const MembershipVersion = z
  .object({
    membershipId: z.number().int(),
    provider: ProviderRef,
    relation: MembershipRelation,
    derivation: z.string(),
    provenance: Provenance,
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    recordedAt: z.string(),
    /** When a later version replaced this one (null: the current version). */
    supersededAt: z.string().nullable(),
    correctionId: z.number().int().nullable(),
    channel: z.enum(["correction", "import"]).nullable(),
  })
  .meta({ id: "MembershipVersion" });
export type MembershipVersion = z.infer<typeof MembershipVersion>;

/** German one-line description of a proposed correction. */
export function describeCorrection(
  input: CorrectionInput,
  names: { organisation: string | null; provider: string },
): string {
  const who = names.organisation ? `${names.organisation} – ` : "";
  switch (input.type) {
    case "membership_add":
      return `Neue Mitgliedschaft: ${who}${names.provider} (${membershipRelationLabel[input.relation]})${input.validFrom ? ` ab ${input.validFrom}` : ""}`;
    case "membership_change":
      return `Mitgliedschaft ändern: ${who}${names.provider} → ${membershipRelationLabel[input.relation]}${input.validFrom ? ` ab ${input.validFrom}` : ""}`;
    case "membership_end":
      return `Mitgliedschaft beenden: ${who}${names.provider} zum ${input.validTo}`;
    case "provider_change": {
      const labels: Record<keyof ProviderFactValues, string> = {
        name: "Name",
        website: "Website",
        legalForm: "Rechtsform",
        seat: "Sitz",
      };
      const fields = (Object.keys(input.values) as Array<keyof ProviderFactValues>)
        .map((key) => `${labels[key]}: ${input.values[key] ?? "keine Angabe"}`)
        .join("; ");
      return `${names.provider}: ${fields}`;
    }
  }
}
