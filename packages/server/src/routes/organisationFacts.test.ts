import { sql } from "@it-atlas/db";
import { ProvenanceQuality, type OrganisationDetail, type Provider } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let analyst: { authorization: string };

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
});

const DETMOLD = "05766020";

describe("provenance per fact (ADR 0024)", () => {
  it("gives each attribute of a Kommune its source, evidence date, recording time and quality", async () => {
    const response = await server.app.inject({ url: `/api/organisations/${DETMOLD}` });
    expect(response.statusCode).toBe(200);
    const detail = response.json<OrganisationDetail>();
    // The Zensus population is official statistics.
    expect(detail.facts.population).toMatchObject({
      quality: "official",
      sourceId: "S2",
      evidenceDate: "2022-05-15",
    });
    expect(detail.facts.population?.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(detail.facts.area).toMatchObject({ quality: "official", sourceId: "S1" });
    expect(detail.facts.name?.quality).toBe("official");
    // The website comes from the KDN OZG database of 2019: a cited source, not official.
    expect(detail.facts.website).toMatchObject({
      quality: "sourced",
      sourceId: "S5",
      evidenceDate: "2019-09-01",
    });
    expect(detail.provenance.quality).toBe("official");
    // The sources of the attributes are listed with the profile.
    expect(detail.sources.map((source) => source.id)).toEqual(
      expect.arrayContaining(["S1", "S2", "S5"]),
    );
  });

  it("carries the provenance of each attribute into the Kommunen export", async () => {
    const response = await server.app.inject({
      url: "/api/export/sheets/organisations?format=csv",
      headers: analyst,
    });
    expect(response.statusCode).toBe(200);
    const [header = "", ...lines] = response.body.replace(/^\uFEFF/, "").split(/\r?\n/);
    const columns = header.split(";");
    const detmold = lines.find((line) => line.startsWith(DETMOLD))?.split(";") ?? [];
    const cell = (name: string) => detmold[columns.indexOf(name)];
    expect(cell("Einwohner: Qualität")).toBe("amtlich");
    expect(cell("Einwohner: Quelle")).toBe("S2");
    expect(cell("Einwohner: Datum des Belegs")).toBe("15.05.2022");
    expect(cell("Website: Qualität")).toBe("belegt");
    expect(cell("Qualität")).toBe("amtlich");
  });

  it("dates provider events by when they were recorded and keeps their source", async () => {
    const response = await server.app.inject({ url: "/api/providers/owl-it" });
    expect(response.statusCode).toBe(200);
    const provider = response.json<
      Provider & { events: Array<{ provenance: Provider["provenance"] }> }
    >();
    expect(provider.events.length).toBeGreaterThan(0);
    for (const event of provider.events) {
      expect(event.provenance.quality).toBe("sourced");
      expect(event.provenance.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(
        event.provenance.sourceUrls.length + (event.provenance.sourceId ? 1 : 0),
      ).toBeGreaterThan(0);
    }
  });

  it("allows exactly the domain's quality levels in every fact table", async () => {
    const rows = await server.db.query<{ name: string; definition: string }>(sql`
      SELECT conname AS name, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE contype = 'c' AND conname LIKE '%quality_check'`);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const row of rows) {
      const allowed = [...row.definition.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);
      expect(allowed.sort(), row.name).toEqual([...ProvenanceQuality.options].sort());
    }
  });
});
