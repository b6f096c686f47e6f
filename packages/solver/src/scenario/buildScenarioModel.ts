import type { MipModel } from "../mip/MipModel.ts";
import { MipModelBuilder } from "../mip/MipModelBuilder.ts";
import type { DomainCore } from "./buildDomainCore.ts";
import { constraintId, type IndexedScenario } from "./indexScenario.ts";

/** Which optional decisions are fixed and which coupling rows go into a block's model. */
export interface ScenarioModelSettings {
  /** Merger options taken (indices into `constraints.mergers`). */
  activeMergers: ReadonlySet<number>;
  /** Migration budget row over all pairs of the model, or null. */
  budget: number | null;
  /** Zero objective: any feasible point ends the solve (infeasibility analysis). */
  feasibilityOnly?: boolean;
}

/** A block's MIP and the translation between columns and assignments. */
export interface ScenarioModel {
  model: MipModel;
  /** Chosen pair per customer, one array per domain of the block. */
  decode(values: Float64Array): Int32Array[];
  /** MIP start for assignments whose pairs are all candidates (one cost line per provider). */
  encode(assignments: Int32Array[]): Float64Array | undefined;
}

/**
 * Pure model builder: one block of domains (coupled ones together) over candidate pairs.
 *
 * Variables: x_p (pair p: Kommune × option × cost line) binary; z_f per facility (offer × line)
 * binary with cost platform + intercept; h_g per active merger and domain with the shared
 * platform cost. Rows: one option per Kommune × domain (Σ x = 1); x_p ≤ z_f; at most one line
 * per offer (Σ z ≤ 1); capacity Σ volume·x ≤ capacity·Σ z; merged members z ≤ h; provider
 * counts min ≤ Σ z + Σ h ≤ max (with z ≤ Σ x so that a counted provider serves someone);
 * couplings Σ x(domain a, option o) = Σ x(domain b, option o) per Kommune; migrations
 * Σ_{changes} x ≤ budget; project capacity Σ_{changes to provider q} x ≤ limit_q. Concave costs need no SOS: the cost is the minimum over a curve's
 * lines, so a minimiser picks the right line by itself (see README).
 */
