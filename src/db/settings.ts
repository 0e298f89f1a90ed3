import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Returns the stored value for `key`, creating it with `create()` the first time (race-safe). */
export async function getOrCreateSetting(db: Kysely<DB>, key: string, create: () => string): Promise<string> {
  await db.insertInto('app_setting').values({ key, value: create() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

/** The cookie-signing secret: from COOKIE_SECRET, else generated once and kept in the database. */
export async function cookieSecret(db: Kysely<DB>, configured: string | undefined): Promise<string> {
  return configured ?? getOrCreateSetting(db, 'cookie_secret', () => randomBytes(32).toString('base64url'));
}
