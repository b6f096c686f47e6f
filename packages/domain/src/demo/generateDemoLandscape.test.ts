import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  DemoDomain,
  DemoLandscape,
  DemoLandscapeInput,
  DemoOrganisation,
  DemoProvider,
} from "./DemoLandscape.ts";
import { generateDemoLandscape } from "./generateDemoLandscape.ts";

function buildGemeinde(
  key: string,
  name: string,
  municipalityType: NonNullable<DemoOrganisation["municipalityType"]>,
  population: number,
  regierungsbezirkKey = "059",
): DemoOrganisation {
  const kreisfrei = municipalityType === "kreisfreie_stadt";
  return {
    key,
    kind: "gemeinde",
    name,
    municipalityType,
    kreisType: null,
    kreisKey: kreisfrei ? null : key.slice(0, 5),
    regierungsbezirkKey,
    population,
  };
}

function buildKreis(
  key: string,
  name: string,
  population: number,
  regierungsbezirkKey = "059",
): DemoOrganisation {
  return {
    key,
    kind: "kreis",
    name,
    municipalityType: null,
    kreisType: "kreis",
    kreisKey: null,
    regierungsbezirkKey,
    population,
  };
}

function buildProvider(
  id: string,
  kind: DemoProvider["kind"],
  overrides: Partial<DemoProvider> = {},
): DemoProvider {
  return { id, kind, status: "active", successorId: null, ownerKey: null, ...overrides };
}

const gemeindeTypes = [
  "kreisfreie_stadt",
  "grosse_kreisangehoerige_stadt",
  "mittlere_kreisangehoerige_stadt",
  "kreisangehoerige_gemeinde",
] as const;

// A miniature of Südwestfalen (sizes rounded from Zensus 2022) plus Dortmund with its own IT,
// a Gemeinde without membership and the Kreis Mettmann that KRZN takes over in 2019.
const organisations: DemoOrganisation[] = [
  buildKreis("05958", "Hochsauerlandkreis", 255_000),
  buildGemeinde("05958004", "Arnsberg", "mittlere_kreisangehoerige_stadt", 73_000),
  buildGemeinde("05958008", "Bestwig", "kreisangehoerige_gemeinde", 10_500),
  buildKreis("05970", "Siegen-Wittgenstein", 270_000),
  buildGemeinde("05970040", "Siegen", "grosse_kreisangehoerige_stadt", 100_000),
  buildGemeinde("05913000", "Dortmund", "kreisfreie_stadt", 590_000),
  buildGemeinde("05978004", "Bergkamen", "mittlere_kreisangehoerige_stadt", 49_000),
  buildKreis("05158", "Mettmann", 480_000, "051"),
];

const domains: DemoDomain[] = [
  {
    id: "arbeitsplatz",
    category: "infrastruktur",
    volumeUnit: "arbeitsplaetze",
    responsibleTypes: [...gemeindeTypes, "kreis"],
  },
  {
    id: "einwohnerwesen",
    category: "fachverfahren",
    volumeUnit: "einwohner",
    responsibleTypes: [...gemeindeTypes],
  },
  {
    id: "kfz-zulassung",
    category: "fachverfahren",
    volumeUnit: "faelle",
    responsibleTypes: ["kreisfreie_stadt", "kreis"],
  },
  {
    id: "onlinedienste",
    category: "digitale_dienste",
    volumeUnit: "transaktionen",
    responsibleTypes: [...gemeindeTypes, "kreis"],
  },
];

const input: DemoLandscapeInput = {
  organisations,
  domains,
  products: [
    { id: "ap-a", domainIds: ["arbeitsplatz"] },
    { id: "ap-b", domainIds: ["arbeitsplatz"] },
    { id: "ewo-a", domainIds: ["einwohnerwesen"] },
    { id: "ewo-b", domainIds: ["einwohnerwesen"] },
    { id: "ewo-c", domainIds: ["einwohnerwesen"] },
    { id: "kfz-a", domainIds: ["kfz-zulassung"] },
  ],
  providers: [
    buildProvider("citkomm", "kommunal", { status: "merged", successorId: "sit" }),
    buildProvider("kdz-ws", "kommunal", { status: "merged", successorId: "sit" }),
    buildProvider("sit", "kommunal"),
    buildProvider("krzn", "kommunal"),
    buildProvider("d-nrw", "land"),
    buildProvider("demo-dl-mitte", "kommunal"),
    buildProvider("demo-dl-west", "kommunal"),
    buildProvider("dortmund-it", "stadt_it", { ownerKey: "05913000" }),
    buildProvider("kreis-mettmann-it", "stadt_it", {
      status: "merged",
      successorId: "krzn",
      ownerKey: "05158",
    }),
  ],
  memberships: [
    ...["05958", "05958004", "05958008", "05970", "05970040"].map((organisationKey) => ({
      organisationKey,
      providerId: "sit",
      relation: "verbandsmitglied",
    })),
    { organisationKey: "05958", providerId: "d-nrw", relation: "traeger" },
    { organisationKey: "05158", providerId: "krzn", relation: "verbandsmitglied" },
    {
      organisationKey: "05978004",
      providerId: "sit",
      relation: "verbandsmitglied_beitritt_vorgeschlagen",
    },
  ],
  reorganisations: [
    {
      date: "2018-01-01",
      kind: "merger",
      sourceProviderIds: ["citkomm", "kdz-ws"],
      targetProviderId: "sit",
    },
    {
      date: "2019-01-01",
      kind: "member_move",
      sourceProviderIds: ["kreis-mettmann-it"],
      targetProviderId: "krzn",
      organisationKey: "05158",
    },
  ],
  startDate: "2016-01-01",
  endDate: "2026-06-30",
  seed: 7,
};

