/**
 * A small LRU of serialised responses, each stamped with the data version it was computed at.
 *
 * The data version is the audit chain's head sequence: every change that matters appends an
 * audit entry in the same transaction, so an unchanged head means unchanged data — on every
 * instance sharing the database. An entry read at another version is a miss.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<
    string,
    { version: number; value: V; size: number; expires: number }
  >();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string, version: number, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || entry.expires <= now) {
      this.delete(key);
      return undefined;
    }
    // Refresh its place in the LRU order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: number, value: V, size: number, now: number): void {
    if (this.maxEntries === 0 || size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, { version, value, size, expires: now + this.ttlMs });
    this.bytes += size;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.size;
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
