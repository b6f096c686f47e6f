import type { OrganisationDetail, OrganisationSummary } from "@it-atlas/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { useTestApp } from "../testing/testApp.ts";

const test = useTestApp();

interface OrganisationPage {
  items: OrganisationSummary[];
  total: number;
}

function get(url: string) {
  return test.app.inject({ method: "GET", url });
}

async function listOrganisations(query: string): Promise<OrganisationPage> {
  const response = await get(`/api/organisations?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<OrganisationPage>();
}

describe("GET /api/organisations", () => {
  it("rejects a non-numeric pageSize with a German problem naming pageSize", async () => {
    const problem = expectInvalidParameter(
      await get("/api/organisations?pageSize=banana"),
      "pageSize",
    );
    expect(problem.detail).toBe(
      "Abfrageparameter ungültig: „pageSize“ muss eine ganze Zahl zwischen 1 und 500 sein",
    );
  });

  it.each([
    ["page", "page=0"],
    ["page", "page=1.5"],
    ["pageSize", "pageSize=100000"],
    ["kind", "kind=unknown"],
    ["kreis", "kreis=123"],
    ["regierungsbezirk", "regierungsbezirk=5"],
    ["type", "type=metropole"],
    ["sort", "sort=evil"],
    ["direction", "direction=sideways"],
    ["q", `q=${"x".repeat(101)}`],
    ["q", "q=Det%00mold"],
  ])("rejects an invalid %s (%s) with 400 naming it", async (parameter, query) => {
    expectInvalidParameter(await get(`/api/organisations?${query}`), parameter);
  });

  it("finds Detmold by name", async () => {
    const { items } = await listOrganisations("q=Detmold");
    expect(items).toContainEqual(expect.objectContaining({ key: "05766020", name: "Detmold" }));
  });

  it("filters the 16 Gemeinden of Kreis Lippe", async () => {
    const { items, total } = await listOrganisations("kreis=05766&kind=gemeinde");
    expect(total).toBe(16);
    expect(items.every((item) => item.kind === "gemeinde" && item.kreis?.key === "05766")).toBe(
      true,
    );
  });

  it("sorts by population in descending order", async () => {
    const { items } = await listOrganisations(
      "kind=gemeinde&sort=population&direction=desc&pageSize=100",
    );
    const populations = items.map((item) => item.populationZensus2022 ?? 0);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    expect(items[0]?.name).toBe("Köln");
  });

  it("keeps the total stable across pages and never repeats an item", async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => listOrganisations(`kind=gemeinde&pageSize=25&page=${page}`)),
    );
    expect(pages.map((page) => page.total)).toEqual([396, 396, 396]);
    const keys = pages.flatMap((page) => page.items.map((item) => item.key));
    expect(new Set(keys).size).toBe(75);
  });

  it("returns an empty page beyond the last one", async () => {
    const { items, total } = await listOrganisations("kind=gemeinde&pageSize=500&page=2");
    expect(items).toEqual([]);
    expect(total).toBe(396);
  });

  it("answers every query string with 200 or a 400 problem, never a server error", async () => {
    await fc.assert(
      fc.asyncProperty(organisationQueryString(), async (queryString) => {
        const response = await get(`/api/organisations?${queryString}`);
        expect([200, 400]).toContain(response.statusCode);
        if (response.statusCode === 400) expectProblem(response, 400, "invalid_request");
      }),
      { numRuns: 60 },
    );
  });
});

// Characters that break naive SQL, LIKE patterns, encodings or JSON, mixed with any code point.
const hostileCharacter = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "\u0000",
      "\u0001",
      "'",
      '"',
      "%",
      "_",
      "\\",
      ";",
      "\u202e",
      "\ufeff",
      "ß",
      "😀",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);

/** Already percent-encoded text: unicode, control characters, huge numbers, raw invalid UTF-8. */
const hostileValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.string({ unit: hostileCharacter, maxLength: 20 }).map(encodeURIComponent),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }).map(encodeURIComponent) },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: "grapheme-ascii", minLength: 90, maxLength: 5000 })
      .map(encodeURIComponent),
  },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String) },
  { weight: 1, arbitrary: fc.double().map((value) => encodeURIComponent(String(value))) },
  {
    weight: 2,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 12 })
      .map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("")),
  },
);

/** A value the route accepts for `name` most of the time, so requests reach the database. */
function mostlyValid(...valid: string[]) {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/**
 * Query strings for `GET /api/organisations`: a search text of any kind, the other known
 * parameters (mostly valid, so that many requests reach the database), stray and repeated ones.
 */
function organisationQueryString(): fc.Arbitrary<string> {
  const known = fc.record(
    {
      q: hostileValue,
      kind: mostlyValid("gemeinde", "kreis", "land"),
      kreis: mostlyValid("05766", "05999"),
      regierungsbezirk: mostlyValid("057", "051"),
      type: mostlyValid("kreisfreie_stadt", "kreisangehoerige_gemeinde"),
      sort: mostlyValid("name", "key", "population", "area", "kreis"),
      direction: mostlyValid("asc", "desc"),
      page: mostlyValid("1", "2", "9007199254740991"),
      pageSize: mostlyValid("1", "50", "500"),
    },
    { requiredKeys: ["q"] },
  );
  const strayName = fc.oneof(
    fc.constantFrom("q", "page", "q[]", "q[a]", "__proto__", "constructor", ""),
    fc.string({ unit: "binary", maxLength: 20 }).map(encodeURIComponent),
  );
  const stray = fc.array(fc.tuple(strayName, hostileValue), { maxLength: 2 });
  return fc
    .tuple(known, stray)
    .map(([parameters, strays]) =>
      [...Object.entries(parameters), ...strays]
        .map(([name, value]) => `${name}=${value}`)
        .join("&"),
    );
}

describe("GET /api/organisations/:ags", () => {
  it("rejects a malformed key with 400", async () => {
    expectInvalidParameter(await get("/api/organisations/banana"), "ags");
  });

  it("answers 404 problem+json with a German detail for an unknown AGS", async () => {
    const problem = expectProblem(
      await get("/api/organisations/05999999"),
      404,
      "organisation_not_found",
    );
    expect(problem.detail).toBe(
      "Es gibt keine Kommune oder Organisation mit dem Schlüssel „05999999“.",
    );
  });

  it("returns Detmold with Kreis, Regierungsbezirk, memberships, sources and provenance", async () => {
    const response = await get("/api/organisations/05766020");
    expect(response.statusCode).toBe(200);
    const detmold = response.json<OrganisationDetail>();
    expect(detmold).toMatchObject({
      key: "05766020",
      name: "Detmold",
      kreis: { key: "05766", name: "Kreis Lippe" },
      regierungsbezirk: { key: "057" },
      provenance: { sourceId: expect.any(String), quality: expect.any(String) },
    });
    expect(detmold.memberships.map((membership) => membership.currentProvider.id)).toContain(
      "owl-it",
    );
    expect(detmold.sources.length).toBeGreaterThan(0);
    expect(detmold.sources.some((source) => source.attribution)).toBe(true);
  });

  it("lists the 16 Gemeinden of Kreis Lippe as its children", async () => {
    const response = await get("/api/organisations/05766");
    expect(response.statusCode).toBe(200);
    const lippe = response.json<OrganisationDetail>();
    expect(lippe.kind).toBe("kreis");
    expect(lippe.children).toHaveLength(16);
    expect(lippe.children.every((child) => child.kind === "gemeinde")).toBe(true);
  });
});