/** When each provider of the fixture exists (2018 merger, 2019 member move); written out independently. */
function isActive(providerId: string, date: string): boolean {
  if (providerId === "citkomm" || providerId === "kdz-ws") return date < "2018-01-01";
  if (providerId === "sit") return date >= "2018-01-01";
  if (providerId === "kreis-mettmann-it") return date < "2019-01-01";
  return input.providers.some((provider) => provider.id === providerId);
}

function isResponsible(organisation: DemoOrganisation, domain: DemoDomain): boolean {
  const type =
    organisation.kind === "kreis" ? organisation.kreisType : organisation.municipalityType;
  return type !== null && domain.responsibleTypes.includes(type);
}

/** Providers that stand for one another over time (mergers, member moves) in the fixture. */
const LINEAGES = [
  ["citkomm", "kdz-ws", "sit"],
  ["kreis-mettmann-it", "krzn"],
];

/**
 * Real providers an organisation may be attached to: those of its sourced relations (and their
 * lineage) and its own IT. Every other relation goes to a fictitious demo provider (ADR 0021).
 */
function sourcedProvidersOf(organisationKey: string, source: DemoLandscapeInput): Set<string> {
  const direct = [
    ...source.memberships
      .filter(
        (membership) =>
          membership.organisationKey === organisationKey &&
          membership.relation !== "verbandsmitglied_beitritt_vorgeschlagen",
      )
      .map((membership) => membership.providerId),
    ...source.providers
      .filter((provider) => provider.ownerKey === organisationKey)
      .map((provider) => provider.id),
  ];
  return new Set(direct.flatMap((id) => LINEAGES.find((lineage) => lineage.includes(id)) ?? [id]));
}

