/**
 * A small seeded pseudo-random generator for demo data. Demo landscapes must be reproducible
 * (same seed, same rows), so nothing here touches `Math.random` or the clock.
 */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [min, max], both inclusive. */
  integer(min: number, max: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** One element, uniformly; throws on an empty list because that is a caller bug. */
  pick<T>(items: readonly T[]): T;
  /** One value with probability proportional to its weight; throws if no weight is positive. */
  weightedPick<T>(items: ReadonlyArray<{ value: T; weight: number }>): T;
  /** Approximately normal (Box–Muller), for noise around a mean. */
  normal(mean: number, standardDeviation: number): number;
}

/**
 * Mulberry32 (Tommy Ettinger, public domain): 32 bits of state, good enough statistical quality
 * for demo data and fast in plain JavaScript. A class, so the generator creates no closures per
 * stream — it makes one stream per Kommune × domain.
 */
export class Mulberry32Random implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weightedPick<T>(items: ReadonlyArray<{ value: T; weight: number }>): T {
    let total = 0;
    for (const item of items) total += Math.max(0, item.weight);
    if (!(total > 0)) throw new Error("weightedPick needs a positive weight");
    let threshold = this.next() * total;
    let last: { value: T } | undefined;
    for (const item of items) {
      if (item.weight <= 0) continue;
      last = item;
      threshold -= item.weight;
      if (threshold < 0) return item.value;
    }
    // Rounding can leave a tiny remainder: the last positive item takes it.
    return last!.value;
  }

  normal(mean: number, standardDeviation: number): number {
    // 1 - next() avoids log(0).
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    return mean + standardDeviation * radius * Math.cos(2 * Math.PI * this.next());
  }
}

/** A seeded generator; same seed, same sequence. */
export function createRandom(seed: number): Random {
  return new Mulberry32Random(seed);
}

/**
 * Derives an independent seed from a base seed and labels (FNV-1a over the text, then a
 * murmur-style finaliser). Each organisation × domain gets its own stream, so adding one
 * organisation does not reshuffle the values of all others.
 */
export function deriveSeed(seed: number, ...labels: string[]): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const label of labels) {
    for (let index = 0; index < label.length; index++) {
      hash = Math.imul(hash ^ label.charCodeAt(index), 0x01000193);
    }
    // A separator so ("ab", "c") and ("a", "bc") differ.
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A generator seeded from a base seed and labels; shorthand for `createRandom(deriveSeed(…))`. */
export function randomFor(seed: number, ...labels: string[]): Random {
  return createRandom(deriveSeed(seed, ...labels));
}
