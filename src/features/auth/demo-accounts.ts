import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getOrCreateSetting } from '../../db/settings.ts';
import { ROLES, type DB, type Role } from '../../db/schema.ts';
import { requiresMfa } from './auth.policy.ts';
import { insertAccount, replaceScopes, setPasswordHash } from './auth.repository.ts';
import { hashPassword } from './password.ts';
import { newTotpSecret } from './totp.ts';

/** Demo accounts live under a reserved domain (RFC 2606 `.invalid`), so they can never receive mail. */
export const DEMO_DOMAIN = 'demo.wegwijzer.invalid';

export interface DemoAccounts {
  readonly password: string;
  readonly totpSecret: string;
  readonly accounts: readonly { readonly email: string; readonly role: Role; readonly twoStep: boolean }[];
}

/**
 * One account per role, only in demo mode: a random password and one TOTP key per installation,
 * kept in app_setting so they can be printed at every start. The provider editor edits the first
 * demo organisation; the analyst sees jeugdregio Haaglanden.
 */
export async function ensureDemoAccounts(db: Kysely<DB>): Promise<DemoAccounts> {
  const password = await getOrCreateSetting(db, 'demo_password', () => randomBytes(9).toString('base64url'));
  const totpSecret = await getOrCreateSetting(db, 'demo_totp_secret', newTotpSecret);
  const existing = await db.selectFrom('app_user').select('email').where('email', 'like', `%@${DEMO_DOMAIN}`).execute();
  const have = new Set(existing.map((e) => e.email));
  const organization = await db.selectFrom('organization').select('id').where('is_demo', '=', true).orderBy('name').limit(1).executeTakeFirst();
  const municipalities = await db.selectFrom('municipality').select('code').where('youth_region', '=', 'Haaglanden').execute();
  const accounts = ROLES.map((role) => ({ email: `${role.replace('_', '-')}@${DEMO_DOMAIN}`, role, twoStep: requiresMfa([role]) }));
  let hash: string | undefined;
  for (const account of accounts) {
    if (have.has(account.email)) continue;
    const scopes = {
      organizationIds: account.role === 'provider_editor' && organization ? [organization.id] : [],
      municipalityCodes: account.role === 'municipality_analyst' ? municipalities.map((m) => m.code) : [],
    };
    const id = await insertAccount(db, { email: account.email, displayName: `Demo ${account.role}`, roles: [account.role], ...scopes });
    await replaceScopes(db, id, scopes);
    await setPasswordHash(db, id, (hash ??= await hashPassword(password)));
    if (account.twoStep) {
      await db.updateTable('app_user').set({ totp_secret: totpSecret, totp_enabled_at: new Date() }).where('id', '=', id).execute();
    }
  }
  await db.updateTable('app_user').set({ disabled_at: null }).where('email', 'like', `%@${DEMO_DOMAIN}`).execute();
  return { password, totpSecret, accounts };
}

/** Outside demo mode, demo accounts that a demo start left behind can't sign in. */
export async function disableDemoAccounts(db: Kysely<DB>): Promise<number> {
  const result = await db
    .updateTable('app_user')
    .set({ disabled_at: new Date() })
    .where('email', 'like', `%@${DEMO_DOMAIN}`)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  await db.deleteFrom('user_session').where('user_id', 'in', db.selectFrom('app_user').select('id').where('email', 'like', `%@${DEMO_DOMAIN}`)).execute();
  return Number(result.numUpdatedRows);
}
