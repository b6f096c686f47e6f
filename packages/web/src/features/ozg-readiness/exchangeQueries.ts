import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../api/client.ts";

/** Body of a new or changed offer. */
export type OfferChange = Schemas["ExchangeOfferChangeInput"];

/** Offers of the service exchange (published ones unless `withWithdrawn`). */
export function useExchangeOffers(withWithdrawn = false) {
  return useQuery({
    queryKey: ["exchange-offers", withWithdrawn],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/exchange/offers", {
          params: { query: withWithdrawn ? { auchZurueckgezogen: "true" } : {} },
        }),
      ),
  });
}

/** One offer with interests and agreements. */
export function useExchangeOffer(id: number) {
  return useQuery({
    queryKey: ["exchange-offer", id],
    queryFn: async () =>
      unwrap(await api.GET("/api/exchange/offers/{id}", { params: { path: { id } } })),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ["exchange-offers", "exchange-offer"].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

/** Publishes an offer of a provider. */
export function usePublishOffer() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ providerId, change }: { providerId: string; change: OfferChange }) =>
      unwrap(
        await api.POST("/api/providers/{id}/exchange-offers", {
          params: { path: { id: providerId } },
          body: change,
        }),
      ),
    onSuccess: refresh,
  });
}

/** Withdraws an offer (its scenario option ends today). */
export function useWithdrawOffer() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (offer: Schemas["ExchangeOffer"]) =>
      unwrap(
        await api.PUT("/api/providers/{id}/exchange-offers/{offerId}", {
          params: { path: { id: offer.provider.id, offerId: offer.id } },
          body: {
            domainId: offer.domain.id,
            onlineServiceId: offer.onlineService?.id ?? null,
            title: offer.title,
            description: offer.description,
            priceModel: offer.priceModel,
            fixedPrice: offer.fixedPrice,
            unitPrice: offer.unitPrice,
            capacity: offer.capacity,
            sla: offer.sla,
            audienceProviderIds: offer.audience.map((provider) => provider.id),
            validFrom: offer.validFrom,
            validTo: offer.validTo,
            status: "zurueckgezogen",
          },
        }),
      ),
    onSuccess: refresh,
  });
}

/** Registers interest of a Kommune or provider. */
export function useRegisterInterest(offerId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: Schemas["ExchangeInterestRequestInput"]) =>
      unwrap(
        await api.POST("/api/exchange/offers/{id}/interests", {
          params: { path: { id: offerId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

/** Records an agreement (administrators). */
export function useRecordAgreement(offerId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: Schemas["ExchangeAgreementRequestInput"]) =>
      unwrap(
        await api.POST("/api/exchange/offers/{id}/agreements", {
          params: { path: { id: offerId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}
