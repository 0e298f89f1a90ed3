import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Reads something once per database and keeps it for the life of the process: for data that
 * only migrations or the start-up load change (taxonomy, municipalities). A failed read is not
 * kept, so the next caller retries.
 */
export function oncePerDatabase<T>(load: (db: Kysely<DB>) => Promise<T>): (db: Kysely<DB>) => Promise<T> {
  const loaded = new WeakMap<Kysely<DB>, Promise<T>>();
  return (db) => {
    let value = loaded.get(db);
    if (!value) {
      value = load(db);
      value.catch(() => loaded.delete(db));
      loaded.set(db, value);
    }
    return value;
  };
}
