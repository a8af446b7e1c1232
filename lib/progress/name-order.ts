/**
 * Unit names in Chinese collation order, kept between requests. Collating the whole school's ~2,000 class
 * names costs a few milliseconds on every dashboard view; names change a few times a year, so their ranks
 * are computed once and comparing two names is then comparing two numbers. A name not seen before
 * recomputes the ranks (of every name kept, bounded).
 */
const zh = new Intl.Collator("zh");
const MAX_NAMES = 50_000;
let ranks = new Map<string, number>();

function ranksFor(names: readonly string[]): Map<string, number> {
  if (names.every((n) => ranks.has(n))) return ranks;
  const kept = ranks.size + names.length > MAX_NAMES ? [] : [...ranks.keys()];
  const all = [...new Set([...kept, ...names])].sort(zh.compare);
  ranks = new Map(all.map((name, i) => [name, i]));
  return ranks;
}

/** Sorts in place by the keys' names, the first key first (e.g. college name, then class name). */
export function sortByNames<T>(rows: T[], ...keys: ((row: T) => string)[]): T[] {
  const names = rows.map((r) => keys.map((k) => k(r)));
  const order = ranksFor(names.flat());
  // one rank per row and key, looked up once: the comparisons then only subtract numbers
  const ranked = rows.map((row, i) => ({ row, ranks: names[i].map((n) => order.get(n) as number) }));
  ranked.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const d = a.ranks[k] - b.ranks[k];
      if (d !== 0) return d;
    }
    return 0;
  });
  ranked.forEach((r, i) => (rows[i] = r.row));
  return rows;
}