export function buildScenarioModel(
  scenario: IndexedScenario,
  blockDomains: readonly number[],
  cores: readonly DomainCore[],
  candidates: readonly Uint8Array[],
  settings: ScenarioModelSettings,
): ScenarioModel {
  const builder = new MipModelBuilder();
  const costOf = (cost: number) => (settings.feasibilityOnly ? 0 : cost);
  const { mergers, providerCounts, couplings } = scenario.input.constraints;
  const mergerOfProvider = new Map<number, number>();
  for (const merger of settings.activeMergers) {
    for (const providerId of mergers[merger]?.providerIds ?? []) {
      const provider = scenario.providerIndex.get(providerId);
      if (provider !== undefined) mergerOfProvider.set(provider, merger);
    }
  }
  const pairColumns: Int32Array[] = [];
  const facilityColumns: Int32Array[] = [];
  const groupColumns: Array<Map<number, number>> = [];
  const migrationColumns: number[] = [];
  /** Migrating pairs per provider with a project capacity (incoming migrations). */
  const intakeColumns = new Map<number, number[]>();

  blockDomains.forEach((domainIndex, position) => {
    const domain = scenario.domains[domainIndex];
    const core = cores[position];
    const candidate = candidates[position];
    if (!domain || !core || !candidate) throw new Error(`Block ohne Bereich ${domainIndex}`);
    const { problem } = core;
    const facilityColumn = new Int32Array(problem.facilityCount).fill(-1);
    const pairColumn = new Int32Array(problem.pairCost.length).fill(-1);
    const facilityPairs: number[][] = Array.from({ length: problem.facilityCount }, () => []);
    for (let pair = 0; pair < candidate.length; pair += 1) {
      const facility = problem.pairFacility[pair] ?? -1;
      if (candidate[pair] && facility >= 0) facilityPairs[facility]?.push(pair);
    }
    for (let facility = 0; facility < problem.facilityCount; facility += 1) {
      if ((facilityPairs[facility]?.length ?? 0) > 0) {
        // A merged member's platform share is in the core only; the MIP pays the shared platform
        // once through the merger's column.
        const fixed =
          (problem.fixedCost[facility] ?? 0) - (core.facilityMergerShare[facility] ?? 0);
        facilityColumn[facility] = builder.addBinary(costOf(fixed));
      }
    }
    const groups = new Map<number, number>();
    const offerFacilities: number[][] = domain.offers.map(() => []);
    for (let facility = 0; facility < problem.facilityCount; facility += 1) {
      const column = facilityColumn[facility] ?? -1;
      if (column < 0) continue;
      const offerIndex = core.facilityOffer[facility] ?? 0;
      offerFacilities[offerIndex]?.push(column);
      const merger = mergerOfProvider.get(domain.offers[offerIndex]?.providerIndex ?? -1);
      if (merger !== undefined && !groups.has(merger)) {
        // The merged platform costs as much as the largest member's (assumption, README).
        let platform = 0;
        for (const providerId of mergers[merger]?.providerIds ?? []) {
          const offer =
            domain.offers[
              domain.offerOfProvider.get(scenario.providerIndex.get(providerId) ?? -1) ?? -1
            ];
          platform = Math.max(platform, offer?.fixedCost ?? 0);
        }
        groups.set(merger, builder.addBinary(costOf(platform)));
      }
    }
    for (let pair = 0; pair < candidate.length; pair += 1) {
      if (!candidate[pair]) continue;
      const column = builder.addBinary(costOf(problem.pairCost[pair] ?? 0));
      pairColumn[pair] = column;
      if (core.pairMigrates[pair]) {
        migrationColumns.push(column);
        const option = core.pairOption[pair] ?? -1;
        if (scenario.intakeLimit.has(option)) {
          const columns = intakeColumns.get(option) ?? [];
          columns.push(column);
          intakeColumns.set(option, columns);
        }
      }
    }
    // One option per Kommune × domain.
    for (let customer = 0; customer < problem.customerCount; customer += 1) {
      const columns: number[] = [];
      for (
        let pair = problem.pairStart[customer] ?? 0;
        pair < (problem.pairStart[customer + 1] ?? 0);
        pair += 1
      ) {
        const column = pairColumn[pair] ?? -1;
        if (column >= 0) columns.push(column);
      }
      builder.addRow(
        1,
        1,
        columns,
        columns.map(() => 1),
      );
    }
    for (let facility = 0; facility < problem.facilityCount; facility += 1) {
      const facilityCol = facilityColumn[facility] ?? -1;
      for (const pair of facilityPairs[facility] ?? []) {
        builder.addRow(-Infinity, 0, [pairColumn[pair] ?? 0, facilityCol], [1, -1]);
      }
    }
    const countRule = providerCounts.find((rule) => rule.domainId === domain.id);
    const countOn = countRule && !scenario.disabled.has(constraintId.providerCount(domain.id));
    const mustServe = countOn && countRule.min > 0;
    const countColumns: number[] = [];
    domain.offers.forEach((offer, offerIndex) => {
      const columns = offerFacilities[offerIndex] ?? [];
      if (columns.length === 0) return;
      if (columns.length > 1)
        builder.addRow(
          -Infinity,
          1,
          columns,
          columns.map(() => 1),
        );
      const pairs: number[] = [];
      const volumes: number[] = [];
      let candidateVolume = 0;
      for (let facility = 0; facility < problem.facilityCount; facility += 1) {
        if (core.facilityOffer[facility] !== offerIndex) continue;
        for (const pair of facilityPairs[facility] ?? []) {
          pairs.push(pairColumn[pair] ?? 0);
          const volume = problem.demand[customerOfPair(problem.pairStart, pair)] ?? 0;
          volumes.push(volume);
          candidateVolume += volume;
        }
        if (mustServe && (facilityColumn[facility] ?? -1) >= 0) {
          const served = (facilityPairs[facility] ?? []).map((pair) => pairColumn[pair] ?? 0);
          builder.addRow(
            -Infinity,
            0,
            [facilityColumn[facility] ?? 0, ...served],
            [1, ...served.map(() => -1)],
          );
        }
      }
      if (offer.capacity < candidateVolume) {
        builder.addRow(
          -Infinity,
          0,
          [...pairs, ...columns],
          [...volumes, ...columns.map(() => -offer.capacity)],
        );
      }
      const merger = mergerOfProvider.get(offer.providerIndex);
      const group = merger === undefined ? undefined : groups.get(merger);
      if (group !== undefined) {
        for (const column of columns) builder.addRow(-Infinity, 0, [column, group], [1, -1]);
      } else countColumns.push(...columns);
    });
    if (countOn && countRule) {
      const groupList = [...groups.values()];
      builder.addRow(
        countRule.min,
        countRule.max ?? Infinity,
        [...countColumns, ...groupList],
        [...countColumns, ...groupList].map(() => 1),
      );
      if (mustServe) {
        for (const [merger, group] of groups) {
          const members: number[] = [];
          domain.offers.forEach((offer, offerIndex) => {
            if (mergerOfProvider.get(offer.providerIndex) === merger)
              members.push(...(offerFacilities[offerIndex] ?? []));
          });
          builder.addRow(-Infinity, 0, [group, ...members], [1, ...members.map(() => -1)]);
        }
      }
    }
    pairColumns.push(pairColumn);
    facilityColumns.push(facilityColumn);
    groupColumns.push(groups);
  });

  addCouplingRows(scenario, blockDomains, cores, pairColumns, couplings, builder);
  if (settings.budget !== null) {
    builder.addRow(
      -Infinity,
      settings.budget,
      migrationColumns,
      migrationColumns.map(() => 1),
    );
  }
  // Project capacity: Σ incoming migrations of a provider ≤ its limit over the horizon. The
  // block holds all the provider's domains (see `findBlocks`), so the row is complete.
  for (const [provider, columns] of intakeColumns) {
    const limit = scenario.intakeLimit.get(provider) ?? Infinity;
    if (columns.length > limit) {
      builder.addRow(
        -Infinity,
        limit,
        columns,
        columns.map(() => 1),
      );
    }
  }
  const model = builder.build();

  return {
    model,
    decode(values) {
      return cores.map((core, position) => {
        const pairColumn = pairColumns[position] ?? new Int32Array();
        const { problem } = core;
        const assignment = new Int32Array(problem.customerCount).fill(-1);
        for (let customer = 0; customer < problem.customerCount; customer += 1) {
          let best = -Infinity;
          for (
            let pair = problem.pairStart[customer] ?? 0;
            pair < (problem.pairStart[customer + 1] ?? 0);
            pair += 1
          ) {
            const column = pairColumn[pair] ?? -1;
            if (column >= 0 && (values[column] ?? 0) > best) {
              best = values[column] ?? 0;
              assignment[customer] = pair;
            }
          }
        }
        return assignment;
      });
    },
    encode(assignments) {
      const start = new Float64Array(model.columnCount);
      for (let position = 0; position < cores.length; position += 1) {
        const core = cores[position];
        const assignment = assignments[position];
        const domain = scenario.domains[blockDomains[position] ?? -1];
        if (!core || !assignment || !domain) return undefined;
        for (const pair of assignment) {
          const column = pairColumns[position]?.[pair] ?? -1;
          if (column < 0) return undefined;
          start[column] = 1;
          const facility = core.problem.pairFacility[pair] ?? -1;
          if (facility < 0) continue;
          start[facilityColumns[position]?.[facility] ?? 0] = 1;
          const provider = domain.offers[core.facilityOffer[facility] ?? 0]?.providerIndex ?? -1;
          const merger = mergerOfProvider.get(provider);
          const group = merger === undefined ? undefined : groupColumns[position]?.get(merger);
          if (group !== undefined) start[group] = 1;
        }
      }
      return start;
    },
  };
}

