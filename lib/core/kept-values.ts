/**
 * Values read from the database that the served app keeps for a few seconds (the settings, the campaign
 * list, the confirmation trend): every page reads them and they change a few times a year. Requests arriving
 * while a read is under way share its promise; once it has settled only the value is kept (a failed read is
 * forgotten at once, so the next request tries again). Outside production (tests, development) nothing is
 * kept and every call reads the database.
 *
 * Why the value and not the promise: on Node.js 20, AsyncLocalStorage marks every promise created during a
 * request with that request's stores, among them the render's whole state. A settled promise kept for
 * seconds kept that render in memory for as long, and with it (until lib/ops/abort-reason-stacks.ts) the
 * renders before it.
 */
type Entry<V> = { until: number } & ({ pending: Promise<V> } | { value: V });

export class KeptValues<V> {
  private readonly entries = new Map<string, Entry<V>>();
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
    if (hit && !options.fresh && hit.until > Date.now())
      return "pending" in hit ? hit.pending : Promise.resolve(hit.value);
    const pending = load();
    const entry: Entry<V> = { until: Date.now() + this.ms, pending };
    this.entries.delete(key); // re-inserted last: the map's order is the order of reading
    this.entries.set(key, entry);
    pending.then(
      (value) => {
        if (this.entries.get(key) === entry) this.entries.set(key, { until: entry.until, value });
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return pending;
  }

  /** After a write through this process: the next `get` reads the database. */
  forget(): void {
    this.entries.clear();
  }
}
