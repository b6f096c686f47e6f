import { describe, expect, it } from "vitest";
import { assessDataCoverage, monthsBefore } from "./DataCoverage.ts";

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
      sourced: 1,
      self_reported: 0,
      provider_confirmed: 0,
      user: 0,
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
