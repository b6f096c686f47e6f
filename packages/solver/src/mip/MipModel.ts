/**
 * A mixed-integer linear model in the shape HiGHS takes it: minimise `offset + cost·x` subject to
 * `rowLower ≤ A·x ≤ rowUpper` and `columnLower ≤ x ≤ columnUpper`, with `integer[j] = 1` marking
 * integer columns. `A` is stored row-wise (CSR) because every model here is built row by row.
 * Typed arrays, so a model can be handed to a worker thread without copying.
 */
export interface MipModel {
  columnCount: number;
  columnCost: Float64Array;
  columnLower: Float64Array;
  columnUpper: Float64Array;
  /** 1 = integer (binary when bounded by 0 and 1), 0 = continuous. */
  integer: Uint8Array;
  rowCount: number;
  rowStart: Int32Array;
  rowIndex: Int32Array;
  rowValue: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Constant part of the objective. */
  offset: number;
}
