/**
 * Answers kept in memory, each valid for the one version of the data it was computed from: a
 * read under another version misses, so nothing older than the last write is ever served.
 * Bounded; the least recently used answer goes first. Pure: no Strapi, no database.
 */
export type VersionedCache<T> = {
  /** The answer computed under exactly this version, if it is still held. */
  get(key: string, version: string): T | undefined;
  set(key: string, version: string, value: T): void;
  readonly size: number;
  /** Reads answered from memory and reads that were not, since the cache was made. */
  readonly stats: { hits: number; misses: number };
};

export function createVersionedCache<T>(capacity: number): VersionedCache<T> {
  // A Map iterates in insertion order: re-inserting on each hit keeps the least recently used first.
  const entries = new Map<string, { version: string; value: T }>();
  const stats = { hits: 0, misses: 0 };
  return {
    get(key, version) {
      const entry = entries.get(key);
      if (!entry || entry.version !== version) {
        stats.misses += 1;
        return undefined;
      }
      stats.hits += 1;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, version, value) {
      if (capacity === 0) return;
      entries.delete(key);
      entries.set(key, { version, value });
      if (entries.size <= capacity) return;
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    },
    get size() {
      return entries.size;
    },
    stats,
  };
}
