import { sql, type Kysely } from 'kysely';
import type { DB, Role, SessionStage, TokenPurpose } from '../../db/schema.ts';
import type { Principal } from './auth.policy.ts';

export interface AccountRow {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  readonly roles: readonly Role[];
  readonly totpSecret: string | null;
  readonly totpEnabled: boolean;
  readonly totpLastStep: number | null;
  readonly disabled: boolean;
}

function accountQuery(db: Kysely<DB>) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name', 'password_hash', 'roles', 'totp_secret', 'totp_enabled_at', 'totp_last_step', 'disabled_at']);
}

function toAccount(row: {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  roles: Role[];
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | null;
  disabled_at: Date | null;
}): AccountRow {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    roles: row.roles,
    totpSecret: row.totp_secret,
    totpEnabled: row.totp_enabled_at !== null,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    disabled: row.disabled_at !== null,
  };
}

export async function findAccountByEmail(db: Kysely<DB>, email: string): Promise<AccountRow | undefined> {
  const row = await accountQuery(db).where('email', '=', email).executeTakeFirst();
  return row && toAccount(row);
}

export async function findAccountById(db: Kysely<DB>, id: string): Promise<AccountRow | undefined> {
  const row = await accountQuery(db).where('id', '=', id).executeTakeFirst();
  return row && toAccount(row);
}

export async function loadScopes(db: Kysely<DB>, userId: string): Promise<{ organizationIds: string[]; municipalityCodes: string[] }> {
  const [orgs, municipalities] = await Promise.all([
    db.selectFrom('user_organization').select('organization_id').where('user_id', '=', userId).execute(),
    db.selectFrom('user_municipality').select('municipality_code').where('user_id', '=', userId).execute(),
  ]);
  return { organizationIds: orgs.map((o) => o.organization_id), municipalityCodes: municipalities.map((m) => m.municipality_code) };
}

export interface SessionRecord {
  readonly tokenHash: string;
  readonly stage: SessionStage;
  readonly lastSeenAt: Date;
  readonly principal: Principal;
}

/** A live session: not expired, not idle too long, of an account that is not disabled. */
export async function findLiveSession(db: Kysely<DB>, tokenHash: string, idleSince: Date, now: Date): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.token_hash', 's.stage', 's.last_seen_at', 'u.id', 'u.email', 'u.display_name', 'u.roles'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const scopes = await loadScopes(db, row.id);
  return {
    tokenHash: row.token_hash,
    stage: row.stage,
    lastSeenAt: row.last_seen_at,
    principal: { id: row.id, email: row.email, displayName: row.display_name, roles: row.roles, ...scopes },
  };
}

export async function insertSession(db: Kysely<DB>, values: { tokenHash: string; userId: string; stage: SessionStage; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('user_session')
    .values({ token_hash: values.tokenHash, user_id: values.userId, stage: values.stage, expires_at: values.expiresAt })
    .execute();
}

export async function touchSession(db: Kysely<DB>, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOf(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<DB>, idleSince: Date, now: Date): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .execute();
}

/** Failed attempts of one kind for one account (by e-mail as typed, or user id) since a moment. */
/**
 * Failed attempts of one action since `since`: on one object (an address, an account), from one
 * client (truncated address as in the audit log; null matches rows without one), or both.
 */
export async function countFailures(db: Kysely<DB>, action: string, scope: { objectId?: string; client?: string | null }, since: Date): Promise<number> {
  let query = db.selectFrom('audit_event').select(sql<string>`count(*)`.as('n')).where('action', '=', action).where('result', '=', 'failed').where('at', '>', since);
  if (scope.objectId !== undefined) query = query.where('object_id', '=', scope.objectId);
  if (scope.client !== undefined) query = query.where('ip', scope.client === null ? 'is' : '=', scope.client);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setTotpSecret(db: Kysely<DB>, userId: string, secret: string | null): Promise<void> {
  await db.updateTable('app_user').set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null, updated_at: new Date() }).where('id', '=', userId).execute();
}

/** Accepts a TOTP step only if it is later than the last one used (no replay), atomically. */
export async function useTotpStep(db: Kysely<DB>, userId: string, step: number, enable: boolean): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step, ...(enable ? { totp_enabled_at: new Date() } : {}), updated_at: new Date() })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function replaceRecoveryCodes(db: Kysely<DB>, userId: string, hashes: readonly string[]): Promise<void> {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await db.insertInto('recovery_code').values(hashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute();
}

export async function useRecoveryCode(db: Kysely<DB>, userId: string, hash: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_code')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countUnusedRecoveryCodes(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_code')
    .select(sql<string>`count(*)`.as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertToken(db: Kysely<DB>, values: { tokenHash: string; userId: string; purpose: TokenPurpose; expiresAt: Date }): Promise<void> {
  // A new link replaces any earlier unused one of the same kind.
  await db.deleteFrom('account_token').where('user_id', '=', values.userId).where('purpose', '=', values.purpose).where('used_at', 'is', null).execute();
  await db
    .insertInto('account_token')
    .values({ token_hash: values.tokenHash, user_id: values.userId, purpose: values.purpose, expires_at: values.expiresAt })
    .execute();
}

export type TokenState = { kind: 'valid'; userId: string; purpose: TokenPurpose } | { kind: 'expired' } | { kind: 'used' } | { kind: 'unknown' };

export async function findToken(db: Kysely<DB>, tokenHash: string, now: Date): Promise<TokenState> {
  const row = await db
    .selectFrom('account_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.user_id', 't.purpose', 't.expires_at', 't.used_at', 'u.disabled_at'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.disabled_at) return { kind: 'unknown' };
  if (row.used_at) return { kind: 'used' };
  if (row.expires_at <= now) return { kind: 'expired' };
  return { kind: 'valid', userId: row.user_id, purpose: row.purpose };
}

/** Marks the token used; false when another request used it first. */
export async function consumeToken(db: Kysely<DB>, tokenHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('account_token')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setPasswordHash(db: Kysely<DB>, userId: string, hash: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', userId).execute();
}

export interface NewAccount {
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly organizationIds: readonly string[];
  readonly municipalityCodes: readonly string[];
}

export async function insertAccount(db: Kysely<DB>, account: NewAccount, passwordHash: string | null = null): Promise<string> {
  const row = await db
    .insertInto('app_user')
    .values({ email: account.email, display_name: account.displayName, roles: [...account.roles], password_hash: passwordHash, totp_secret: null, totp_enabled_at: null, totp_last_step: null, disabled_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceScopes(db, row.id, account);
  return row.id;
}

export async function replaceScopes(db: Kysely<DB>, userId: string, scopes: Pick<NewAccount, 'organizationIds' | 'municipalityCodes'>): Promise<void> {
  await db.deleteFrom('user_organization').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_municipality').where('user_id', '=', userId).execute();
  if (scopes.organizationIds.length > 0) {
    await db.insertInto('user_organization').values(scopes.organizationIds.map((organization_id) => ({ user_id: userId, organization_id }))).execute();
  }
  if (scopes.municipalityCodes.length > 0) {
    await db.insertInto('user_municipality').values(scopes.municipalityCodes.map((municipality_code) => ({ user_id: userId, municipality_code }))).execute();
  }
}
