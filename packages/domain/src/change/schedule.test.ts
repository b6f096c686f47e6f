import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../errors/AppError.ts";
import {
  analyseSchedule,
  criticalPath,
  findDependencyCycle,
  isBlocked,
  isOverdue,
  measureDurationDays,
  type ScheduleItem,
} from "./schedule.ts";

function item(
  id: number,
  startDate: string | null,
  dueDate: string | null,
  dependsOn: number[] = [],
  status: ScheduleItem["status"] = "geplant",
): ScheduleItem {
  return { id, title: `M${id}`, status, startDate, dueDate, dependsOn };
}

describe("schedule analysis", () => {
  it("counts a measure's days with both ends included", () => {
    expect(measureDurationDays(item(1, "2027-01-01", "2027-01-31"))).toBe(31);
    expect(measureDurationDays(item(1, "2028-02-01", "2028-03-01"))).toBe(30); // leap year
    expect(measureDurationDays(item(1, null, "2027-01-31"))).toBe(0);
  });

  it.each<[string, ScheduleItem["status"], string | null, boolean]>([
    ["due yesterday, still planned", "geplant", "2027-03-09", true],
    ["due today", "in_arbeit", "2027-03-10", false],
    ["due yesterday but done", "erledigt", "2027-03-09", false],
    ["due yesterday but discarded", "verworfen", "2027-03-09", false],
    ["without a due date", "geplant", null, false],
  ])("overdue: %s", (_name, status, dueDate, expected) => {
    expect(isOverdue({ status, dueDate }, "2027-03-10")).toBe(expected);
  });

  it("blocks a measure by its status or by an unfinished dependency once it should start", () => {
    const today = "2027-03-10";
    const started = { status: "geplant" as const, startDate: "2027-03-01" };
    const dependency = (status: ScheduleItem["status"], dueDate: string | null = "2027-02-28") => ({
      status,
      dueDate,
    });
    expect(isBlocked({ status: "blockiert", startDate: "2030-01-01" }, [], today)).toBe(true);
    expect(isBlocked(started, [dependency("erledigt"), dependency("verworfen")], today)).toBe(
      false,
    );
    expect(isBlocked(started, [dependency("erledigt"), dependency("in_arbeit")], today)).toBe(true);
    expect(isBlocked({ status: "geplant", startDate: null }, [dependency("geplant")], today)).toBe(
      true,
    );
    expect(
      isBlocked({ status: "erledigt", startDate: "2027-03-01" }, [dependency("in_arbeit")], today),
    ).toBe(false);
  });

  it("does not mark a future wave „blockiert“ while its predecessor still has time (issue 16, defect 10)", () => {
    const today = "2026-12-07";
    const wave2 = { status: "geplant" as const, startDate: "2028-01-01" };
    // Wave 1 is planned, due before wave 2 starts: nothing blocks wave 2 yet.
    expect(isBlocked(wave2, [{ status: "geplant", dueDate: "2027-12-31" }], today)).toBe(false);
    // Wave 1 is planned to run into wave 2's start: that is a real block.
    expect(isBlocked(wave2, [{ status: "in_arbeit", dueDate: "2028-03-31" }], today)).toBe(true);
    // Wave 2's start has come and wave 1 is still open: blocked.
    expect(isBlocked(wave2, [{ status: "in_arbeit", dueDate: "2027-12-31" }], "2028-01-02")).toBe(
      true,
    );
    // A predecessor without a due date may run into any start.
    expect(isBlocked(wave2, [{ status: "geplant", dueDate: null }], today)).toBe(true);
  });

  it("never flags a chain of planned waves as blocked before the first wave's end (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 2027, max: 2030 }),
        (waves, first) => {
          const items = Array.from({ length: waves }, (_, index) =>
            item(
              index + 1,
              `${first + index}-01-01`,
              `${first + index}-12-31`,
              index === 0 ? [] : [index],
            ),
          );
          expect(analyseSchedule(items, `${first - 1}-06-30`).blockedIds).toEqual([]);
          // Once a wave should have started while its predecessor is still open, it is blocked.
          expect(analyseSchedule(items, `${first + 1}-01-02`).blockedIds).toEqual([2]);
        },
      ),
    );
  });

  it("finds the longest chain by duration, not by the number of measures", () => {
    // 1 (31 days) → 2 (28 days) → 4 (10 days) = 69 days; 3 (90 days) → 4 = 100 days.
    const items = [
      item(1, "2027-01-01", "2027-01-31"),
      item(2, "2027-02-01", "2027-02-28", [1]),
      item(3, "2027-01-01", "2027-03-31"),
      item(4, "2027-04-01", "2027-04-10", [2, 3]),
    ];
    expect(criticalPath(items)).toEqual({ ids: [3, 4], days: 100 });
  });

  it("leaves discarded measures off the critical path", () => {
    const items = [
      item(1, "2027-01-01", "2027-12-31", [], "verworfen"),
      item(2, "2027-01-01", "2027-01-10", [1]),
    ];
    expect(criticalPath(items)).toEqual({ ids: [2], days: 10 });
  });

  it("refuses a cycle and names it in German", () => {
    const items = [item(1, null, null, [3]), item(2, null, null, [1]), item(3, null, null, [2])];
    expect(findDependencyCycle(items)).toHaveLength(3);
    expect(() => criticalPath(items)).toThrow(ConflictError);
    expect(() => criticalPath(items)).toThrow(/„M1“ → „M3“ → „M2“ → „M1“/);
  });

  it("reports overdue and blocked measures with the critical path", () => {
    const analysis = analyseSchedule(
      [
        item(1, "2027-01-01", "2027-01-31", [], "in_arbeit"),
        item(2, "2027-02-01", "2027-02-28", [1]),
      ],
      "2027-02-15",
    );
    expect(analysis).toEqual({
      overdueIds: [1],
      blockedIds: [2],
      criticalPath: [1, 2],
      criticalPathDays: 59,
    });
  });

  /** A random DAG: each measure depends only on measures with a smaller id. */
  const dagArbitrary = fc
    .array(
      fc.record({
        start: fc.integer({ min: 0, max: 700 }),
        length: fc.integer({ min: 0, max: 400 }),
        dependencies: fc.array(fc.nat(), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 25 },
    )
    .map((rows) =>
      rows.map((row, index) => {
        const start = new Date(Date.UTC(2027, 0, 1 + row.start)).toISOString().slice(0, 10);
        const due = new Date(Date.UTC(2027, 0, 1 + row.start + row.length))
          .toISOString()
          .slice(0, 10);
        return item(
          index + 1,
          start,
          due,
          index === 0 ? [] : [...new Set(row.dependencies.map((d) => (d % index) + 1))],
        );
      }),
    );

  it("has a critical path at least as long as every single measure, along real dependencies", () => {
    fc.assert(
      fc.property(dagArbitrary, (items) => {
        const path = criticalPath(items);
        for (const each of items)
          expect(path.days).toBeGreaterThanOrEqual(measureDurationDays(each));
        const byId = new Map(items.map((each) => [each.id, each]));
        const sum = path.ids.reduce((total, id) => total + measureDurationDays(byId.get(id)!), 0);
        expect(sum).toBe(path.days);
        path.ids.slice(1).forEach((id, index) => {
          expect(byId.get(id)?.dependsOn).toContain(path.ids[index]);
        });
      }),
    );
  });

  it("finds a cycle exactly when one is added to an acyclic graph", () => {
    fc.assert(
      fc.property(dagArbitrary, (items) => {
        expect(findDependencyCycle(items)).toBeUndefined();
        const last = items[items.length - 1]!;
        const first = items[0]!;
        const closed = items.map((each) =>
          each.id === first.id ? { ...each, dependsOn: [last.id] } : each,
        );
        const reachesFirst = (id: number, seen = new Set<number>()): boolean => {
          if (id === first.id) return true;
          if (seen.has(id)) return false;
          seen.add(id);
          return (closed.find((each) => each.id === id)?.dependsOn ?? []).some((next) =>
            reachesFirst(next, seen),
          );
        };
        const cyclic = last.id === first.id || reachesFirst(last.id);
        expect(findDependencyCycle(closed) !== undefined).toBe(cyclic);
      }),
    );
  });
});
