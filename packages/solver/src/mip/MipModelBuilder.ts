import type { MipModel } from "./MipModel.ts";

/** Growable float buffer: plain arrays of a few million numbers cost twice the memory. */
class FloatBuffer {
  values = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  toArray(): Float64Array {
    return this.values.slice(0, this.length);
  }
}

class IntBuffer {
  values = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

/** Builds a {@link MipModel} column by column and row by row. */
export class MipModelBuilder {
  private readonly cost = new FloatBuffer();
  private readonly lower = new FloatBuffer();
  private readonly upper = new FloatBuffer();
  private readonly integer = new IntBuffer();
  private readonly rowStart = new IntBuffer();
  private readonly rowIndex = new IntBuffer();
  private readonly rowValue = new FloatBuffer();
  private readonly rowLower = new FloatBuffer();
  private readonly rowUpper = new FloatBuffer();
  private offset = 0;

  constructor() {
    this.rowStart.push(0);
  }

  get columnCount(): number {
    return this.cost.length;
  }

  get rowCount(): number {
    return this.rowLower.length;
  }

  /** Adds a column and returns its index. */
  addColumn(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  /** Adds a binary column and returns its index. */
  addBinary(cost: number): number {
    return this.addColumn(cost, 0, 1, true);
  }

  /** Adds `lower ≤ Σ values[k]·x[indices[k]] ≤ upper`; indices must be distinct. */
  addRow(
    lower: number,
    upper: number,
    indices: readonly number[],
    values: readonly number[],
  ): number {
    for (let entry = 0; entry < indices.length; entry += 1) {
      const value = values[entry] ?? 0;
      if (value === 0) continue;
      this.rowIndex.push(indices[entry] ?? 0);
      this.rowValue.push(value);
    }
    this.rowStart.push(this.rowIndex.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }

  /** Adds a constant to the objective. */
  addOffset(value: number): void {
    this.offset += value;
  }

  /** The finished model; the builder should not be used afterwards. */
  build(): MipModel {
    return {
      columnCount: this.cost.length,
      columnCost: this.cost.toArray(),
      columnLower: this.lower.toArray(),
      columnUpper: this.upper.toArray(),
      integer: Uint8Array.from(this.integer.toArray()),
      rowCount: this.rowLower.length,
      rowStart: this.rowStart.toArray(),
      rowIndex: this.rowIndex.toArray(),
      rowValue: this.rowValue.toArray(),
      rowLower: this.rowLower.toArray(),
      rowUpper: this.rowUpper.toArray(),
      offset: this.offset,
    };
  }
}
