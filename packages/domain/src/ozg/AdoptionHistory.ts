import { z } from "zod";
import { ProvenanceQuality } from "../provenance/Provenance.ts";
import { AdoptionStatus } from "./AdoptionStatus.ts";

/** How an adoption change was recorded: first entry, a change, or a row of an import file. */
export const AdoptionHistoryAction = z.enum(["create", "change", "import"]);
export type AdoptionHistoryAction = z.infer<typeof AdoptionHistoryAction>;

/**
 * One change of a Kommune's adoption status for an OZG-Leistung, read from the audit log.
 * `changedBy` is the e-mail address of the person; it is only given to callers who may read
 * the audit log or edit that Kommune's adoption, otherwise null.
 */
export const OzgAdoptionHistoryEntry = z
  .object({
    /** Number of the audit entry (stable key of a row). */
    id: z.number().int(),
    at: z.string(),
    organisationKey: z.string(),
    kommuneName: z.string().nullable(),
    action: AdoptionHistoryAction,
    via: z.enum(["ui", "api", "import", "cli", "system"]),
    statusBefore: AdoptionStatus.nullable(),
    statusAfter: AdoptionStatus.nullable(),
    informationDate: z.string().nullable(),
    onlineServiceName: z.string().nullable(),
    quality: ProvenanceQuality.nullable(),
    changedBy: z.string().nullable(),
  })
  .meta({ id: "OzgAdoptionHistoryEntry" });
export type OzgAdoptionHistoryEntry = z.infer<typeof OzgAdoptionHistoryEntry>;
