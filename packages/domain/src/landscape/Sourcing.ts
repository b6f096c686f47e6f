import { z } from "zod";
import { OrganisationKind } from "../organisation/Organisation.ts";
import { Provenance } from "../provenance/Provenance.ts";
import { ProviderRef } from "../provider/Provider.ts";
import { OperatingModel } from "./OperatingModel.ts";
import { ProductRef } from "./Product.ts";
import { ServiceDomainId } from "./ServiceDomain.ts";
import { IsoDate } from "../dates/IsoDate.ts";

/** The Kommune a sourcing belongs to (`ags` is the 8-digit AGS or the 5-digit Kreisschlüssel). */
export const SourcingOrganisation = z
  .object({
    ags: z.string(),
    name: z.string(),
    kind: OrganisationKind,
    /** Einwohner (Zensus 2022), for cost per inhabitant. */
    population: z.number().int().nullable(),
  })
  .meta({ id: "SourcingOrganisation" });

/**
 * One Bezug: Kommune × Leistungsbereich → operating model, provider, product, cost and volume,
 * valid from `validFrom` (inclusive) to `validTo` (exclusive; null = still valid).
 */
export const Sourcing = z
  .object({
    id: z.number().int(),
    organisation: SourcingOrganisation,
    domain: z.object({ id: ServiceDomainId, name: z.string() }),
    operatingModel: OperatingModel,
    provider: ProviderRef.nullable(),
    /** The other Kommune, when the operating model is `andere_kommune`. */
    partner: z.object({ ags: z.string(), name: z.string() }).nullable(),
    product: ProductRef.nullable(),
    /** Running plus investment cost per year in euro. */
    annualCost: z.number().nullable(),
    runningCost: z.number().nullable(),
    investmentCost: z.number().nullable(),
    volume: z.number().nullable(),
    volumeUnit: z.string().nullable(),
    contractEnd: z.string().nullable(),
    satisfaction: z.number().int().min(1).max(5).nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    predecessorId: z.number().int().nullable(),
    changeReason: z.string().nullable(),
    /** True for synthetic values ("Demodaten (synthetisch)"); never mixed up with facts. */
    demo: z.boolean(),
    /** True when costs, volume, contract end and satisfaction are hidden from this viewer. */
    confidentialHidden: z.boolean(),
    provenance: Provenance,
  })
  .meta({ id: "Sourcing" });
export type Sourcing = z.infer<typeof Sourcing>;

const Money = z.number().min(0, "darf nicht negativ sein").max(1e10, "ist unplausibel groß");

/** What a user enters to change a Kommune's sourcing of one domain from a date on. */
export const SourcingInput = z
  .object({
    operatingModel: OperatingModel,
    providerId: z.string().min(1).nullable().default(null),
    partnerAgs: z.string().min(1).nullable().default(null),
    productId: z.string().min(1).nullable().default(null),
    runningCost: Money.nullable().default(null),
    investmentCost: Money.nullable().default(null),
    volume: z
      .number()
      .min(0, "darf nicht negativ sein")
      .max(1e9, "ist unplausibel groß")
      .nullable()
      .default(null),
    contractEnd: IsoDate.nullable().default(null),
    satisfaction: z
      .number()
      .int("muss eine ganze Zahl sein")
      .min(1, "muss zwischen 1 und 5 liegen")
      .max(5, "muss zwischen 1 und 5 liegen")
      .nullable()
      .default(null),
    validFrom: IsoDate,
    note: z.string().max(500).nullable().default(null),
  })
  .superRefine((input, context) => {
    if (input.operatingModel === "it_dienstleister" && !input.providerId) {
      context.addIssue({
        code: "custom",
        path: ["providerId"],
        message: "Bei Bezug von einem IT-Dienstleister ist der Dienstleister anzugeben.",
      });
    }
    if (
      input.operatingModel !== "it_dienstleister" &&
      input.operatingModel !== "efa_dienst" &&
      input.providerId
    ) {
      context.addIssue({
        code: "custom",
        path: ["providerId"],
        message:
          "Ein IT-Dienstleister passt nur zu den Betriebsmodellen „IT-Dienstleister“ und „EfA-Dienst“.",
      });
    }
    if (input.operatingModel === "andere_kommune" && !input.partnerAgs) {
      context.addIssue({
        code: "custom",
        path: ["partnerAgs"],
        message: "Bei Bezug von einer anderen Kommune ist diese anzugeben.",
      });
    }
    if (input.operatingModel !== "andere_kommune" && input.partnerAgs) {
      context.addIssue({
        code: "custom",
        path: ["partnerAgs"],
        message: "Eine Partnerkommune passt nur zum Betriebsmodell „Andere Kommune“.",
      });
    }
  })
  .meta({ id: "SourcingChange" });
export type SourcingInput = z.infer<typeof SourcingInput>;

/** Total yearly cost of a sourcing: running plus investment; null when neither is known. */
export function annualCost(running: number | null, investment: number | null): number | null {
  if (running === null && investment === null) return null;
  return (running ?? 0) + (investment ?? 0);
}
