import { describe, expect, it } from "vitest";
import { MipModelBuilder } from "./MipModelBuilder.ts";

describe("MipModelBuilder", () => {
  it("stores rows in compressed sparse row form and drops zero coefficients", () => {
    const builder = new MipModelBuilder();
    const x = builder.addBinary(1);
    const y = builder.addColumn(2, 0, 5, false);
    builder.addRow(1, 1, [x, y], [1, 0]);
    builder.addRow(-Infinity, 4, [y, x], [3, -1]);
    builder.addOffset(7);
    const model = builder.build();
    expect(model.columnCount).toBe(2);
    expect(Array.from(model.integer)).toEqual([1, 0]);
    expect(Array.from(model.columnUpper)).toEqual([1, 5]);
    expect(Array.from(model.rowStart)).toEqual([0, 1, 3]);
    expect(Array.from(model.rowIndex)).toEqual([0, 1, 0]);
    expect(Array.from(model.rowValue)).toEqual([1, 3, -1]);
    expect(Array.from(model.rowLower)).toEqual([1, -Infinity]);
    expect(model.offset).toBe(7);
  });

  it("grows past its initial buffers", () => {
    const builder = new MipModelBuilder();
    for (let column = 0; column < 5000; column += 1) builder.addBinary(column);
    const model = builder.build();
    expect(model.columnCount).toBe(5000);
    expect(model.columnCost[4999]).toBe(4999);
  });
});
