import { describe, expect, it } from "vitest";
import { useTestApp } from "../testing/testApp.ts";

const test = useTestApp();

describe("GET /api/health", () => {
  it("answers ok once migrations and reference data are loaded", async () => {
    const response = await test.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });
});

describe("GET /api/stats", () => {
  it("counts the NRW territorial structure and the OZG catalogue exactly", async () => {
    const response = await test.app.inject({ method: "GET", url: "/api/stats" });
    expect(response.statusCode).toBe(200);
    // 396 Gemeinden, 31 Kreise, 22 kreisfreie Städte, 5 Regierungsbezirke, LVR and LWL
    // (Gebietsstand since 2009, data/SOURCES.md S1–S3, S8); OZG-Umsetzungskatalog with LeiKa.
    expect(response.json()).toMatchObject({
      gemeinden: 396,
      kreise: 31,
      kreisfreieStaedte: 22,
      regierungsbezirke: 5,
      landschaftsverbaende: 2,
      ozgLeistungen: 557,
      leikaLeistungen: 5249,
    });
  });

  it("reports providers, memberships and events from the seeded history", async () => {
    const stats = (await test.app.inject({ method: "GET", url: "/api/stats" })).json();
    expect(stats.providers).toBeGreaterThan(0);
    expect(stats.memberships).toBeGreaterThan(0);
    expect(stats.events).toBeGreaterThan(0);
  });

  it("separates providers serving Kommunen, own administration IT, predecessors and state bodies", async () => {
    const stats = (await test.app.inject({ method: "GET", url: "/api/stats" })).json();
    // data/nrw_it_dienstleister.csv: 12 active kommunal providers, 6 merged or renamed,
    // KDN + IT.NRW + d-NRW; the own IT of cities and Kreise with citeq (Münster), less the
    // Kreis Mettmann's IT that KRZN took over (a 7th predecessor). 12 + 16 + 7 + 3 = 38.
    // The five fictitious demo providers are not counted.
    expect(stats).toMatchObject({
      providers: 38,
      providersServingKommunen: 12,
      ownAdministrationIt: 16,
      providerPredecessors: 7,
      stateBodies: 3,
    });
  });
});

describe("GET /api/sources", () => {
  it("lists every data source with its licence, and the BKG attribution", async () => {
    const response = await test.app.inject({ method: "GET", url: "/api/sources" });
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{
      items: Array<{ id: string; licence: string; attribution: string | null }>;
    }>();
    expect(items.length).toBeGreaterThan(0);
    for (const source of items) expect(source.licence).not.toBe("");
    expect(items.find((source) => source.id === "S1")?.attribution).toContain(
      "© GeoBasis-DE / BKG",
    );
  });
});
