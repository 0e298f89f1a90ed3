import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface Place {
  readonly code: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

/** A municipality by CBS code (GM0518) or by name ("Den Haag", "'s-Gravenhage", "den-haag"). */
export async function findMunicipality(db: Kysely<DB>, input: string): Promise<Place | null> {
  const value = input.trim();
  if (/^gm\d{4}$/i.test(value)) {
    const row = await db
      .selectFrom('municipality')
      .select(['code', 'display_name as name', 'lat', 'lon'])
      .where('code', '=', value.toUpperCase())
      .executeTakeFirst();
    return row ?? null;
  }
  const name = value.toLowerCase().replace(/-/g, ' ');
  const row = await db
    .selectFrom('municipality')
    .select(['code', 'display_name as name', 'lat', 'lon'])
    .where((eb) =>
      eb.or([
        eb(sql`lower(display_name)`, '=', name),
        eb(sql`lower(name)`, '=', name),
        eb(sql`replace(lower(display_name), '-', ' ')`, '=', name),
      ]),
    )
    .orderBy('code')
    .executeTakeFirst();
  return row ?? null;
}

/** The municipality and centre point of a 4-digit postcode area, if it is in the CBS list. */
export async function findPostcode(db: Kysely<DB>, pc4: string): Promise<Place | null> {
  const row = await db
    .selectFrom('postcode_area as p')
    .innerJoin('municipality as m', 'm.code', 'p.municipality_code')
    .select(['m.code', 'm.display_name as name', 'p.lat', 'p.lon'])
    .where('p.pc4', '=', pc4)
    .executeTakeFirst();
  return row ?? null;
}

export async function listMunicipalities(db: Kysely<DB>): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('municipality').select(['code', 'display_name as name']).orderBy('display_name').execute();
}
