import { sql, type Kysely } from 'kysely';
import type { DB, Level } from '../../db/schema.ts';
import { LEVELS } from '../../db/schema.ts';
import type { Lang } from '../../i18n/index.ts';

/** Every column a detail page or the API shows; never the search columns. */
export async function findServiceDetail(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('service as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .leftJoin('intervention as i', 'i.id', 's.intervention_id')
    .leftJoin('recognition_level as r', 'r.name', 'i.recognition_level')
    .select([
      's.id', 's.organization_id', 's.name_nl', 's.name_en', 's.summary_nl', 's.summary_en', 's.description_nl',
      's.description_en', 's.status', 's.level', 's.audiences', 's.age_min', 's.age_max', 's.phases', 's.forms',
      's.access', 's.cost', 's.cost_note_nl', 's.cost_note_en', 's.languages', 's.themes', 's.duration_nl',
      's.duration_en', 's.how_to_apply_nl', 's.how_to_apply_en', 's.waiting_weeks', 's.last_verified', 's.national',
      's.email', 's.website', 's.phone', 's.is_demo', 'o.name as organization_name',
      'i.name as intervention_name', 'r.code as recognition_code', 'i.recognition_date',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export type ServiceDetailRow = NonNullable<Awaited<ReturnType<typeof findServiceDetail>>>;

const LOCATION_COLUMNS = [
  'l.id', 'l.name', 'l.address', 'l.postcode', 'l.city', 'l.opening_hours_nl', 'l.opening_hours_en',
  'l.accessibility_nl', 'l.accessibility_en',
] as const;

export async function listServiceLocations(db: Kysely<DB>, serviceId: string) {
  return db
    .selectFrom('service_at_location as sal')
    .innerJoin('location as l', 'l.id', 'sal.location_id')
    .select(LOCATION_COLUMNS)
    .where('sal.service_id', '=', serviceId)
    .where('l.status', '=', 'active')
    .orderBy('l.city')
    .orderBy('l.name')
    .execute();
}

export type LocationRow = Awaited<ReturnType<typeof listServiceLocations>>[number];

export async function listServiceAreaNames(db: Kysely<DB>, serviceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('service_area as a')
    .innerJoin('municipality as m', 'm.code', 'a.municipality_code')
    .select('m.display_name')
    .where('a.service_id', '=', serviceId)
    .orderBy('m.display_name')
    .execute();
  return rows.map((r) => r.display_name);
}

export async function insertServiceReport(
  db: Kysely<DB>,
  report: { serviceId: string; message: string; email: string | null; lang: Lang },
): Promise<void> {
  await db
    .insertInto('service_report')
    .values({ service_id: report.serviceId, message: report.message, email: report.email, lang: report.lang })
    .execute();
}

export async function findOrganization(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'name', 'description_nl', 'description_en', 'email', 'website', 'phone', 'is_demo', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type OrganizationRow = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

export async function listOrganizationLocations(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('location as l')
    .select(LOCATION_COLUMNS)
    .where('l.organization_id', '=', organizationId)
    .where('l.status', '=', 'active')
    .orderBy('l.city')
    .orderBy('l.name')
    .execute();
}

function nameColumn(lang: Lang) {
  return lang === 'nl' ? ('s.name_nl' as const) : ('s.name_en' as const);
}

/** Ids of an organisation's offerings, one page of them, and how many there are. */
export async function pageOrganizationServiceIds(
  db: Kysely<DB>,
  organizationId: string,
  lang: Lang,
  page: { limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const base = db.selectFrom('service as s').where('s.organization_id', '=', organizationId);
  const [rows, count] = await Promise.all([
    base.select('s.id').orderBy(nameColumn(lang)).orderBy('s.id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

export async function findMunicipalityByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('municipality').select(['code', 'name', 'display_name']).where('code', '=', code).executeTakeFirst();
}

export async function listMunicipalityNames(db: Kysely<DB>) {
  return db.selectFrom('municipality').select(['code', 'name', 'display_name']).execute();
}

/** Active offerings available in a municipality (its service area, or national), in ladder order. */
export async function listMunicipalityServices(
  db: Kysely<DB>,
  code: string,
  lang: Lang,
): Promise<{ id: string; level: Level }[]> {
  const ladder = sql<number>`array_position(${sql.val([...LEVELS])}::text[], s.level)`;
  return db
    .selectFrom('service as s')
    .select(['s.id', 's.level'])
    .where('s.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('s.national', '=', true),
        eb.exists(
          eb.selectFrom('service_area as a').select('a.service_id').whereRef('a.service_id', '=', 's.id').where('a.municipality_code', '=', code),
        ),
      ]),
    )
    .orderBy(ladder)
    .orderBy(nameColumn(lang))
    .orderBy('s.id')
    .execute();
}

/** Which of these ids are offerings that exist. */
export async function existingServiceIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('service').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
