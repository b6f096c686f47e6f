import { describe, expect, it } from "vitest";
import type { ResponsibleType } from "../landscape/ServiceDomain.ts";
import type { AdoptionStatus, BaseComponent, ReadinessStatus } from "./AdoptionStatus.ts";
import {
  coverageOf,
  kommuneCoverage,
  median,
  peerComparison,
  readinessCounts,
  serviceReadinessOf,
  sumCoverage,
  type CoverageCounts,
  type KommuneServiceRecords,
} from "./coverage.ts";
import type { LeikaType } from "./Ozg.ts";
import { testRules } from "./ozgFixtures.testing.ts";

/** A small catalogue: Meldewesen (Gemeinden), Kfz (Kreis level), Elterngeld (2/3), Bund, Typ 5. */
const catalogue: Array<{ id: number; leikaTypes: LeikaType[] }> = [
  { id: 10124, leikaTypes: ["2/3"] }, // Wohnsitzmeldungen – rule of the Leistung: Gemeinden
  { id: 10439, leikaTypes: ["2/3"] }, // Kfz-Zulassung – rule of the Leistung: Kreis level
  { id: 10000, leikaTypes: ["2/3"] }, // Elterngeld – LeiKa-Typ 2/3: Kreis level
  { id: 10172, leikaTypes: ["1"] }, // Umweltbonus – Bund
  { id: 10110, leikaTypes: ["2/3", "4", "5"] }, // Abfallentsorgung – Typ 5: everyone
];

const records = (entries: Array<[number, AdoptionStatus]>) => new Map(entries);

describe("kommuneCoverage", () => {
  it.each<[string, ResponsibleType, Map<number, AdoptionStatus>, CoverageCounts, number[]]>([
    [
      "a Kreis without records: Kfz, Elterngeld and Abfall are open",
      "kreis",
      records([]),
      { responsible: 3, online: 0, inProgress: 0, planned: 0, open: 3, share: 0 },
      [10439, 10000, 10110],
    ],
    [
      "a Kreis with Kfz online and Elterngeld planned",
      "kreis",
      records([
        [10439, "online"],
        [10000, "geplant"],
      ]),
      { responsible: 3, online: 1, inProgress: 0, planned: 1, open: 1, share: 1 / 3 },
      [10439, 10000, 10110],
    ],
    [
      "a kreisangehörige Gemeinde: Meldewesen and Abfall only",
      "kreisangehoerige_gemeinde",
      records([[10124, "online"]]),
      { responsible: 2, online: 1, inProgress: 0, planned: 0, open: 1, share: 0.5 },
      [10124, 10110],
    ],
    [
      "a kreisangehörige Gemeinde whose Kreis runs the Abfallentsorgung (override)",
      "kreisangehoerige_gemeinde",
      records([
        [10124, "online"],
        [10110, "nicht_zustaendig"],
      ]),
      { responsible: 1, online: 1, inProgress: 0, planned: 0, open: 0, share: 1 },
      [10124],
    ],
    [
      "a kreisangehörige Gemeinde that took on Elterngeld (recorded, so responsible)",
      "kreisangehoerige_gemeinde",
      records([[10000, "in_anbindung"]]),
      { responsible: 3, online: 0, inProgress: 1, planned: 0, open: 2, share: 0 },
      [10124, 10000, 10110],
    ],
    [
      "a kreisfreie Stadt carries Gemeinde and Kreis tasks",
      "kreisfreie_stadt",
      records([
        [10124, "online"],
        [10439, "online"],
        [10000, "online"],
        [10110, "online"],
      ]),
      { responsible: 4, online: 4, inProgress: 0, planned: 0, open: 0, share: 1 },
      [10124, 10439, 10000, 10110],
    ],
  ])("%s", (_name, type, recorded, counts, responsibleIds) => {
    const result = kommuneCoverage(type, catalogue, testRules, recorded);
    expect(result.counts).toEqual(counts);
    expect(result.entries.filter((entry) => entry.responsible).map((entry) => entry.ozgId)).toEqual(
      responsibleIds,
    );
  });

  it("lists a 'nicht zuständig' override as an entry, with its reason", () => {
    const { entries } = kommuneCoverage(
      "kreisangehoerige_gemeinde",
      catalogue,
      testRules,
      records([[10110, "nicht_zustaendig"]]),
    );
    expect(entries).toContainEqual({
      ozgId: 10110,
      responsible: false,
      reason: "kommune",
      status: "nicht_zustaendig",
    });
  });
});

