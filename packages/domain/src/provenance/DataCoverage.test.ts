import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessDataCoverage, monthsBefore, weakestDataCoverage } from "./DataCoverage.ts";

const base = {
  key: "05766020",
  name: "Detmold",
  kind: "gemeinde" as const,
  kreisKey: "05766",
  domainsWithEntry: 3,
  newestEvidence: "2021-03-09",
  qualities: { sourced: 1, demo: 29 },
};

describe("Datenlage", () => {
  it("counts the share of Leistungsbereiche, the age of the newest evidence and the quality mix", () => {
    const row = assessDataCoverage(base, {
      today: "2026-03-09",
      staleAfterMonths: 24,
      domainsTotal: 30,
    });
    expect(row).toMatchObject({ share: 0.1, ageDays: 1826, stale: true });
    expect(row.qualities).toEqual({
      official: 0,
      sourced: 1,
      self_reported: 0,
      provider_confirmed: 0,
      user: 0,
      estimated: 0,
      demo: 29,
    });
  });

  it("marks as veraltet only evidence older than the configured age", () => {
    const options = { today: "2026-03-09", domainsTotal: 30 };
    expect(
      assessDataCoverage(
        { ...base, newestEvidence: "2024-03-09" },
        { ...options, staleAfterMonths: 24 },
      ).stale,
    ).toBe(false);
    expect(
      assessDataCoverage(
        { ...base, newestEvidence: "2024-03-08" },
        { ...options, staleAfterMonths: 24 },
      ).stale,
    ).toBe(true);
    expect(
      assessDataCoverage(
        { ...base, newestEvidence: "2021-03-09" },
        { ...options, staleAfterMonths: 120 },
      ).stale,
    ).toBe(false);
  });

  it("treats a Kommune without any evidence as veraltet with no age", () => {
    const row = assessDataCoverage(
      { ...base, newestEvidence: null, domainsWithEntry: 0, qualities: {} },
      { today: "2026-03-09", staleAfterMonths: 24, domainsTotal: 30 },
    );
    expect(row).toMatchObject({ share: 0, ageDays: null, stale: true });
  });

  it("goes back whole calendar months, clamping to the month's last day", () => {
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2026-03-09", 24)).toBe("2024-03-09");
    expect(monthsBefore("2026-01-15", 1)).toBe("2025-12-15");
  });
});

describe("weakestDataCoverage", () => {
  const row = (key: string, share: number, stale: boolean, ageDays: number | null) => ({
    key,
    share,
    stale,
    ageDays,
  });

  it("picks the smallest share first, then stale before current, then the oldest evidence", () => {
    const rows = [
      row("05766020", 0.5, false, 10),
      row("05766008", 0, false, 100),
      row("05766012", 0, true, 900),
      row("05766016", 0, true, null),
      row("05766024", 0.2, true, 50),
    ];
    expect(weakestDataCoverage(rows, 4).map((item) => item.key)).toEqual([
      "05766016",
      "05766012",
      "05766008",
      "05766024",
    ]);
    expect(weakestDataCoverage(rows, 0)).toEqual([]);
    expect(weakestDataCoverage(rows, 10)).toHaveLength(5);
  });

  it("never selects a Kommune with a larger share before one with a smaller share (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.stringMatching(/^05\d{6}$/),
            share: fc.double({ min: 0, max: 1, noNaN: true }),
            stale: fc.boolean(),
            ageDays: fc.option(fc.nat(5000), { nil: null }),
          }),
          { maxLength: 30 },
        ),
        fc.nat(30),
        (rows, count) => {
          const chosen = weakestDataCoverage(rows, count);
          expect(chosen).toHaveLength(Math.min(count, rows.length));
          const maxChosen = Math.max(-1, ...chosen.map((item) => item.share));
          const left = rows.filter((item) => !chosen.includes(item));
          expect(left.every((item) => item.share >= maxChosen)).toBe(true);
        },
      ),
    );
  });
});
