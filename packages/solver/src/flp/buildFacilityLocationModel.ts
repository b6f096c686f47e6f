import type { MipModel } from "../mip/MipModel.ts";
import { MipModelBuilder } from "../mip/MipModelBuilder.ts";
import { pairCustomers, type SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** A facility-location MIP and where its columns sit. */
export interface FacilityLocationModel {
  model: MipModel;
  /** Column of each pair's x, −1 when the pair is not a candidate. */
  pairColumn: Int32Array;
  /** Column of each facility's y, −1 when no candidate pair uses it (it stays closed). */
  facilityColumn: Int32Array;
}

/**
 * The strong formulation restricted to candidate pairs (`candidate[p] = 1`):
 * min Σ f_i y_i + Σ c_p x_p, Σ_p∈j x_p = 1, x_p ≤ y_i, and with capacities
 * Σ d_j x_p ≤ s_i y_i plus the aggregate Σ S_i y_i ≥ D that tightens the LP (Cornuéjols et al.
 * 1991). Capacitated x are binary (single sourcing); uncapacitated x may stay continuous,
 * because for fixed y an optimal assignment is integral anyway — fewer integer columns.
 */
export function buildFacilityLocationModel(
  problem: SparseFacilityLocation,
  candidate: Uint8Array,
): FacilityLocationModel {
  const builder = new MipModelBuilder();
  const customerOf = pairCustomers(problem);
  const facilityColumn = new Int32Array(problem.facilityCount).fill(-1);
  const pairColumn = new Int32Array(problem.pairCost.length).fill(-1);
  const candidateDemand = new Float64Array(problem.facilityCount);
  const candidateCount = new Int32Array(problem.facilityCount);
  for (let pair = 0; pair < candidate.length; pair += 1) {
    const facility = problem.pairFacility[pair] ?? -1;
    if (!candidate[pair] || facility < 0) continue;
    candidateCount[facility] = (candidateCount[facility] ?? 0) + 1;
    candidateDemand[facility] =
      (candidateDemand[facility] ?? 0) + (problem.demand[customerOf[pair] ?? 0] ?? 0);
  }
  const binding = (facility: number) =>
    (problem.capacity[facility] ?? Infinity) < (candidateDemand[facility] ?? 0);
  let anyBinding = false;
  for (let facility = 0; facility < problem.facilityCount; facility += 1) {
    if (candidateCount[facility] === 0) continue;
    facilityColumn[facility] = builder.addBinary(problem.fixedCost[facility] ?? 0);
    if (binding(facility)) anyBinding = true;
  }
  for (let pair = 0; pair < candidate.length; pair += 1) {
    if (!candidate[pair]) continue;
    // With any binding capacity, single sourcing needs every x integral; otherwise none.
    pairColumn[pair] = builder.addColumn(problem.pairCost[pair] ?? 0, 0, 1, anyBinding);
  }
  const columns: number[] = [];
  const ones: number[] = [];
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    columns.length = 0;
    const end = problem.pairStart[customer + 1] ?? 0;
    for (let pair = problem.pairStart[customer] ?? 0; pair < end; pair += 1) {
      const column = pairColumn[pair] ?? -1;
      if (column >= 0) columns.push(column);
    }
    while (ones.length < columns.length) ones.push(1);
    builder.addRow(1, 1, columns, ones.slice(0, columns.length));
  }
  for (let pair = 0; pair < candidate.length; pair += 1) {
    const column = pairColumn[pair] ?? -1;
    const facility = problem.pairFacility[pair] ?? -1;
    if (column < 0 || facility < 0) continue;
    builder.addRow(-Infinity, 0, [column, facilityColumn[facility] ?? 0], [1, -1]);
  }
  if (anyBinding)
    addCapacityRows(problem, builder, pairColumn, facilityColumn, customerOf, binding);
  return { model: builder.build(), pairColumn, facilityColumn };
}

function addCapacityRows(
  problem: SparseFacilityLocation,
  builder: MipModelBuilder,
  pairColumn: Int32Array,
  facilityColumn: Int32Array,
  customerOf: Int32Array,
  binding: (facility: number) => boolean,
): void {
  const rows = Array.from({ length: problem.facilityCount }, () => ({
    columns: [] as number[],
    values: [] as number[],
  }));
  const hasPrivate = new Uint8Array(problem.customerCount);
  for (let pair = 0; pair < pairColumn.length; pair += 1) {
    const facility = problem.pairFacility[pair] ?? -1;
    if (facility < 0) hasPrivate[customerOf[pair] ?? 0] = 1;
    const column = pairColumn[pair] ?? -1;
    if (column < 0 || facility < 0 || !binding(facility)) continue;
    rows[facility]?.columns.push(column);
    rows[facility]?.values.push(problem.demand[customerOf[pair] ?? 0] ?? 0);
  }
  const coverColumns: number[] = [];
  const coverValues: number[] = [];
  const coverable = new Float64Array(problem.facilityCount);
  for (let pair = 0; pair < pairColumn.length; pair += 1) {
    const facility = problem.pairFacility[pair] ?? -1;
    const customer = customerOf[pair] ?? 0;
    if ((pairColumn[pair] ?? -1) < 0 || facility < 0 || hasPrivate[customer]) continue;
    coverable[facility] = (coverable[facility] ?? 0) + (problem.demand[customer] ?? 0);
  }
  let coverDemand = 0;
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    if (!hasPrivate[customer]) coverDemand += problem.demand[customer] ?? 0;
  }
  for (let facility = 0; facility < problem.facilityCount; facility += 1) {
    const column = facilityColumn[facility] ?? -1;
    if (column < 0) continue;
    const capacity = problem.capacity[facility] ?? Infinity;
    const row = rows[facility];
    if (row && binding(facility)) {
      builder.addRow(-Infinity, 0, [...row.columns, column], [...row.values, -capacity]);
    }
    coverColumns.push(column);
    coverValues.push(Math.min(capacity, coverable[facility] ?? 0));
  }
  if (coverDemand > 0) builder.addRow(coverDemand, Infinity, coverColumns, coverValues);
}
