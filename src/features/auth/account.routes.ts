import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import QRCode from 'qrcode';
import { AppError } from '../../errors.ts';
import { BEHEER_LINKS } from '../beheer/beheer.nav.ts';
import { can } from './auth.policy.ts';
import { clearSessionCookie, setSessionCookie } from './auth.plugin.ts';
import { field } from './auth.input.ts';
import { countUnusedRecoveryCodes, deleteExpiredSessions, findAccountById } from './auth.repository.ts';
import { confirmTotp, pendingTotpSecret, signOut, type AuthContext } from './auth.service.ts';
import { totpUri } from './totp.ts';
import { AccountPage, BeheerHomePage } from './views/account-pages.tsx';
import { EnrolPage, RecoveryCodesPage } from './views/auth-pages.tsx';
import { budget } from '../../platform/rate-limit.ts';

/** The own account (two-step set-up, sign out everywhere) and the back-office start page. */
export function registerAccountRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { config } = app.deps;
  const account = { config: { permission: 'account' as const } };

  app.get<{ Querystring: { herstelcodes?: string } }>('/account', account, async (request, reply) => {
    const principal = request.principal;
    const row = principal && (await findAccountById(db, principal.id));
    if (!principal || !row) throw new AppError('unauthorized', 'Sign in first.');
    const left = request.query.herstelcodes !== undefined ? await countUnusedRecoveryCodes(db, principal.id) : null;
    return reply.page(h(AccountPage, { email: row.email, displayName: row.displayName, roles: row.roles, twoStep: row.totpEnabled, recoveryCodesLeft: left }));
  });

  app.post('/account/overal-uitloggen', account, async (request, reply) => {
    const session = request.session;
    if (session) await signOut(request.authContext(), { tokenHash: session.tokenHash, actor: session.principal, everywhere: true });
    clearSessionCookie(reply);
    return reply.redirect('/inloggen?uitgelogd=1', 303);
  });

  const enrolPage = async (userId: string, email: string, ctx: AuthContext) => {
    const secret = await pendingTotpSecret(ctx, userId);
    const qrDataUrl = await QRCode.toDataURL(totpUri(secret, email, config.siteName), { margin: 1, width: 200 });
    return { secret, qrDataUrl };
  };

  app.get('/account/tweestaps', account, async (req, reply) => {
    const session = req.session;
    if (!session) throw new AppError('unauthorized', 'Sign in first.');
    const row = await findAccountById(db, session.principal.id);
    if (row?.totpEnabled) return reply.redirect('/account', 303);
    return reply.page(h(EnrolPage, await enrolPage(session.principal.id, session.principal.email, req.authContext())));
  });

  app.post('/account/tweestaps', { ...account, config: { ...account.config, ...budget('two-step') } }, async (req, reply) => {
    const session = req.session;
    if (!session) throw new AppError('unauthorized', 'Sign in first.');
    const code = field(req.body, 'code', 20).trim();
    const result = await confirmTotp(req.authContext(), { userId: session.principal.id, code, tokenHash: session.tokenHash });
    if (result.kind === 'invalid') {
      const page = await enrolPage(session.principal.id, session.principal.email, req.authContext());
      return reply.page(h(EnrolPage, { ...page, error: code === '' ? 'auth.error.codeMissing' : 'auth.error.code' }), 400);
    }
    setSessionCookie(reply, result.session, config.behindProxy);
    return reply.header('cache-control', 'no-store').page(h(RecoveryCodesPage, { codes: result.recoveryCodes }));
  });

  // Expired and idle sessions are refused at once; this only keeps the table small.
  app.jobs.daily(
    'sessions.cleanup',
    async (_payload, { db: jobDb, now }) => {
      await deleteExpiredSessions(jobDb, new Date(now.getTime() - config.sessionIdleMinutes * 60_000), now);
    },
    3,
  );

  app.get('/beheer', { config: { permission: 'beheer' } }, async (request, reply) => {
    const principal = request.principal;
    const links = BEHEER_LINKS.filter((l) => can(principal, l.permission));
    return reply.page(h(BeheerHomePage, { name: principal?.displayName || principal?.email || '', links }));
  });
}