describe("coverage sums", () => {
  it("counts statuses and leaves out 'nicht zuständig'", () => {
    expect(
      coverageOf(["online", "online", "geplant", "offen", "in_anbindung", "nicht_zustaendig"]),
    ).toEqual({
      responsible: 5,
      online: 2,
      inProgress: 1,
      planned: 1,
      open: 1,
      share: 0.4,
    });
  });

  it("has no share when nothing is responsible", () => {
    expect(coverageOf([]).share).toBeNull();
    expect(sumCoverage([]).share).toBeNull();
  });

  it("sums a Kreis with its Gemeinden as Leistungen, not as an average of shares", () => {
    const kreis = coverageOf(["online", "offen", "offen", "offen"]);
    const gemeinde = coverageOf(["online"]);
    expect(sumCoverage([kreis, gemeinde])).toEqual({
      responsible: 5,
      online: 2,
      inProgress: 0,
      planned: 0,
      open: 3,
      share: 0.4,
    });
  });
});

describe("peerComparison", () => {
  it.each<
    [
      string,
      number | null,
      Array<number | null>,
      { peerCount: number; median: number | null; rank: number | null },
    ]
  >([
    ["the best of three", 0.9, [0.9, 0.5, 0.1], { peerCount: 3, median: 0.5, rank: 1 }],
    [
      "the median of an even class",
      0.2,
      [0.2, 0.4, 0.6, 0.8],
      { peerCount: 4, median: 0.5, rank: 4 },
    ],
    ["ties share the better rank", 0.5, [0.5, 0.5, 0.7], { peerCount: 3, median: 0.5, rank: 2 }],
    [
      "peers without responsible Leistungen are left out",
      0.3,
      [0.3, null],
      { peerCount: 1, median: 0.3, rank: 1 },
    ],
    [
      "a Kommune without a share has no rank",
      null,
      [null, 0.4],
      { peerCount: 1, median: 0.4, rank: null },
    ],
  ])("%s", (_name, own, shares, expected) => {
    expect(peerComparison(own, shares)).toEqual(expected);
  });

  it("computes the median of nothing as null", () => {
    expect(median([])).toBeNull();
  });
});

describe("serviceReadinessOf", () => {
  const epayment = { id: "epayment-nrw", component: "epayment" as BaseComponent, ozgIds: [] };
  const meldeDienst = { id: "melde-online", component: null, ozgIds: [10124, 10559] };
  const kommune = (
    responsible: number[],
    adoptions: Array<[number, AdoptionStatus, string | null]> = [],
    onboarding: Array<[BaseComponent, AdoptionStatus, string | null]> = [],
  ): KommuneServiceRecords => ({
    responsibleIds: new Set(responsible),
    adoptions: new Map(
      adoptions.map(([id, status, onlineServiceId]) => [id, { status, onlineServiceId }]),
    ),
    onboarding: new Map(
      onboarding.map(([component, status, onlineServiceId]) => [
        component,
        { status, onlineServiceId },
      ]),
    ),
  });

  it.each<[string, typeof epayment | typeof meldeDienst, KommuneServiceRecords, ReadinessStatus]>([
    ["E-Payment without checklist entry is missing", epayment, kommune([]), "offen"],
    [
      "E-Payment connected",
      epayment,
      kommune([], [], [["epayment", "online", "epayment-nrw"]]),
      "online",
    ],
    [
      "E-Payment connected without naming the service",
      epayment,
      kommune([], [], [["epayment", "in_anbindung", null]]),
      "in_anbindung",
    ],
    [
      "E-Payment of another provider",
      epayment,
      kommune([], [], [["epayment", "online", "epay-andere"]]),
      "andere_loesung",
    ],
    [
      "a Kreis is not responsible for Meldewesen",
      meldeDienst,
      kommune([10439]),
      "nicht_zustaendig",
    ],
    ["responsible, nothing recorded", meldeDienst, kommune([10124]), "offen"],
    [
      "the furthest status with this service counts",
      meldeDienst,
      kommune(
        [10124, 10559],
        [
          [10124, "geplant", "melde-online"],
          [10559, "online", "melde-online"],
        ],
      ),
      "online",
    ],
    [
      "online with its own solution",
      meldeDienst,
      kommune([10124], [[10124, "online", null]]),
      "andere_loesung",
    ],
    [
      "planned with this service beats another solution",
      meldeDienst,
      kommune(
        [10124, 10559],
        [
          [10124, "geplant", "melde-online"],
          [10559, "online", null],
        ],
      ),
      "geplant",
    ],
  ])("%s", (_name, service, records, expected) => {
    expect(serviceReadinessOf(service, records)).toBe(expected);
  });

  it("counts Kommunen per status", () => {
    expect(readinessCounts(["online", "offen", "offen"])).toEqual({
      online: 1,
      in_anbindung: 0,
      geplant: 0,
      offen: 2,
      andere_loesung: 0,
      nicht_zustaendig: 0,
    });
  });
});
