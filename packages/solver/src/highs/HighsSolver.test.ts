import { afterAll, describe, expect, it } from "vitest";
import { MipModelBuilder } from "../mip/MipModelBuilder.ts";
import type { MipModel } from "../mip/MipModel.ts";
import { HighsSolver } from "./HighsSolver.ts";
import { HighsWorkerPool } from "./HighsWorkerPool.ts";

/** min x + 2y + 3z with x + y + z ≥ 2, binary: optimum 3 (x = y = 1). */
function pickTwo(): MipModel {
  const builder = new MipModelBuilder();
  const columns = [1, 2, 3].map((cost) => builder.addBinary(cost));
  builder.addRow(2, Infinity, columns, [1, 1, 1]);
  return builder.build();
}

/** x + y ≥ 3 with binaries: no solution. */
function impossible(): MipModel {
  const builder = new MipModelBuilder();
  const columns = [builder.addBinary(1), builder.addBinary(1)];
  builder.addRow(3, Infinity, columns, [1, 1]);
  return builder.build();
}

const options = { timeLimitSeconds: 10, relativeGap: 0 };
const pool = new HighsWorkerPool(2);
afterAll(() => pool.close());

describe.each([
  ["in this thread", new HighsSolver()],
  ["in a worker thread", pool],
])("HiGHS %s", (_, solver) => {
  it("solves a tiny MIP to optimality with its dual bound", async () => {
    const result = await solver.solve(pickTwo(), options);
    expect(result).toMatchObject({ status: "optimal", objective: 3, bound: 3 });
    if (result.status === "optimal") expect(Array.from(result.values)).toEqual([1, 1, 0]);
  });

  it("reports infeasibility as a value", async () => {
    expect((await solver.solve(impossible(), options)).status).toBe("infeasible");
  });

  it("uses the objective as the bound of a pure LP", async () => {
    const builder = new MipModelBuilder();
    const x = builder.addColumn(1, 0, 1, false);
    const y = builder.addColumn(2, 0, 1, false);
    builder.addRow(1.5, Infinity, [x, y], [1, 1]);
    const result = await solver.solve(builder.build(), options);
    expect(result).toMatchObject({ status: "optimal", objective: 2, bound: 2 });
  });
});

describe("HighsWorkerPool", () => {
  it("solves several models at once with the same answers as in-process", async () => {
    const results = await Promise.all(
      [pickTwo(), pickTwo(), impossible(), pickTwo()].map((model) => pool.solve(model, options)),
    );
    expect(results.map((result) => result.status)).toEqual([
      "optimal",
      "optimal",
      "infeasible",
      "optimal",
    ]);
  });
});
