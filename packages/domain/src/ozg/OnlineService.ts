import { z } from "zod";
import { Provenance } from "../provenance/Provenance.ts";
import { BaseComponent } from "./AdoptionStatus.ts";

/** Public id of an online service or base component, e.g. `epayment-nrw`. */
export const OnlineServiceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "ist keine gültige Kennung eines Onlinedienstes");
export type OnlineServiceId = z.infer<typeof OnlineServiceId>;

/** An online service for citizens and businesses, or a central base component. */
export const OnlineServiceKind = z.enum(["onlinedienst", "basiskomponente"]);
export type OnlineServiceKind = z.infer<typeof OnlineServiceKind>;

/** German labels of online service kinds. */
export const onlineServiceKindLabel: Record<OnlineServiceKind, string> = {
  onlinedienst: "Onlinedienst",
  basiskomponente: "Basiskomponente",
};

/**
 * OZG-Reifegrad 0–4 (OZG-Reifegradmodell of the federal OZG programme): 3 and above count as
 * an online service in the sense of the OZG.
 */
export const OzgMaturity = z
  .number()
  .int("muss eine ganze Zahl sein")
  .min(0, "muss zwischen 0 und 4 liegen")
  .max(4, "muss zwischen 0 und 4 liegen");

/** German labels of the OZG-Reifegrade. */
export const ozgMaturityLabel: Record<number, string> = {
  0: "0 – nicht online",
  1: "1 – Informationen online",
  2: "2 – Formular online, Einreichung analog",
  3: "3 – Antrag samt Nachweisen online",
  4: "4 – vollständig digital mit Bescheid",
};

/** Land (ISO 3166-2:DE suffix) or the Bund, e.g. as lead of an EfA service. */
export const LeadLand = z.enum([
  "BW",
  "BY",
  "BE",
  "BB",
  "HB",
  "HH",
  "HE",
  "MV",
  "NI",
  "NW",
  "RP",
  "SL",
  "SN",
  "ST",
  "SH",
  "TH",
  "BUND",
]);
export type LeadLand = z.infer<typeof LeadLand>;

/** An online service with its operator, EfA flag, maturity and the OZG-Leistungen it covers. */
export const OnlineService = z
  .object({
    id: OnlineServiceId,
    name: z.string(),
    description: z.string().nullable(),
    kind: OnlineServiceKind,
    /** The checklist item a base component fulfils; null for online services. */
    component: BaseComponent.nullable(),
    /** Operating IT-Dienstleister, when it is one of the providers in IT-Atlas. */
    operatorProviderId: z.string().nullable(),
    /** Name of the operator (provider short name or central body). */
    operatorName: z.string(),
    /** "Einer für Alle": built once and reused across Kommunen and Länder. */
    efa: z.boolean(),
    leadLand: LeadLand.nullable(),
    portal: z.string().nullable(),
    maturity: z.number().int().min(0).max(4),
    /** Base components the service needs. */
    dependencies: z.array(BaseComponent),
    ozgLeistungen: z.array(z.object({ id: z.number().int(), name: z.string() })),
    demo: z.boolean(),
    provenance: Provenance,
  })
  .meta({ id: "OnlineService" });
export type OnlineService = z.infer<typeof OnlineService>;

/** What an administrator enters to create or change an online service. */
export const OnlineServiceInput = z
  .object({
    name: z.string().trim().min(2, "Bitte einen Namen angeben.").max(200),
    description: z.string().max(2000).nullable().default(null),
    kind: OnlineServiceKind,
    component: BaseComponent.nullable().default(null),
    operatorProviderId: z.string().min(1).nullable().default(null),
    operatorName: z.string().trim().max(200).nullable().default(null),
    efa: z.boolean().default(false),
    leadLand: LeadLand.nullable().default(null),
    portal: z.string().max(300).nullable().default(null),
    maturity: OzgMaturity,
    dependencies: z.array(BaseComponent).default([]),
    ozgIds: z.array(z.number().int().positive()).max(600).default([]),
  })
  .superRefine((input, context) => {
    if (input.kind === "basiskomponente" && input.component === null) {
      context.addIssue({
        code: "custom",
        path: ["component"],
        message: "Eine Basiskomponente braucht die Angabe, welche Komponente sie ist.",
      });
    }
    if (input.kind === "onlinedienst" && input.component !== null) {
      context.addIssue({
        code: "custom",
        path: ["component"],
        message: "Nur Basiskomponenten sind einer Komponente der Checkliste zugeordnet.",
      });
    }
    if (!input.operatorProviderId && !input.operatorName) {
      context.addIssue({
        code: "custom",
        path: ["operatorName"],
        message: "Bitte den Betreiber angeben (IT-Dienstleister oder Name).",
      });
    }
  })
  .meta({ id: "OnlineServiceChange" });
export type OnlineServiceInput = z.infer<typeof OnlineServiceInput>;
