import { z } from "zod";
import { Provenance } from "../provenance/Provenance.ts";
import { IsoDate } from "../dates/IsoDate.ts";

const Money = z.number().min(0, "darf nicht negativ sein").max(1e10, "ist unplausibel groß");
const ProviderKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "ist keine gültige Dienstleister-Kennung");
const KommuneKey = z
  .string()
  .regex(/^05\d{3}(\d{3})?$/, "muss eine AGS oder ein Kreisschlüssel sein");

/** Whether an offer of the service exchange can still be taken. */
export const ExchangeOfferStatus = z.enum(["veroeffentlicht", "zurueckgezogen"]);
export type ExchangeOfferStatus = z.infer<typeof ExchangeOfferStatus>;

/** German labels of offer statuses. */
export const exchangeOfferStatusLabel: Record<ExchangeOfferStatus, string> = {
  veroeffentlicht: "veröffentlicht",
  zurueckgezogen: "zurückgezogen",
};

const ProviderSummary = z.object({ id: z.string(), shortName: z.string(), name: z.string() });
const KommuneSummary = z.object({ key: z.string(), name: z.string() });

/**
 * An offer of the service exchange (Leistungsaustausch): a provider offers a Leistungsbereich,
 * optionally a particular online service, to the members of other providers. While published
 * it is also a provider offer of the landscape, and so an allowed option in scenarios.
 */
export const ExchangeOffer = z
  .object({
    id: z.number().int(),
    provider: ProviderSummary,
    domain: z.object({ id: z.string(), name: z.string(), volumeUnit: z.string().nullable() }),
    onlineService: z.object({ id: z.string(), name: z.string() }).nullable(),
    title: z.string(),
    description: z.string().nullable(),
    /** The price model in words, e.g. "Grundpreis plus je Transaktion". */
    priceModel: z.string().nullable(),
    fixedPrice: z.number(),
    unitPrice: z.number(),
    capacity: z.number().nullable(),
    sla: z.string().nullable(),
    /** Providers whose members the offer is addressed to; empty: every Kommune. */
    audience: z.array(ProviderSummary),
    status: ExchangeOfferStatus,
    validFrom: z.string(),
    validTo: z.string().nullable(),
    /** The landscape offer (scenario option) that mirrors this offer while it is published. */
    providerOfferId: z.number().int().nullable(),
    interestCount: z.number().int(),
    agreementCount: z.number().int(),
    demo: z.boolean(),
    provenance: Provenance,
  })
  .meta({ id: "ExchangeOffer" });
export type ExchangeOffer = z.infer<typeof ExchangeOffer>;

/** What a provider enters to publish or change an offer. */
export const ExchangeOfferInput = z
  .object({
    domainId: z.string().min(1, "Bitte einen Leistungsbereich wählen."),
    onlineServiceId: z.string().min(1).nullable().default(null),
    title: z.string().trim().min(3, "Bitte einen Titel angeben.").max(200),
    description: z.string().max(2000).nullable().default(null),
    priceModel: z.string().max(500).nullable().default(null),
    fixedPrice: Money.default(0),
    unitPrice: Money.default(0),
    capacity: z.number().min(0, "darf nicht negativ sein").max(1e9).nullable().default(null),
    sla: z.string().max(500).nullable().default(null),
    audienceProviderIds: z.array(ProviderKey).max(50).default([]),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().default(null),
    status: ExchangeOfferStatus.default("veroeffentlicht"),
  })
  .superRefine((input, context) => {
    if (input.validTo !== null && input.validTo <= input.validFrom) {
      context.addIssue({
        code: "custom",
        path: ["validTo"],
        message: "Das Ende muss nach dem Beginn liegen.",
      });
    }
  })
  .meta({ id: "ExchangeOfferChange" });
export type ExchangeOfferInput = z.infer<typeof ExchangeOfferInput>;

/** Who takes part on the taking side: a Kommune or a provider (for its members). */
const PartyInput = {
  organisationKey: KommuneKey.nullable().default(null),
  providerId: ProviderKey.nullable().default(null),
};

function exactlyOneParty(
  input: { organisationKey: string | null; providerId: string | null },
  context: z.RefinementCtx,
) {
  if ((input.organisationKey === null) === (input.providerId === null)) {
    context.addIssue({
      code: "custom",
      path: ["organisationKey"],
      message: "Bitte genau eine Kommune oder einen IT-Dienstleister angeben.",
    });
  }
}

/** A Kommune's or provider's registered interest in an offer. */
export const ExchangeInterest = z
  .object({
    id: z.number().int(),
    offerId: z.number().int(),
    organisation: KommuneSummary.nullable(),
    provider: ProviderSummary.nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: "ExchangeInterest" });
export type ExchangeInterest = z.infer<typeof ExchangeInterest>;

/** What a Kommune or provider enters to register interest. */
export const ExchangeInterestInput = z
  .object({ ...PartyInput, note: z.string().max(1000).nullable().default(null) })
  .superRefine(exactlyOneParty)
  .meta({ id: "ExchangeInterestRequest" });
export type ExchangeInterestInput = z.infer<typeof ExchangeInterestInput>;

/** A recorded agreement about an offer, with its dates. */
export const ExchangeAgreement = z
  .object({
    id: z.number().int(),
    offerId: z.number().int(),
    organisation: KommuneSummary.nullable(),
    provider: ProviderSummary.nullable(),
    signedOn: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: "ExchangeAgreement" });
export type ExchangeAgreement = z.infer<typeof ExchangeAgreement>;

/** What an administrator enters to record an agreement. */
export const ExchangeAgreementInput = z
  .object({
    ...PartyInput,
    signedOn: IsoDate,
    validFrom: IsoDate,
    validTo: IsoDate.nullable().default(null),
    note: z.string().max(1000).nullable().default(null),
  })
  .superRefine((input, context) => {
    exactlyOneParty(input, context);
    if (input.validTo !== null && input.validTo <= input.validFrom) {
      context.addIssue({
        code: "custom",
        path: ["validTo"],
        message: "Das Ende muss nach dem Beginn liegen.",
      });
    }
  })
  .meta({ id: "ExchangeAgreementRequest" });
export type ExchangeAgreementInput = z.infer<typeof ExchangeAgreementInput>;

/** An offer with its interests and agreements. */
export const ExchangeOfferDetail = ExchangeOffer.extend({
  interests: z.array(ExchangeInterest),
  agreements: z.array(ExchangeAgreement),
}).meta({ id: "ExchangeOfferDetail" });
export type ExchangeOfferDetail = z.infer<typeof ExchangeOfferDetail>;
