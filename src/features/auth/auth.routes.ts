import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { MessageKey } from '../../i18n/index.ts';
import { clearSessionCookie, pendingStepPath, PRIVATE_LINK, setSessionCookie } from './auth.plugin.ts';
import { emailProblem, field, PASSWORD_MESSAGES, safeNext } from './auth.input.ts';
import { checkLink, requestPasswordReset, setPasswordWithLink, signIn, signOut, verifySecondFactor, type NewSession } from './auth.service.ts';
import { BrokenLinkPage, CodePage, ForgotPage, SetPasswordPage, SignInPage } from './views/auth-pages.tsx';
import { budget } from '../../platform/rate-limit.ts';

type Query = { Querystring: Record<string, string | undefined> };

/** Sign-in (password, then the second factor), sign-out, and the password links. */
export function registerAuthRoutes(app: FastifyInstance): void {
  const secure = app.deps.config.behindProxy;
  const startSession = (reply: FastifyReply, session: NewSession) => setSessionCookie(reply, session, secure);

  app.get<Query>('/inloggen', async (request, reply) => {
    if (request.principal) return reply.redirect(safeNext(request.query['terug']), 303);
    const notice: MessageKey | undefined = request.query['uitgelogd'] === '1' ? 'auth.signIn.signedOut' : undefined;
    return reply.page(h(SignInPage, { email: '', next: safeNext(request.query['terug']), errors: {}, notice }));
  });

  app.post('/inloggen', { config: budget('sign-in') }, async (request, reply) => {
    const email = field(request.body, 'email', 300).trim();
    const password = field(request.body, 'password', 1000);
    const next = safeNext(field(request.body, 'terug'));
    const errors: Partial<Record<'email' | 'password', MessageKey>> = {};
    const emailError = emailProblem(email);
    if (emailError) errors.email = emailError;
    if (password === '') errors.password = 'auth.error.passwordMissing';
    if (errors.email || errors.password) return reply.page(h(SignInPage, { email, next, errors }), 400);
    const result = await signIn(request.authContext(), { email, password, previousTokenHash: request.session?.tokenHash ?? null });
    switch (result.kind) {
      case 'invalid':
        return reply.page(h(SignInPage, { email, next, errors: {}, problem: 'auth.signIn.invalid' }), 400);
      case 'throttled':
        return reply.page(h(SignInPage, { email, next, errors: {}, problem: 'auth.signIn.throttled' }), 429);
      case 'signed_in': {
        startSession(reply, result.session);
        const pending = pendingStepPath(result.session.stage);
        return reply.redirect(pending === '/inloggen/code' ? `${pending}?terug=${encodeURIComponent(next)}` : (pending ?? next), 303);
      }
    }
  });

  app.get<Query>('/inloggen/code', async (request, reply) => {
    if (request.session?.stage !== 'password') return reply.redirect('/inloggen', 303);
    return reply.page(h(CodePage, { next: safeNext(request.query['terug']) }));
  });

  app.post('/inloggen/code', { config: budget('sign-in') }, async (request, reply) => {
    const session = request.session;
    if (session?.stage !== 'password') return reply.redirect('/inloggen', 303);
    const code = field(request.body, 'code', 40).trim();
    const next = safeNext(field(request.body, 'terug'));
    if (code === '') return reply.page(h(CodePage, { next, error: 'auth.error.codeMissing' }), 400);
    const result = await verifySecondFactor(request.authContext(), { userId: session.principal.id, code, tokenHash: session.tokenHash });
    switch (result.kind) {
      case 'invalid':
        return reply.page(h(CodePage, { next, error: 'auth.error.code' }), 400);
      case 'throttled':
        clearSessionCookie(reply);
        return reply.page(h(SignInPage, { email: '', next, errors: {}, problem: 'auth.signIn.throttled' }), 429);
      case 'signed_in':
        startSession(reply, result.session);
        return reply.redirect(result.recoveryCodesLeft === null ? next : `/account?herstelcodes=${result.recoveryCodesLeft}`, 303);
    }
  });

  app.post('/uitloggen', async (request, reply) => {
    const session = request.session;
    if (session) {
      await signOut(request.authContext(), { tokenHash: session.tokenHash, actor: session.principal, everywhere: false });
    }
    clearSessionCookie(reply);
    return reply.redirect('/inloggen?uitgelogd=1', 303);
  });

  app.get('/wachtwoord-vergeten', async (_request, reply) => reply.page(h(ForgotPage, { email: '', sent: false })));

  app.post('/wachtwoord-vergeten', { config: budget('password') }, async (request, reply) => {
    const email = field(request.body, 'email', 300).trim();
    const error = emailProblem(email);
    if (error) return reply.page(h(ForgotPage, { email, error, sent: false }), 400);
    await requestPasswordReset(request.authContext(), { email });
    return reply.page(h(ForgotPage, { email: '', sent: true }));
  });

  const linkPage = async (request: FastifyRequest, reply: FastifyReply, token: string) => {
    const state = await checkLink(request.authContext(), token);
    if (state.kind !== 'valid') return reply.page(h(BrokenLinkPage, { state: state.kind }), 410);
    return undefined;
  };

  app.get<Query>('/wachtwoord-instellen', { config: PRIVATE_LINK }, async (request, reply) => {
    const token = field(request.query, 'token', 100);
    return (await linkPage(request, reply, token)) ?? reply.page(h(SetPasswordPage, { token, errors: {} }));
  });

  app.post('/wachtwoord-instellen', { config: { ...PRIVATE_LINK, ...budget('password') } }, async (request, reply) => {
    const token = field(request.body, 'token', 100);
    const password = field(request.body, 'password', 1000);
    const repeat = field(request.body, 'repeat', 1000);
    const broken = await linkPage(request, reply, token);
    if (broken) return broken;
    if (password !== '' && password !== repeat) return reply.page(h(SetPasswordPage, { token, errors: { repeat: 'auth.error.password.mismatch' } }), 400);
    const result = await setPasswordWithLink(request.authContext(), { token, password });
    switch (result.kind) {
      case 'link':
        return reply.page(h(BrokenLinkPage, { state: result.state.kind }), 410);
      case 'weak':
        return reply.page(h(SetPasswordPage, { token, errors: { password: PASSWORD_MESSAGES[result.problem] } }), 400);
      case 'done':
        clearSessionCookie(reply);
        return reply.page(h(SignInPage, { email: result.email, next: '/beheer', errors: {}, notice: 'auth.setPassword.done' }));
    }
  });
}
