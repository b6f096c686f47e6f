import { describe, expect, it } from "vitest";
import { buildMeasure } from "./buildMeasure.testing.ts";
import { roadmapLayout } from "./roadmapLayout.ts";

describe("roadmapLayout", () => {
  const first = buildMeasure({ id: 1, startDate: "2027-01-01", dueDate: "2027-12-31" });
  const second = buildMeasure({
    id: 2,
    startDate: "2028-01-01",
    dueDate: "2028-12-31",
    kommunen: [
      { key: "05711000", name: "Bielefeld", kreisKey: null, kreisName: null },
      { key: "05766020", name: "Detmold", kreisKey: "05766", kreisName: "Kreis Lippe" },
    ],
    domains: [],
  });

  it("spans whole years and places bars in percent of the range", () => {
    const layout = roadmapLayout([first, second], "domain", [1, 2]);
    // 2027 has 365 days, 2028 has 366: 731 days in all.
    expect(layout.start).toBe("2027-01-01");
    expect(layout.end).toBe("2028-12-31");
    expect(layout.years.map((year) => year.year)).toEqual([2027, 2028]);
    expect(layout.years[1]?.left).toBeCloseTo((365 / 731) * 100, 6);
    const row = layout.groups[0]?.rows[0];
    expect(row?.bar?.left).toBe(0);
    expect(row?.bar?.width).toBeCloseTo((365 / 731) * 100, 6);
    expect(row?.critical).toBe(true);
    // A measure without a domain lands under "Ohne Zuordnung", listed last.
    expect(layout.groups.map((group) => group.label)).toEqual(["Einwohnerwesen", "Ohne Zuordnung"]);
  });

  it("groups by Kreis, with a kreisfreie Stadt as its own group", () => {
    const layout = roadmapLayout([first, second], "kreis", []);
    expect(
      layout.groups.map((group) => [group.label, group.rows.map((row) => row.measure.id)]),
    ).toEqual([
      ["Bielefeld", [2]],
      ["Kreis Lippe", [1, 2]],
    ]);
  });
});
