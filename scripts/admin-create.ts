// `npm run admin:create -- <email>`: the first administrator of a fresh installation. Prints a
// one-time link to choose a password (also queued as e-mail); there is never a default password.
import { loadConfig } from '../src/config.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { findAccountByEmail } from '../src/features/auth/auth.repository.ts';
import { inviteUser, issueInvite, normaliseEmail, type AuthContext } from '../src/features/auth/auth.service.ts';
import { EMAIL_PATTERN } from '../src/features/auth/auth.input.ts';
import { recordAudit } from '../src/platform/audit.ts';
import { loadReferenceData } from '../src/reference/load-reference.ts';

const email = normaliseEmail(process.argv.slice(2).find((a) => a !== '--') ?? '');
if (!EMAIL_PATTERN.test(email)) {
  console.error('Usage: npm run admin:create -- <email>');
  process.exit(2);
}
const config = loadConfig();
const opened = await openConfiguredDatabase(config);
try {
  await loadReferenceData(opened.database.db);
  const db = opened.database.db;
  const ctx: AuthContext = {
    db,
    settings: { sessionIdleMinutes: config.sessionIdleMinutes, sessionMaxHours: config.sessionMaxHours, publicUrl: config.publicUrl, siteName: config.siteName },
    ip: null,
    now: new Date(),
  };
  const existing = await findAccountByEmail(db, email);
  let link: string;
  if (!existing) {
    const result = await inviteUser(ctx, { invitation: { email, displayName: '', roles: ['admin'], organizationIds: [], municipalityCodes: [] }, actor: null });
    if (result.kind !== 'invited') throw new Error('the account appeared while creating it; run the command again');
    link = result.link;
  } else if (existing.passwordHash === null && existing.roles.includes('admin')) {
    link = await db.transaction().execute(async (trx) => {
      const url = await issueInvite(trx, ctx, existing);
      await recordAudit(trx, { actor: null, action: 'user.invite_resend', objectType: 'account', objectId: existing.id, result: 'ok', detail: { via: 'admin:create' } });
      return url;
    });
  } else {
    console.error(`An account for ${email} already exists and has a password. Use "Wachtwoord vergeten" on the sign-in page.`);
    process.exit(1);
  }
  console.log(`Administrator ${email} created. Open this link once, within 7 days, to choose a password:\n\n  ${link}\n`);
  console.log('After the password, the administrator sets up two-step verification at the first sign-in.');
} finally {
  await opened.close();
}
