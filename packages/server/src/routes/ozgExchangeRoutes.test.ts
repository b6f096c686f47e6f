import type { ExchangeOffer, ExchangeOfferDetail, ProviderOffer } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let admin: { authorization: string };
let owlIt: { authorization: string };
let siegen: { authorization: string };
let reader: { authorization: string };

beforeAll(async () => {
  admin = await authHeaders(server.db, "administrator");
  owlIt = await authHeaders(server.db, { dienstleister: "owl-it" });
  siegen = await authHeaders(server.db, { kommune: "05970040" });
  reader = await authHeaders(server.db, "leser");
});

const offer = {
  domainId: "e-payment",
  onlineServiceId: "epayment-nrw",
  title: "E-Payment-Anbindung für Nachbarn",
  priceModel: "Grundpreis plus je Transaktion",
  fixedPrice: 2000,
  unitPrice: 0.4,
  capacity: 100_000,
  sla: "99,5 %",
  audienceProviderIds: ["sit"],
  validFrom: "2026-01-01",
};

async function providerOffers(): Promise<ProviderOffer[]> {
  const response = await server.app.inject({
    url: "/api/providers/owl-it/offers?asOf=2026-06-01",
    headers: reader,
  });
  return response.json<{ items: ProviderOffer[] }>().items;
}

describe("service exchange", () => {
  let id = 0;

  it("lists the demo offers for signed-in users", async () => {
    const response = await server.app.inject({ url: "/api/exchange/offers", headers: reader });
    const items = response.json<{ items: ExchangeOffer[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((item) => item.demo)).toBe(true);
    expectProblem(await server.app.inject({ url: "/api/exchange/offers" }), 401, "unauthenticated");
  });

  it("lets only the provider's own editor publish, with German field errors", async () => {
    expectProblem(
      await server.app.inject({
        method: "POST",
        url: "/api/providers/sit/exchange-offers",
        headers: owlIt,
        payload: offer,
      }),
      403,
      "forbidden",
    );
    expectInvalidParameter(
      await server.app.inject({
        method: "POST",
        url: "/api/providers/owl-it/exchange-offers",
        headers: owlIt,
        payload: { ...offer, validTo: "2025-01-01" },
      }),
      "validTo",
    );
    const problem = expectProblem(
      await server.app.inject({
        method: "POST",
        url: "/api/providers/owl-it/exchange-offers",
        headers: owlIt,
        payload: { ...offer, audienceProviderIds: ["owl-it"] },
      }),
      400,
      "invalid_exchange_offer",
    );
    expect(problem.errors?.[0]?.field).toBe("audienceProviderIds");
  });

  it("publishes an offer that becomes a provider offer (a scenario option)", async () => {
    const before = await providerOffers();
    const response = await server.app.inject({
      method: "POST",
      url: "/api/providers/owl-it/exchange-offers",
      headers: owlIt,
      payload: offer,
    });
    expect(response.statusCode, response.body).toBe(200);
    const created = response.json<ExchangeOfferDetail>();
    id = created.id;
    expect(created).toMatchObject({
      status: "veroeffentlicht",
      audience: [{ id: "sit" }],
      demo: false,
    });
    expect(created.providerOfferId).not.toBeNull();
    const after = await providerOffers();
    expect(after.length).toBe(before.length + 1);
    expect(after.find((item) => item.id === created.providerOfferId)).toMatchObject({
      domain: { id: "e-payment" },
      fixedPrice: 2000,
      unitPrice: 0.4,
    });
    const forSit = await server.app.inject({
      url: "/api/exchange/offers?fuerMitgliederVon=sit",
      headers: reader,
    });
    expect(forSit.json<{ items: ExchangeOffer[] }>().items.map((item) => item.id)).toContain(id);
  });

  it("takes interest from a Kommune for itself only, once", async () => {
    expectProblem(
      await server.app.inject({
        method: "POST",
        url: `/api/exchange/offers/${id}/interests`,
        headers: siegen,
        payload: { organisationKey: "05766020" },
      }),
      403,
      "forbidden",
    );
    const response = await server.app.inject({
      method: "POST",
      url: `/api/exchange/offers/${id}/interests`,
      headers: siegen,
      payload: { organisationKey: "05970040", note: "Ab 2027" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ExchangeOfferDetail>().interests).toMatchObject([
      { organisation: { key: "05970040", name: "Siegen" }, note: "Ab 2027" },
    ]);
    expectProblem(
      await server.app.inject({
        method: "POST",
        url: `/api/exchange/offers/${id}/interests`,
        headers: siegen,
        payload: { organisationKey: "05970040" },
      }),
      409,
      "exchange_interest_exists",
    );
  });

  it("records agreements by administrators only", async () => {
    const payload = {
      organisationKey: "05970040",
      signedOn: "2026-04-01",
      validFrom: "2026-07-01",
    };
    expectProblem(
      await server.app.inject({
        method: "POST",
        url: `/api/exchange/offers/${id}/agreements`,
        headers: owlIt,
        payload,
      }),
      403,
      "forbidden",
    );
    const response = await server.app.inject({
      method: "POST",
      url: `/api/exchange/offers/${id}/agreements`,
      headers: admin,
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ExchangeOfferDetail>()).toMatchObject({
      agreementCount: 1,
      agreements: [
        { signedOn: "2026-04-01", validFrom: "2026-07-01", organisation: { key: "05970040" } },
      ],
    });
  });

  it("withdraws an offer and ends its scenario option", async () => {
    const response = await server.app.inject({
      method: "PUT",
      url: `/api/providers/owl-it/exchange-offers/${id}`,
      headers: owlIt,
      payload: { ...offer, status: "zurueckgezogen" },
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<ExchangeOfferDetail>();
    expect(detail.status).toBe("zurueckgezogen");
    const option = (
      await server.app.inject({
        url: "/api/providers/owl-it/offers?asOf=2099-01-01",
        headers: reader,
      })
    ).json<{ items: ProviderOffer[] }>().items;
    expect(option.map((item) => item.id)).not.toContain(detail.providerOfferId);
    expectProblem(
      await server.app.inject({
        method: "POST",
        url: `/api/exchange/offers/${id}/interests`,
        headers: admin,
        payload: { providerId: "sit" },
      }),
      409,
      "exchange_offer_withdrawn",
    );
  });
});
