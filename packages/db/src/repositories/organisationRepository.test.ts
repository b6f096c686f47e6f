import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/useTestDatabase.ts";
import {
  findOrganisation,
  listChildOrganisations,
  listOrganisations,
} from "./organisationRepository.ts";

const database = useTestDatabase();
const firstPage = { page: 1, pageSize: 50 };

describe("organisation repository", () => {
  it("finds Detmold with its Kreis, Regierungsbezirk and Zensus population", async () => {
    const detmold = await findOrganisation(database.db, "05766020");
    expect(detmold).toMatchObject({
      name: "Detmold",
      kind: "gemeinde",
      municipalityType: "grosse_kreisangehoerige_stadt",
      kreis: { key: "05766", name: "Kreis Lippe" },
      regierungsbezirk: { key: "057", name: "Regierungsbezirk Detmold" },
      landschaftsverband: { key: "LWL" },
      populationZensus2022: expect.any(Number),
      // Zensus and the Gemeindeverzeichnis are official statistics (ADR 0024).
      provenance: { sourceId: "S2", quality: "official" },
    });
    expect(detmold?.populationZensus2022).toBeGreaterThan(70_000);
  });

  it("returns undefined for an unknown key", async () => {
    expect(await findOrganisation(database.db, "05999999")).toBeUndefined();
  });

  it("counts 396 Gemeinden, 22 of them kreisfrei, and 31 Kreise", async () => {
    const gemeinden = await listOrganisations(database.db, { ...firstPage, kind: "gemeinde" });
    const kreisfrei = await listOrganisations(database.db, {
      ...firstPage,
      municipalityType: "kreisfreie_stadt",
    });
    const kreise = await listOrganisations(database.db, { ...firstPage, kind: "kreis" });
    expect([gemeinden.total, kreisfrei.total, kreise.total]).toEqual([396, 22, 31]);
    expect(gemeinden.items).toHaveLength(50);
  });

  it("searches case-insensitively and treats LIKE wildcards as text", async () => {
    const result = await listOrganisations(database.db, { ...firstPage, q: "detmold" });
    expect(result.items.map((item) => item.name)).toEqual(
      expect.arrayContaining(["Detmold", "Regierungsbezirk Detmold"]),
    );
    const wildcard = await listOrganisations(database.db, { ...firstPage, q: "%" });
    expect(wildcard.total).toBe(0);
  });

  it("filters by Kreis and sorts by population descending", async () => {
    const lippe = await listOrganisations(database.db, {
      ...firstPage,
      kind: "gemeinde",
      kreis: "05766",
      sort: "population",
      direction: "desc",
    });
    expect(lippe.total).toBe(16);
    expect(lippe.items[0]?.name).toBe("Detmold");
    const populations = lippe.items.map((item) => item.populationZensus2022 ?? 0);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("pages without overlap", async () => {
    const first = await listOrganisations(database.db, { page: 1, pageSize: 10, kind: "gemeinde" });
    const second = await listOrganisations(database.db, {
      page: 2,
      pageSize: 10,
      kind: "gemeinde",
    });
    const keys = new Set([...first.items, ...second.items].map((item) => item.key));
    expect(keys.size).toBe(20);
  });

  it("lists a Kreis's Gemeinden as its children", async () => {
    const children = await listChildOrganisations(database.db, { key: "05766", kind: "kreis" });
    expect(children).toHaveLength(16);
    expect(children.map((child) => child.name)).toContain("Detmold");
  });
});
