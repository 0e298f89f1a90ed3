import { sql, type Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { likePattern, PAGE_SIZE } from '../beheer/beheer.query.ts';

export type UserStatus = 'active' | 'disabled' | 'all';

export interface UserFilter {
  readonly role?: Role | undefined;
  readonly text?: string | undefined;
  readonly status: UserStatus;
  readonly page: number;
}

export interface UserListRow {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly disabled: boolean;
  readonly invitationPending: boolean;
  readonly twoStep: boolean;
}

function filtered(db: Kysely<DB>, filter: UserFilter) {
  let query = db.selectFrom('app_user');
  if (filter.role) query = query.where(sql<boolean>`${filter.role} = any(roles)`);
  if (filter.status === 'active') query = query.where('disabled_at', 'is', null);
  if (filter.status === 'disabled') query = query.where('disabled_at', 'is not', null);
  if (filter.text) {
    const pattern = `%${likePattern(filter.text.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb('email', 'like', pattern), eb(eb.fn('lower', ['display_name']), 'like', pattern)]));
  }
  return query;
}

export async function listUsers(db: Kysely<DB>, filter: UserFilter): Promise<{ rows: UserListRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .select(['id', 'email', 'display_name', 'roles', 'disabled_at', 'password_hash', 'totp_enabled_at'])
      .orderBy('email')
      .limit(PAGE_SIZE)
      .offset((filter.page - 1) * PAGE_SIZE)
      .execute(),
    filtered(db, filter).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      roles: r.roles,
      disabled: r.disabled_at !== null,
      invitationPending: r.password_hash === null,
      twoStep: r.totp_enabled_at !== null,
    })),
  };
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly group?: string;
}

export async function organizationChoices(db: Kysely<DB>): Promise<Choice[]> {
  const rows = await db.selectFrom('organization').select(['id', 'name']).orderBy('name').execute();
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

export async function municipalityChoices(db: Kysely<DB>): Promise<Choice[]> {
  const rows = await db.selectFrom('municipality').select(['code', 'display_name', 'province_name']).orderBy('province_name').orderBy('display_name').execute();
  return rows.map((r) => ({ value: r.code, label: r.display_name, group: r.province_name }));
}

/** Which of the given organisation ids exist. */
export async function existingOrganizationIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organization').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function existingMunicipalityCodes(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('municipality').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export interface UserTimes {
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
  readonly sessions: number;
}

export async function userTimes(db: Kysely<DB>, id: string): Promise<UserTimes | undefined> {
  const row = await db
    .selectFrom('app_user as u')
    .select(['u.created_at', 'u.disabled_at', (eb) => eb.selectFrom('user_session as s').select(sql<string>`count(*)`.as('n')).whereRef('s.user_id', '=', 'u.id').as('sessions')])
    .where('u.id', '=', id)
    .executeTakeFirst();
  return row && { createdAt: row.created_at, disabledAt: row.disabled_at, sessions: Number(row.sessions ?? 0) };
}

export async function updateProfile(db: Kysely<DB>, id: string, values: { displayName: string; roles: readonly Role[] }): Promise<void> {
  await db.updateTable('app_user').set({ display_name: values.displayName, roles: [...values.roles], updated_at: new Date() }).where('id', '=', id).execute();
}

export async function setDisabledAt(db: Kysely<DB>, id: string, at: Date | null): Promise<void> {
  await db.updateTable('app_user').set({ disabled_at: at, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Two-step verification back to "not set up": secret, replay guard and recovery codes gone. */
export async function clearTwoStep(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('app_user').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: new Date() }).where('id', '=', id).execute();
  await db.deleteFrom('recovery_code').where('user_id', '=', id).execute();
}
