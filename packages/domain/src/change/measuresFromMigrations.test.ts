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

  it("keeps a target provider within its own yearly limit and fills the year with others", () => {
    const drafts = measuresFromMigrations(
      [
        migration("05766020", "einwohnerwesen", "regio-it"),
        migration("05766008", "einwohnerwesen", "regio-it"),
        migration("05766044", "einwohnerwesen", "regio-it"),
        migration("05766020", "finanzwesen", "owl-it"),
        migration("05766008", "finanzwesen", "owl-it"),
      ],
      { ...options, providerMigrationsPerYear: new Map([["regio-it", 1]]) },
    );
    // regio iT takes in 1 a year: waves 1, 2, 3. OWL-IT fills the 2 places left in 2027.
    expect(drafts.map((draft) => [draft.title, draft.kommuneKeys])).toEqual([
      ["Wechsel Einwohnerwesen zu regio iT – Welle 1", ["05766008"]],
      ["Wechsel Einwohnerwesen zu regio iT – Welle 2", ["05766020"]],
      ["Wechsel Einwohnerwesen zu regio iT – Welle 3", ["05766044"]],
      ["Wechsel Finanzwesen zu OWL-IT – Welle 1", ["05766008", "05766020"]],
    ]);
    expect(drafts.map((draft) => draft.dependsOnIndex)).toEqual([null, 0, 1, null]);
  });

  it("refuses a provider limit below 1 for a provider that takes in migrations", () => {
    expect(() =>
      measuresFromMigrations([migration("05766020", "finanzwesen", "owl-it")], {
        ...options,
        providerMigrationsPerYear: new Map([["owl-it", 0]]),
      }),
    ).toThrow(RangeError);
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
        fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
        (migrations, max, regioLimit) => {
          const drafts = measuresFromMigrations(migrations, {
            ...options,
            maxMigrationsPerYear: max,
            ...(regioLimit === null
              ? {}
              : { providerMigrationsPerYear: new Map([["regio-it", regioLimit]]) }),
          });
          const placed = drafts.flatMap((draft) => draft.migrations);
          expect(placed).toHaveLength(migrations.length);
          for (const item of migrations) expect(placed.filter((p) => p === item)).toHaveLength(1);
          const perWave = new Map<number, number>();
          const regioPerWave = new Map<number, number>();
          for (const draft of drafts) {
            perWave.set(draft.wave, (perWave.get(draft.wave) ?? 0) + draft.migrations.length);
            if (draft.toProviderId === "regio-it")
              regioPerWave.set(
                draft.wave,
                (regioPerWave.get(draft.wave) ?? 0) + draft.migrations.length,
              );
            for (const item of draft.migrations) {
              expect(item.domainId).toBe(draft.domainId);
              expect(item.toProviderId).toBe(draft.toProviderId);
            }
          }
          for (const count of perWave.values()) expect(count).toBeLessThanOrEqual(max);
          for (const count of regioPerWave.values())
            expect(count).toBeLessThanOrEqual(regioLimit ?? max);
        },
      ),
    );
  });
});
