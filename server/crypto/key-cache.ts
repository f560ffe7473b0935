import type { KeyObject } from 'node:crypto';

/** A small in-memory cache of unwrapped society keys, so a read costs a data-key unwrap and not a root unwrap. */
export type KeyCache = {
  get(id: string): KeyObject | undefined;
  set(id: string, key: KeyObject): void;
  /** Forgets every key (after a rotation, in tests, or when asked to drop secrets from memory). */
  clear(): void;
  readonly size: number;
};

/** How long cached keys live and how many are kept; `now` is for tests. */
export type KeyCacheOptions = { ttlMs?: number; maxEntries?: number; now?: () => number };

/**
 * Creates a cache whose entries expire after `ttlMs` (default 5 minutes); past `maxEntries` (default 1,000) the
 * oldest entry goes. SECURITY: it holds KeyObjects, whose bytes live outside the JS heap and which neither
 * `JSON.stringify` nor `util.inspect` reveal; the cache itself is never serialised or logged.
 */
export function createKeyCache(options: KeyCacheOptions = {}): KeyCache {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { key: KeyObject; expiresAt: number }>();
  return {
    get(id) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(id);
        return undefined;
      }
      return entry.key;
    },
    set(id, key) {
      if (ttlMs <= 0 || maxEntries <= 0) return;
      entries.delete(id);
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(id, { key, expiresAt: now() + ttlMs });
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
