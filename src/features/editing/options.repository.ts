import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Option } from '../../web/forms.tsx';
import type { Scope } from './editing.repository.ts';

/** Choices offered on the record forms; the organisation list is scoped in SQL like every list. */
export async function organizationOptions(db: Kysely<DB>, scope: Scope): Promise<Option[]> {
  if (scope && scope.length === 0) return [];
  let query = db.selectFrom('organization').select(['id', 'name']).orderBy('name');
  if (scope) query = query.where('id', 'in', [...scope]);
  return (await query.execute()).map((o) => ({ value: o.id, label: o.name }));
}

export async function municipalityOptions(db: Kysely<DB>): Promise<Option[]> {
  const rows = await db.selectFrom('municipality').select(['code', 'display_name']).orderBy('display_name').execute();
  return rows.map((m) => ({ value: m.code, label: m.display_name }));
}

export async function interventionOptions(db: Kysely<DB>): Promise<Option[]> {
  const rows = await db.selectFrom('intervention').select(['id', 'name']).orderBy('name').execute();
  return rows.map((i) => ({ value: i.id, label: i.name }));
}

/** The locations an offering of this organisation may be given: only its own. */
export async function locationOptions(db: Kysely<DB>, organizationId: string | null): Promise<Option[]> {
  if (!organizationId) return [];
  const rows = await db
    .selectFrom('location')
    .select(['id', 'name', 'city', 'status'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
  return rows.map((l) => ({ value: l.id, label: `${l.name}, ${l.city}` }));
}

/** The centre of a PC4 area, to place a location whose coordinates were left empty. */
export async function postcodeCentre(db: Kysely<DB>, postcode: string): Promise<{ lat: number; lon: number } | undefined> {
  return db.selectFrom('postcode_area').select(['lat', 'lon']).where('pc4', '=', postcode.slice(0, 4)).executeTakeFirst();
}

/** Name of an organisation, for e-mails and headings. */
export async function organizationName(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organization').select('name').where('id', '=', id).executeTakeFirst())?.name;
}
