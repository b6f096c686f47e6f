import { describe, expect, it } from "vitest";
import { isOnTime, measuresOnTime } from "./measuresOnTime.ts";

describe("isOnTime", () => {
  it.each([
    ["done before due", { due: "2026-05-31", doneAt: "2026-05-30T10:00:00Z" }, true],
    ["done on the due day", { due: "2026-05-31", doneAt: "2026-05-31" }, true],
    ["done late", { due: "2026-05-31", doneAt: "2026-06-01" }, false],
    ["open, not yet due", { due: "2026-07-01", doneAt: null }, true],
    ["open and overdue", { due: "2026-05-01", doneAt: null }, false],
  ])("%s", (_name, fields, expected) => {
    expect(isOnTime({ id: 1, status: "laufend", ...fields }, "2026-06-15")).toBe(expected);
  });

  it("does not count measures without due date or cancelled ones", () => {
    expect(isOnTime({ id: 1, due: null, status: "geplant", doneAt: null }, "2026-01-01")).toBe(
      undefined,
    );
    expect(
      isOnTime({ id: 1, due: "2020-01-01", status: "cancelled", doneAt: null }, "2026-01-01"),
    ).toBe(undefined);
  });
});

describe("measuresOnTime", () => {
  it("counts each measure once", () => {
    const measure = { id: "m", due: "2026-01-01", status: "laufend", doneAt: null };
    expect(measuresOnTime([measure, measure], "2026-02-01")).toEqual({ total: 1, onTime: 0 });
  });
});
