import type { Schemas } from "../../api/client.ts";
import { formatEuro } from "./formatEuro.ts";
import { volumeUnitSingular } from "./formatVolume.ts";

type Offer = Schemas["ProviderOffer"];

/** "fix 4.644 € + 355,56 € je Arbeitsplatz" – the yearly price model of an offer. */
export function formatPriceModel(
  offer: Pick<Offer, "fixedPrice" | "unitPrice" | "domain">,
): string {
  return `fix ${formatEuro(offer.fixedPrice)} + ${formatEuro(offer.unitPrice)} je ${volumeUnitSingular(offer.domain.volumeUnit)}`;
}
