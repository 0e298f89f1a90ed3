import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { readCatalogueRevision } from './search.repository.ts';

/**
 * Caches for search, all keyed by the catalogue revision (docs/decisions/0004-search-cache.md).
 * A request reads the revision once, then only uses and fills entries of exactly that revision;
 * when a newer revision is seen, everything cached for older ones is dropped.
 */

/** Least recently used, bounded by the total weight of its values (Map keeps insertion order). */
export class Lru<V> {
  readonly #entries = new Map<string, { value: V; weight: number }>();
  #weight = 0;

  constructor(
    readonly maxWeight: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get weight(): number {
    return this.#weight;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const weight = Math.max(1, this.weigh(value));
    if (weight > this.maxWeight) return;
    this.#entries.set(key, { value, weight });
    this.#weight += weight;
    for (const [oldest, entry] of this.#entries) {
      if (this.#weight <= this.maxWeight) break;
      this.#entries.delete(oldest);
      this.#weight -= entry.weight;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }

  clear(): void {
    this.#entries.clear();
    this.#weight = 0;
  }
}

/**
 * The catalogue as one request saw it: `revision` is null when nothing may be cached (benchmarks
 * measuring the uncached path, or a caller without a revision).
 */
export interface CacheScope {
  readonly revision: number | null;
}

export const UNCACHED: CacheScope = { revision: null };

/**
 * Reads of the revision, shared: a caller waits for the next read that *starts after* it asked,
 * never joins one already under way, so it always sees every write committed before it asked
 * (read-your-writes across processes). Under load one read serves every request that arrived
 * while the previous one ran, instead of one query per request.
 */
export class RevisionReader {
  #next: Promise<number> | null = null;
  #running: Promise<unknown> = Promise.resolve();

  constructor(private readonly read: () => Promise<number>) {}

  current(): Promise<number> {
    if (this.#next === null) {
      const next = this.#running.then(() => {
        this.#next = null;
        return this.read();
      });
      this.#next = next;
      this.#running = next.catch(() => undefined);
    }
    return this.#next;
  }
}

const readers = new WeakMap<Kysely<DB>, RevisionReader>();

/** Reads the revision for one request; every cache the request touches is checked against it. */
export async function openCacheScope(db: Kysely<DB>): Promise<CacheScope> {
  let reader = readers.get(db);
  if (reader === undefined) {
    reader = new RevisionReader(() => readCatalogueRevision(db));
    readers.set(db, reader);
  }
  return { revision: await reader.current() };
}

/** An LRU whose entries belong to one catalogue revision. */
export class RevisionCache<V> {
  readonly #lru: Lru<V>;
  #revision = -1;

  constructor(maxWeight: number, weigh?: (value: V) => number) {
    this.#lru = new Lru(maxWeight, weigh);
  }

  get size(): number {
    return this.#lru.size;
  }

  /** Adopts a newer revision (dropping everything); false for an older one, whose reader must not use the cache. */
  #current(scope: CacheScope): boolean {
    if (scope.revision === null) return false;
    if (scope.revision > this.#revision) {
      this.#revision = scope.revision;
      this.#lru.clear();
    }
    return scope.revision === this.#revision;
  }

  get(scope: CacheScope, key: string): V | undefined {
    return this.#current(scope) ? this.#lru.get(key) : undefined;
  }

  /**
   * Stores only under the revision read *before* the value was computed: a value computed while
   * a write committed may hold newer data, never older, than its revision says.
   */
  set(scope: CacheScope, key: string, value: V): void {
    if (this.#current(scope)) this.#lru.set(key, value);
  }

  async getOrLoad(scope: CacheScope, key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.get(scope, key);
    if (hit !== undefined) return hit;
    const value = await load();
    this.set(scope, key, value);
    return value;
  }
}

/** One RevisionCache per database (tests and benchmarks open several in one process). */
export function revisionCachePerDatabase<V>(create: () => RevisionCache<V>): (db: Kysely<DB>) => RevisionCache<V> {
  const caches = new WeakMap<Kysely<DB>, RevisionCache<V>>();
  return (db) => {
    let cache = caches.get(db);
    if (cache === undefined) {
      cache = create();
      caches.set(db, cache);
    }
    return cache;
  };
}
