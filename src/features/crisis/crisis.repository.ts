import type { Kysely, Selectable } from 'kysely';
import type { CrisisLineTable, DB } from '../../db/schema.ts';

export type CrisisLineRow = Selectable<CrisisLineTable>;

/** All national lines, most urgent first (112 has priority 1). */
export async function listCrisisLines(db: Kysely<DB>): Promise<CrisisLineRow[]> {
  return db.selectFrom('crisis_line').selectAll().orderBy('priority').orderBy('name').execute();
}
