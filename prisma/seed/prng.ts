/**
 * Seeded pseudo-random numbers for the demo generator. mulberry32 is tiny, fast and good enough for fake
 * data; what matters is that the same seed always gives the same university.
 */
export type Rng = {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] (both inclusive) */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent streams per purpose ("plan", "people"…), so adding draws to one does not shift the others. */
export function createRng(seed: number, stream: string): Rng {
  let h = 2166136261 ^ (seed >>> 0);
  for (const ch of stream) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const next = mulberry32(h >>> 0);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/** Weighted choice with a precomputed cumulative table (the lists are drawn from 100k+ times). */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) cumulative.push((total += weight));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return entries[lo][0];
  };
}