/** Every rule the generator promises, as a list of readable violations. */
function violations(landscape: DemoLandscape, source: DemoLandscapeInput): string[] {
  const problems: string[] = [];
  const baseKeys = new Set(landscape.base.map((row) => `${row.organisationKey}|${row.domainId}`));
  const organisationKeys = new Set(source.organisations.map((organisation) => organisation.key));
  const reorganisationDates = new Set(
    source.reorganisations.map((reorganisation) => reorganisation.date),
  );
  const rows = [
    ...landscape.base.map((row) => ({
      ...row,
      date: source.startDate,
      label: `base ${row.organisationKey}/${row.domainId}`,
    })),
    ...landscape.changes.map((row) => ({
      ...row,
      label: `change ${row.date} ${row.organisationKey}/${row.domainId}`,
    })),
  ];
  for (const row of rows) {
    if (row.runningCost < 0 || row.investmentCost < 0) problems.push(`${row.label}: negative cost`);
    if (!Number.isInteger(row.runningCost) || !Number.isInteger(row.investmentCost))
      problems.push(`${row.label}: cost not whole euros`);
    if (!(row.volume > 0) || !Number.isInteger(row.volume))
      problems.push(`${row.label}: volume ${row.volume}`);
    if (row.providerId !== null && !isActive(row.providerId, row.date))
      problems.push(`${row.label}: ${row.providerId} does not exist then`);
    if (
      row.providerId !== null &&
      !row.providerId.startsWith("demo-dl-") &&
      !sourcedProvidersOf(row.organisationKey, source).has(row.providerId)
    ) {
      problems.push(`${row.label}: real provider ${row.providerId} without a sourced relation`);
    }
    if (row.operatingModel === "it_dienstleister" && row.providerId === null)
      problems.push(`${row.label}: provider missing`);
    if (
      row.operatingModel !== "it_dienstleister" &&
      row.operatingModel !== "efa_dienst" &&
      row.providerId !== null
    ) {
      problems.push(`${row.label}: provider with ${row.operatingModel}`);
    }
    if ((row.operatingModel === "andere_kommune") !== (row.partnerKey !== null))
      problems.push(`${row.label}: partner mismatch`);
    if (row.partnerKey !== null && !organisationKeys.has(row.partnerKey))
      problems.push(`${row.label}: unknown partner`);
    const products = source.products.find((product) => product.id === row.productId);
    if (row.productId !== null && !products?.domainIds.includes(row.domainId))
      problems.push(`${row.label}: product of another domain`);
    if (row.satisfaction !== null && !(row.satisfaction >= 1 && row.satisfaction <= 5))
      problems.push(`${row.label}: satisfaction`);
    if (row.contractEnd === null || row.contractEnd <= row.date)
      problems.push(`${row.label}: contract end ${row.contractEnd}`);
  }
  landscape.changes.forEach((change, index) => {
    const previous = landscape.changes[index - 1];
    if (previous && previous.date > change.date) problems.push(`changes out of order at ${index}`);
    if (!/^\d{4}-\d{2}-01$/.test(change.date))
      problems.push(`change ${change.date}: not a first of month`);
    if (change.date <= source.startDate || change.date > source.endDate)
      problems.push(`change ${change.date}: outside the history`);
    if (reorganisationDates.has(change.date))
      problems.push(`change ${change.date}: on a reorganisation date`);
    if (!baseKeys.has(`${change.organisationKey}|${change.domainId}`))
      problems.push(`change without base row: ${change.organisationKey}/${change.domainId}`);
    if (change.reason.trim() === "") problems.push(`change ${change.date}: no reason`);
  });
  const changeKeys = landscape.changes.map(
    (change) => `${change.organisationKey}|${change.domainId}|${change.date}`,
  );
  if (new Set(changeKeys).size !== changeKeys.length)
    problems.push("two changes of one Kommune × domain on one date");
  for (const offer of landscape.offers) {
    if (!isActive(offer.providerId, source.endDate))
      problems.push(`offer of ${offer.providerId}, which no longer exists`);
    if (offer.fixedPrice < 0 || offer.unitPrice < 0)
      problems.push(`offer ${offer.providerId}/${offer.domainId}: negative price`);
    if (offer.capacity !== null && !(offer.capacity > 0))
      problems.push(`offer ${offer.providerId}/${offer.domainId}: capacity`);
  }
  return problems;
}

