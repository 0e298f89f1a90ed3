import type { Kysely } from 'kysely';
import type { DB, Role, SessionStage } from '../src/db/schema.ts';
import { SESSION_COOKIE } from '../src/features/auth/auth.plugin.ts';
import { insertAccount, insertSession } from '../src/features/auth/auth.repository.ts';
import { randomToken, sha256 } from '../src/features/auth/totp.ts';

export interface TestUser {
  readonly id: string;
  readonly email: string;
  /** Cookie header of a signed-in session (stage 'full' unless asked otherwise). */
  readonly cookie: string;
}

let counter = 0;

/**
 * An account with a live session, made directly in the database (no password hashing, no TOTP),
 * for tests of what a role may do. Sign-in itself is tested in auth.test.ts.
 */
export async function createTestUser(
  db: Kysely<DB>,
  options: { roles: Role[]; organizationIds?: string[]; municipalityCodes?: string[]; email?: string; stage?: SessionStage },
): Promise<TestUser> {
  counter += 1;
  const email = options.email ?? `${options.roles.join('-') || 'nobody'}-${counter}-${Date.now()}@test.example`;
  const id = await insertAccount(db, {
    email,
    displayName: `Test ${options.roles.join(', ')}`,
    roles: options.roles,
    organizationIds: options.organizationIds ?? [],
    municipalityCodes: options.municipalityCodes ?? [],
  });
  const token = randomToken();
  await insertSession(db, { tokenHash: sha256(token), userId: id, stage: options.stage ?? 'full', expiresAt: new Date(Date.now() + 3600_000) });
  return { id, email, cookie: `${SESSION_COOKIE}=${token}` };
}
