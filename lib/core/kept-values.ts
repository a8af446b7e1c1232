/**
 * Values read from the database that the served app keeps for a few seconds (the settings, the campaign
 * list, the confirmation trend): every page reads them and they change a few times a year. What is kept is
 * the read's promise, so requests arriving together share one query; a failed read is forgotten at once, so
 * the next request tries again. Outside production (tests, development) nothing is kept and every call
 * reads the database.
 */
export class KeptValues<V> {
  private readonly entries = new Map<string, { until: number; value: Promise<V> }>();
  private readonly ms: number;

  /** `ms`: how long a value is kept in production; `maxEntries`: the oldest key is dropped beyond it. */
  constructor(
    ms: number,
    private readonly maxEntries = 1,
  ) {
    this.ms = process.env.NODE_ENV === "production" ? ms : 0;
  }

  /** False outside production: callers may then read just what they need instead of the whole value. */
  get keeps(): boolean {
    return this.ms > 0;
  }

  /** The kept value of `key`, or `load()`'s when none is kept, it has expired or `fresh` asks to read now. */
  get(key: string, load: () => Promise<V>, options: { fresh?: boolean } = {}): Promise<V> {
    if (this.ms === 0) return load();
    const hit = this.entries.get(key);
    if (hit && !options.fresh && hit.until > Date.now()) return hit.value;
    const value = load();
    const entry = { until: Date.now() + this.ms, value };
    this.entries.delete(key); // re-inserted last: the map's order is the order of reading
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** After a write through this process: the next `get` reads the database. */
  forget(): void {
    this.entries.clear();
  }
}
