import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlannedMigrationInput } from "./Measure.ts";
import { horizonNote, measuresFromMigrations } from "./measuresFromMigrations.ts";

const COUPLED = ["einwohnerwesen", "personenstandswesen"];
const base = {
  scenarioId: "s-1",
  startYear: 2027,
  domainNames: new Map([
    ["einwohnerwesen", "Einwohnerwesen"],
    ["personenstandswesen", "Personenstandswesen"],
    ["finanzwesen", "Finanzwesen"],
  ]),
  providerNames: new Map([
    ["regio-it", "regio iT"],
    ["owl-it", "OWL-IT"],
  ]),
  couplings: [COUPLED],
};

describe("measuresFromMigrations with coupled domains", () => {
  it("puts a Kommune's coupled switches into one measure and one wave", () => {
    const migrations: PlannedMigrationInput[] = ["05766020", "05766008", "05766044"].flatMap(
      (kommuneId) =>
        COUPLED.map((domainId) => ({
          kommuneId,
          domainId,
          fromProviderId: "sit",
          toProviderId: "regio-it",
          oneOffCost: 100,
        })),
    );
    const drafts = measuresFromMigrations(migrations, { ...base, maxMigrationsPerYear: 3 });
    for (const draft of drafts) {
      expect(draft.domainIds).toEqual(COUPLED);
      expect(draft.title).toMatch(/^Wechsel Einwohnerwesen und Personenstandswesen zu regio iT/);
    }
    const waveOf = new Map<string, Set<number>>();
    for (const draft of drafts) {
      for (const migration of draft.migrations) {
        const waves = waveOf.get(migration.kommuneId) ?? new Set<number>();
        waves.add(draft.wave);
        waveOf.set(migration.kommuneId, waves);
      }
    }
    expect([...waveOf.values()].every((waves) => waves.size === 1)).toBe(true);
  });

  const migrationArbitrary = fc.record({
    kommuneId: fc.constantFrom("05766020", "05766008", "05766044", "05766028", "05711000"),
    domainId: fc.constantFrom("einwohnerwesen", "personenstandswesen", "finanzwesen"),
    fromProviderId: fc.constant("sit"),
    toProviderId: fc.constantFrom<string | null>("regio-it", "owl-it", null),
    oneOffCost: fc.nat(10_000),
  });

  it("plan invariants: coupled switches of a Kommune share measure and wave; waves beyond the horizon are explained", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(migrationArbitrary, {
          selector: (entry) => `${entry.kommuneId}|${entry.domainId}`,
          maxLength: 15,
        }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (drawn, perYear, horizonYears) => {
          // Coupled domains have one provider per Kommune (the solver's coupling row).
          const target = new Map<string, string | null>();
          const migrations = drawn.map((migration) => {
            if (!COUPLED.includes(migration.domainId)) return migration;
            if (!target.has(migration.kommuneId)) {
              target.set(migration.kommuneId, migration.toProviderId);
            }
            return { ...migration, toProviderId: target.get(migration.kommuneId) ?? null };
          });
          const drafts = measuresFromMigrations(migrations, {
            ...base,
            maxMigrationsPerYear: perYear,
          });
          // Every migration exactly once.
          expect(drafts.flatMap((draft) => draft.migrations)).toHaveLength(migrations.length);
          // Coupled switches of a Kommune: one measure.
          const measureOf = new Map<string, number>();
          drafts.forEach((draft, index) => {
            for (const migration of draft.migrations) {
              if (!COUPLED.includes(migration.domainId)) continue;
              const earlier = measureOf.get(migration.kommuneId);
              if (earlier !== undefined) expect(earlier).toBe(index);
              measureOf.set(migration.kommuneId, index);
            }
          });
          // Waves within the horizon, or a note that says why not.
          const last = Math.max(0, ...drafts.map((draft) => draft.wave));
          const note = horizonNote(drafts, {
            ...base,
            maxMigrationsPerYear: perYear,
            horizonYears,
          });
          if (last > horizonYears) {
            expect(note).toMatch(/Zeitraum/);
            expect(note).toContain(String(base.startYear + last - 1));
          } else {
            expect(note).toBeNull();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
