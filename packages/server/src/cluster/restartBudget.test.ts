import { describe, expect, it } from "vitest";
import { RestartBudget } from "./restartBudget.ts";

describe("RestartBudget", () => {
  it("allows the limit within the window, then refuses", () => {
    const budget = new RestartBudget(3, 60_000);
    expect([0, 1_000, 2_000].map((now) => budget.take(now))).toEqual([true, true, true]);
    expect(budget.take(3_000)).toBe(false);
    expect(budget.take(59_999)).toBe(false);
  });

  it("allows again once the earliest restart has left the window", () => {
    const budget = new RestartBudget(2, 10_000);
    expect(budget.take(0)).toBe(true);
    expect(budget.take(5_000)).toBe(true);
    expect(budget.take(9_999)).toBe(false);
    expect(budget.take(10_000)).toBe(true);
    expect(budget.take(14_999)).toBe(false);
    expect(budget.take(15_000)).toBe(true);
  });
});
