/**
 * Seeded facility-location instances for the solver benchmark, after the generator of
 * Cornuéjols, Sridharan & Thizy (1991, "A comparison of heuristics and relaxations for the
 * capacitated plant location problem", EJOR 50): points uniform in the unit square, demand
 * U[5, 35], capacity U[10, 160] scaled so that total capacity = ratio × total demand, fixed
 * cost U[0, 90] + U[100, 110] · √capacity, and cost = 10 · demand · Euclidean distance.
 * Same seed, same instance.
 */
import type { FacilityLocationInput } from "@it-atlas/solver";

/** Mulberry32 (Tommy Ettinger, public domain): a seeded uniform generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Size and shape of a generated instance. */
export interface FlpShape {
  customers: number;
  facilities: number;
  seed: number;
  /** Total capacity ÷ total demand (Cornuéjols et al. use 3, 5, 10). */
  capacityRatio?: number;
}

/** One instance in the JSON shape `atlas solve-flp` reads. */
export function generateFlpInstance(shape: FlpShape): FacilityLocationInput {
  const random = seededRandom(shape.seed);
  const uniform = (low: number, high: number) => low + (high - low) * random();
  const ratio = shape.capacityRatio ?? 5;
  const sites = Array.from({ length: shape.facilities }, () => ({
    x: random(),
    y: random(),
    capacity: uniform(10, 160),
  }));
  const customers = Array.from({ length: shape.customers }, () => ({
    x: random(),
    y: random(),
    demand: Math.round(uniform(5, 35)),
  }));
  const totalDemand = customers.reduce((sum, customer) => sum + customer.demand, 0);
  const totalCapacity = sites.reduce((sum, site) => sum + site.capacity, 0);
  const scale = (ratio * totalDemand) / totalCapacity;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    name: `cornuejols-${shape.customers}x${shape.facilities}-r${ratio}-s${shape.seed}`,
    facilities: sites.map((site, index) => {
      const capacity = Math.round(site.capacity * scale);
      return {
        id: index + 1,
        capacity,
        fixedCost: round(uniform(0, 90) + uniform(100, 110) * Math.sqrt(capacity)),
      };
    }),
    customers: customers.map((customer, index) => ({
      id: index + 1,
      demand: customer.demand,
      costs: sites.map((site) =>
        round(10 * customer.demand * Math.hypot(site.x - customer.x, site.y - customer.y)),
      ),
    })),
  };
}