function customerOfPair(pairStart: Int32Array, pair: number): number {
  // Binary search: pairStart is ascending.
  let low = 0;
  let high = pairStart.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((pairStart[middle] ?? 0) <= pair) low = middle;
    else high = middle - 1;
  }
  return low;
}

function addCouplingRows(
  scenario: IndexedScenario,
  blockDomains: readonly number[],
  cores: readonly DomainCore[],
  pairColumns: Int32Array[],
  couplings: IndexedScenario["input"]["constraints"]["couplings"],
  builder: MipModelBuilder,
): void {
  const domainIndex = new Map(scenario.domains.map((domain) => [domain.id, domain.domainIndex]));
  couplings.forEach((coupling, couplingIndex) => {
    if (scenario.disabled.has(constraintId.coupling(couplingIndex))) return;
    const positions = coupling.domainIds.map((id) =>
      blockDomains.indexOf(domainIndex.get(id) ?? -1),
    );
    if (positions.some((position) => position < 0)) return;
    for (let link = 0; link + 1 < positions.length; link += 1) {
      const first = positions[link] ?? 0;
      const second = positions[link + 1] ?? 0;
      const domainA = scenario.domains[blockDomains[first] ?? -1];
      const domainB = scenario.domains[blockDomains[second] ?? -1];
      if (!domainA || !domainB) continue;
      for (const [kommune, customerA] of domainA.customerOfKommune) {
        const customerB = domainB.customerOfKommune.get(kommune);
        if (customerB === undefined) continue;
        const byOption = new Map<number, { columns: number[]; values: number[] }>();
        const collect = (position: number, customer: number, sign: number) => {
          const core = cores[position];
          if (!core) return;
          const { pairStart } = core.problem;
          for (
            let pair = pairStart[customer] ?? 0;
            pair < (pairStart[customer + 1] ?? 0);
            pair += 1
          ) {
            const column = pairColumns[position]?.[pair] ?? -1;
            if (column < 0) continue;
            const option = core.pairOption[pair] ?? 0;
            const entry = byOption.get(option) ?? { columns: [], values: [] };
            entry.columns.push(column);
            entry.values.push(sign);
            byOption.set(option, entry);
          }
        };
        collect(first, customerA, 1);
        collect(second, customerB, -1);
        for (const entry of byOption.values()) builder.addRow(0, 0, entry.columns, entry.values);
      }
    }
  });
}
