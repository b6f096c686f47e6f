import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlannedMigrationInput } from "./Measure.ts";
import { measuresFromMigrations } from "./measuresFromMigrations.ts";

const options = {
  scenarioId: "s-1",
  startYear: 2027,
  maxMigrationsPerYear: 3,
  domainNames: new Map([
    ["einwohnerwesen", "Einwohnerwesen"],
    ["finanzwesen", "Finanzwesen"],
  ]),
  providerNames: new Map([
    ["regio-it", "regio iT"],
    ["owl-it", "OWL-IT"],
    ["sit", "Südwestfalen-IT"],
  ]),
};

function migration(
  kommuneId: string,
  domainId: string,
  toProviderId: string | null,
  oneOffCost = 1000,
  fromProviderId: string | null = "sit",
): PlannedMigrationInput {
  return { kommuneId, domainId, fromProviderId, toProviderId, oneOffCost };
}

describe("measuresFromMigrations", () => {
  it("makes one measure per wave of each target provider and domain, at most 3 a year", () => {
    const drafts = measuresFromMigrations(
      [
        migration("05766020", "einwohnerwesen", "regio-it", 1000),
        migration("05766008", "einwohnerwesen", "regio-it", 2000),
        migration("05766044", "einwohnerwesen", "regio-it", 500),
        migration("05766028", "einwohnerwesen", "regio-it", 700),
        migration("05766020", "finanzwesen", "owl-it", 300),
      ],
      options,
    );
    // Einwohnerwesen → regio iT: 4 migrations, 3 in 2027 (wave 1), 1 in 2028 (wave 2);
    // Finanzwesen → OWL-IT fills wave 2 (one place used, two left).
    expect(drafts.map((draft) => [draft.title, draft.startDate, draft.dueDate])).toEqual([
      ["Wechsel Einwohnerwesen zu regio iT – Welle 1", "2027-01-01", "2027-12-31"],
      ["Wechsel Einwohnerwesen zu regio iT – Welle 2", "2028-01-01", "2028-12-31"],
      ["Wechsel Finanzwesen zu OWL-IT – Welle 2", "2028-01-01", "2028-12-31"],
    ]);
    expect(drafts[0]?.kommuneKeys).toEqual(["05766008", "05766020", "05766028"]);
    expect(drafts[0]?.oneOffCost).toBe(2000 + 1000 + 700);
    expect(drafts[0]?.providerIds).toEqual(["regio-it", "sit"]);
    expect(drafts[1]?.dependsOnIndex).toBe(0);
    expect(drafts[2]?.dependsOnIndex).toBeNull();
  });

  it("names a move into eigenen Betrieb", () => {
    const [draft] = measuresFromMigrations([migration("05766020", "finanzwesen", null)], options);
    expect(draft?.title).toBe("Wechsel Finanzwesen in eigenen Betrieb – Welle 1");
    expect(draft?.providerIds).toEqual(["sit"]);
  });

  it("refuses a yearly maximum below 1", () => {
    expect(() => measuresFromMigrations([], { ...options, maxMigrationsPerYear: 0 })).toThrow(
      RangeError,
    );
  });

  const migrationArbitrary = fc.record({
    kommuneId: fc.constantFrom("05766020", "05766008", "05766044", "05711000", "05315000"),
    domainId: fc.constantFrom("einwohnerwesen", "finanzwesen", "personalwesen"),
    fromProviderId: fc.option(fc.constantFrom("sit", "krz"), { nil: null }),
    toProviderId: fc.option(fc.constantFrom("regio-it", "owl-it"), { nil: null }),
    oneOffCost: fc.integer({ min: 0, max: 100_000 }),
  });

  it("puts every migration in exactly one measure and respects the yearly maximum", () => {
    fc.assert(
      fc.property(
        fc.array(migrationArbitrary, { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        (migrations, max) => {
          const drafts = measuresFromMigrations(migrations, {
            ...options,
            maxMigrationsPerYear: max,
          });
          const placed = drafts.flatMap((draft) => draft.migrations);
          expect(placed).toHaveLength(migrations.length);
          for (const item of migrations) expect(placed.filter((p) => p === item)).toHaveLength(1);
          const perWave = new Map<number, number>();
          for (const draft of drafts) {
            perWave.set(draft.wave, (perWave.get(draft.wave) ?? 0) + draft.migrations.length);
            for (const item of draft.migrations) {
              expect(item.domainId).toBe(draft.domainId);
              expect(item.toProviderId).toBe(draft.toProviderId);
            }
          }
          for (const count of perWave.values()) expect(count).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});
