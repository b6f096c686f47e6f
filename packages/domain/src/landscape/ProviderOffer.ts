import { z } from "zod";
import { Provenance } from "../provenance/Provenance.ts";
import { ProviderRef } from "../provider/Provider.ts";
import { ProductRef } from "./Product.ts";

/** A provider's offer for a domain: price model (fixed + per unit) and capacity. */
export const ProviderOffer = z
  .object({
    id: z.number().int(),
    provider: ProviderRef,
    domain: z.object({ id: z.string(), name: z.string(), volumeUnit: z.string().nullable() }),
    product: ProductRef.nullable(),
    fixedPrice: z.number(),
    unitPrice: z.number(),
    capacity: z.number().nullable(),
    sla: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    demo: z.boolean(),
    provenance: Provenance,
  })
  .meta({ id: "ProviderOffer" });
export type ProviderOffer = z.infer<typeof ProviderOffer>;

/** Yearly price of an offer for a volume: fixed part plus unit price × volume. */
export function offerPrice(
  offer: Pick<ProviderOffer, "fixedPrice" | "unitPrice">,
  volume: number,
): number {
  return offer.fixedPrice + offer.unitPrice * volume;
}