describe("generateDemoLandscape", () => {
  const landscape = generateDemoLandscape(input);

  it("gives the same landscape for the same seed and different numbers for another", () => {
    expect(generateDemoLandscape(structuredClone(input))).toEqual(landscape);
    const other = generateDemoLandscape({ ...input, seed: 8 });
    expect(other.base.map((row) => row.runningCost)).not.toEqual(
      landscape.base.map((row) => row.runningCost),
    );
  });

  it("creates exactly one base row per responsible Kommune × domain and none for others", () => {
    const expected = organisations.flatMap((organisation) =>
      domains
        .filter((domain) => isResponsible(organisation, domain))
        .map((domain) => `${organisation.key}|${domain.id}`),
    );
    expect(landscape.base.map((row) => `${row.organisationKey}|${row.domainId}`)).toEqual(expected);
    expect(
      landscape.base.some(
        (row) => row.organisationKey === "05958" && row.domainId === "einwohnerwesen",
      ),
    ).toBe(false);
    expect(
      landscape.base.some(
        (row) => row.organisationKey === "05958004" && row.domainId === "kfz-zulassung",
      ),
    ).toBe(false);
  });

  it("keeps every invariant", () => {
    expect(violations(landscape, input)).toEqual([]);
  });

  it("uses the predecessor that served the Kreis before the 2018 merger, never sit", () => {
    const providersOf = (prefix: string) =>
      new Set(
        landscape.base
          .filter((row) => row.organisationKey.startsWith(prefix) && row.providerId !== null)
          .map((row) => row.providerId),
      );
    expect([...providersOf("05958")].filter((id) => id !== "d-nrw")).toEqual(["citkomm"]);
    expect([...providersOf("05970")]).toEqual(["kdz-ws"]);
    expect(landscape.base.some((row) => row.providerId === "sit")).toBe(false);
  });

  it("has the Kreis Mettmann run its infrastructure with its own Kreis-IT until KRZN takes over", () => {
    const infrastructure = landscape.base.find(
      (row) => row.organisationKey === "05158" && row.domainId === "arbeitsplatz",
    );
    expect(infrastructure).toMatchObject({
      operatingModel: "it_dienstleister",
      providerId: "kreis-mettmann-it",
    });
  });

  it("treats the Kreis-IT the same when the data records the takeover as a merger", () => {
    const source: DemoLandscapeInput = {
      ...input,
      reorganisations: [
        ...input.reorganisations.filter((reorganisation) => reorganisation.kind !== "member_move"),
        {
          date: "2019-01-01",
          kind: "merger",
          sourceProviderIds: ["kreis-mettmann-it"],
          targetProviderId: "krzn",
        },
      ],
    };
    const merged = generateDemoLandscape(source);
    const infrastructure = merged.base.find(
      (row) => row.organisationKey === "05158" && row.domainId === "arbeitsplatz",
    );
    expect(infrastructure).toMatchObject({ providerId: "kreis-mettmann-it" });
    expect(violations(merged, source)).toEqual([]);
  });

  it("lets a city with its own IT run most domains itself", () => {
    const dortmund = landscape.base.filter((row) => row.organisationKey === "05913000");
    expect(
      dortmund.filter((row) => row.operatingModel === "eigenbetrieb").length,
    ).toBeGreaterThanOrEqual(dortmund.length / 2);
  });

  it("costs less per unit for a large Kommune than for a small one, on average over seeds", () => {
    const perUnit = (key: string, seed: number) =>
      generateDemoLandscape({ ...input, seed })
        .base.filter(
          (row) =>
            row.organisationKey === key &&
            (row.domainId === "arbeitsplatz" || row.domainId === "einwohnerwesen"),
        )
        .map((row) => (row.runningCost + row.investmentCost) / row.volume);
    const seeds = Array.from({ length: 20 }, (_, index) => index + 1);
    const mean = (values: number[]) =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    const arnsberg = mean(seeds.flatMap((seed) => perUnit("05958004", seed)));
    const bestwig = mean(seeds.flatMap((seed) => perUnit("05958008", seed)));
    expect(arnsberg).toBeLessThan(bestwig);
  });

  it("attaches a Kommune without a sourced relation only to the region's demo provider", () => {
    // Bergkamen only proposed to join sit; some seeds let it run everything itself.
    const bergkamen = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) => {
      const other = generateDemoLandscape({ ...input, seed });
      return [...other.base, ...other.changes].filter(
        (row) => row.organisationKey === "05978004" && row.providerId !== null,
      );
    });
    expect(bergkamen.length).toBeGreaterThan(0);
    expect(new Set(bergkamen.map((row) => row.providerId))).toEqual(new Set(["demo-dl-mitte"]));
  });

  it("offers only what customers of existing providers obtain, from sit rather than its predecessors", () => {
    expect(landscape.offers.length).toBeGreaterThan(0);
    const providers = new Set(landscape.offers.map((offer) => offer.providerId));
    expect(providers.has("sit")).toBe(true);
    expect(
      providers.has("citkomm") || providers.has("kdz-ws") || providers.has("kreis-mettmann-it"),
    ).toBe(false);
  });

  it("keeps every invariant for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const source = { ...input, seed };
        expect(violations(generateDemoLandscape(source), source)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("names sit in changes after the merger and its predecessors before, in a larger landscape", () => {
    // 120 more sit members, so that enough rows change around the merger to make this meaningful.
    const members = Array.from({ length: 120 }, (_, index) =>
      buildGemeinde(
        `${index % 2 === 0 ? "05958" : "05970"}${String(100 + index)}`,
        `Gemeinde ${index}`,
        "kreisangehoerige_gemeinde",
        5000 + 400 * index,
      ),
    );
    const source: DemoLandscapeInput = {
      ...input,
      organisations: [...organisations, ...members],
      memberships: [
        ...input.memberships,
        ...members.map((member) => ({
          organisationKey: member.key,
          providerId: "sit",
          relation: "verbandsmitglied",
        })),
      ],
    };
    const changes = [1, 2, 3].flatMap((seed) => {
      const landscape = generateDemoLandscape({ ...source, seed });
      expect(violations(landscape, { ...source, seed })).toEqual([]);
      return landscape.changes;
    });
    const kept = changes.filter(
      (change) =>
        change.operatingModel === "it_dienstleister" && !change.reason.startsWith("Wechsel"),
    );
    expect(
      kept.filter((change) => change.date >= "2018-01-01" && change.providerId === "sit").length,
    ).toBeGreaterThan(5);
    expect(
      kept.filter((change) => change.date < "2018-01-01" && change.providerId !== "sit").length,
    ).toBeGreaterThan(0);
    for (const change of changes) {
      if (change.date < "2018-01-01") expect(change.providerId).not.toBe("sit");
      else expect(["citkomm", "kdz-ws"]).not.toContain(change.providerId);
    }
  });
});
