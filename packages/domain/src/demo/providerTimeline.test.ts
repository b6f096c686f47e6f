import { describe, expect, it } from "vitest";
import type { DemoOrganisation, DemoProvider, DemoReorganisation } from "./DemoLandscape.ts";
import { buildProviderTimeline } from "./providerTimeline.ts";

function provider(
  id: string,
  status: DemoProvider["status"] = "active",
  successorId: string | null = null,
): DemoProvider {
  return { id, kind: "kommunal", status, successorId, ownerKey: null };
}

function gemeinde(key: string): DemoOrganisation {
  return {
    key,
    kind: "gemeinde",
    name: key,
    municipalityType: "kreisangehoerige_gemeinde",
    kreisType: null,
    kreisKey: key.slice(0, 5),
    regierungsbezirkKey: "057",
    population: 10_000,
  };
}

// The OWL-IT reorganisation of 01.01.2024 as a rename plus a merger, INFOKOM Gütersloh merged
// into regio iT in 2011 (before any history) and the Kreis-IT Mettmann moving to KRZN in 2019
// (data/nrw_it_dienstleister_ereignisse.csv).
const providers = [
  provider("krz", "renamed", "owl-it"),
  provider("gkd-paderborn", "merged", "owl-it"),
  provider("owl-it-2017", "merged", "owl-it"),
  provider("owl-it"),
  provider("infokom-gt", "merged", "regio-it"),
  provider("regio-it"),
  provider("kreis-mettmann-it", "merged", "krzn"),
  provider("krzn"),
];
const reorganisations: DemoReorganisation[] = [
  { date: "2024-01-01", kind: "rename", sourceProviderIds: ["krz"], targetProviderId: "owl-it" },
  {
    date: "2024-01-01",
    kind: "merger",
    sourceProviderIds: ["gkd-paderborn", "owl-it-2017"],
    targetProviderId: "owl-it",
  },
  {
    date: "2019-01-01",
    kind: "member_move",
    sourceProviderIds: ["kreis-mettmann-it"],
    targetProviderId: "krzn",
    organisationKey: "05158",
  },
];
const timeline = buildProviderTimeline(providers, reorganisations, { "05774": "gkd-paderborn" });

describe("buildProviderTimeline", () => {
  it.each([
    ["krz", "2023-12-01", true],
    ["krz", "2024-01-01", false],
    ["owl-it", "2023-12-01", false],
    ["owl-it", "2024-01-01", true],
    ["infokom-gt", "2016-01-01", false],
    ["regio-it", "2016-01-01", true],
    ["kreis-mettmann-it", "2018-12-01", true],
    ["kreis-mettmann-it", "2019-01-01", false],
    ["unknown", "2020-01-01", false],
  ])("knows whether %s exists on %s", (id, date, expected) => {
    expect(timeline.isActive(id, date)).toBe(expected);
  });

  it.each([
    ["owl-it", "05766020", "2016-01-01", "krz"],
    ["owl-it", "05774032", "2016-01-01", "gkd-paderborn"],
    ["owl-it", "05766020", "2025-01-01", "owl-it"],
    ["krz", "05766020", "2025-01-01", "owl-it"],
    ["infokom-gt", "05754008", "2016-01-01", "regio-it"],
  ])("serves %s for %s on %s by %s", (id, key, date, expected) => {
    expect(timeline.findProviderOn(id, gemeinde(key), date)).toBe(expected);
  });

  it("carries a relation through the reorganisations in its window only", () => {
    expect(timeline.carryForward("krz", "05766020", "2016-01-01", "2023-12-31")).toBe("krz");
    expect(timeline.carryForward("krz", "05766020", "2016-01-01", "2024-01-01")).toBe("owl-it");
    expect(timeline.carryForward("kreis-mettmann-it", "05158", "2016-01-01", "2020-01-01")).toBe(
      "krzn",
    );
    expect(timeline.carryForward("kreis-mettmann-it", "05158016", "2016-01-01", "2020-01-01")).toBe(
      "kreis-mettmann-it",
    );
  });
});
