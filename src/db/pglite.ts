import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** The contrib extensions the migrations create; PGlite must load them up front. */
export const pgliteExtensions = { pg_trgm, unaccent, cube, earthdistance };

export interface PgliteOptions {
  /** A directory on disk, or undefined for an in-memory database. */
  readonly dataDir?: string | undefined;
  /** A dump from `dumpDataDir()` to start from (the migrated test template). */
  readonly loadDataDir?: Blob | undefined;
}

export async function createPglite(options: PgliteOptions = {}): Promise<PGlite> {
  return PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    extensions: pgliteExtensions,
  });
}
