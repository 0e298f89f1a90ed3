import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../../errors.ts';
import { recordAudit, truncateIp, type AuditEntry } from '../../platform/audit.ts';
import { can, PERMISSIONS, type Permission, type Principal } from './auth.policy.ts';
import { findLiveSession, touchSession } from './auth.repository.ts';
import { idleSince, type AuthContext, type NewSession } from './auth.service.ts';
import { sha256 } from './totp.ts';
import type { SessionStage } from '../../db/schema.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind the cookie, at any stage; null when there is none. */
    session: { readonly tokenHash: string; readonly stage: SessionStage; readonly principal: Principal } | null;
    /** The signed-in person (session at stage 'full'), or null. */
    principal: Principal | null;
    /** Writes an audit row with this request's actor and truncated address. */
    audit(entry: Omit<AuditEntry, 'actor' | 'ip'>): Promise<void>;
    authContext(): AuthContext;
  }
  interface FastifyReply {
    /** A CSRF token for a form on this page, bound to the request's session (see csrfBinding). */
    csrfToken(): string;
  }
  interface FastifyInstance {
    /** Every route the guard or the CSRF check was put on, for the tests that walk them all. */
    guardedRoutes: GuardedRoute[];
    /** Every route the app has, with what the hooks decided for it, for the tests that walk them all. */
    routeTable: RouteEntry[];
  }
  interface FastifyContextConfig {
    /** Required for every route under /beheer and /account: who may use it. */
    permission?: Permission;
    /**
     * The page is opened with a private link (a token in the path or query) or shows what only
     * that link's holder may see: never stored by a browser or proxy, never sent on as a referrer.
     */
    privateLink?: true;
  }
}

export interface GuardedRoute {
  readonly method: string;
  readonly url: string;
  readonly permission: Permission | null;
  readonly csrf: boolean;
}

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly privateLink: boolean;
}

/** Route config for pages reached through a private link (see `privateLink`). */
export const PRIVATE_LINK = { privateLink: true } as const;

export const SESSION_COOKIE = 'ww_session';
const TOUCH_AFTER_MS = 60_000;

/** Paths that must name a permission; anything under them is back office. */
const PROTECTED = /^\/(beheer|account)(\/|$)/;

export function isProtectedPath(url: string): boolean {
  return PROTECTED.test(url);
}

export function setSessionCookie(reply: FastifyReply, session: NewSession, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * What a CSRF token is bound to: the session (at any stage), or one shared value for visitors without one. A token
 * made for one session does not pass for another, so a planted cookie-and-token pair is refused.
 */
export function csrfBinding(request: FastifyRequest): string {
  return request.session?.tokenHash ?? 'visitor';
}

/** Where a signed-in person whose session is not complete has to go first. */
export function pendingStepPath(stage: SessionStage): string | null {
  if (stage === 'password') return '/inloggen/code';
  if (stage === 'enrol') return '/account/tweestaps';
  return null;
}

/**
 * Sessions and authorisation: loads the session behind the cookie on every request, and guards
 * every /beheer and /account route with the permission its config names (refusing to start when
 * a route names none). Runs before the routes are registered.
 */
export function registerAuth(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { config } = app.deps;
  app.decorate('guardedRoutes', [] as GuardedRoute[]);
  app.decorate('routeTable', [] as RouteEntry[]);
  app.decorateRequest('session', null);
  app.decorateRequest('principal', null);
  app.decorateRequest('audit', async function audit(this: FastifyRequest, entry: Omit<AuditEntry, 'actor' | 'ip'>) {
    const principal = this.session?.principal ?? null;
    await recordAudit(db, { ...entry, actor: principal && { id: principal.id, email: principal.email }, ip: truncateIp(this.ip) });
  });
  app.decorateReply('csrfToken', function csrfToken(this: FastifyReply) {
    return this.generateCsrf({ userInfo: csrfBinding(this.request) });
  });
  app.decorateRequest('authContext', function authContext(this: FastifyRequest): AuthContext {
    return {
      db,
      settings: { sessionIdleMinutes: config.sessionIdleMinutes, sessionMaxHours: config.sessionMaxHours, publicUrl: config.publicUrl, siteName: config.siteName },
      ip: truncateIp(this.ip),
      now: new Date(),
    };
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100 || request.url.startsWith('/assets/')) return;
    const now = new Date();
    const found = await findLiveSession(db, sha256(token), idleSince(config, now), now);
    if (!found) return;
    request.session = { tokenHash: found.tokenHash, stage: found.stage, principal: found.principal };
    if (found.stage === 'full') request.principal = found.principal;
    if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(db, found.tokenHash, now);
  });

  // One place for what must never be cached: every answer to a signed-in (or half signed-in)
  // session, and every page of a private link. Whatever the route set itself is overruled.
  app.addHook('onSend', async (request, reply) => {
    const privateLink = request.routeOptions.config?.privateLink === true;
    if (request.session || privateLink) reply.header('cache-control', 'no-store');
    if (privateLink) reply.header('referrer-policy', 'no-referrer');
  });

  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') app.routeTable.push({ method, url, privateLink: route.config?.privateLink === true });
    const writes = methods.some((m) => !['GET', 'HEAD', 'OPTIONS'].includes(m));
    // CSRF on every state-changing form route, whether or not its author remembered.
    const csrf = writes && !url.startsWith('/api/');
    if (csrf) {
      const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
      if (!existing.includes(app.csrfProtection)) route.preHandler = [app.csrfProtection, ...existing];
    }
    const isProtected = isProtectedPath(url);
    const permission = route.config?.permission ?? null;
    if (isProtected && (!permission || !PERMISSIONS.includes(permission))) {
      throw new Error(`Route ${methods.join(',')} ${url} is under /beheer or /account but names no permission in its config`);
    }
    if (csrf || isProtected) {
      for (const method of methods) if (method !== 'HEAD') app.guardedRoutes.push({ method, url, permission, csrf });
    }
    if (!isProtected || !permission) return;
    const guard = async (request: FastifyRequest, reply: FastifyReply) => guardRequest(request, reply, permission);
    const handlers = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    route.preHandler = [guard, ...handlers];
  });
}

async function guardRequest(request: FastifyRequest, reply: FastifyReply, permission: Permission): Promise<void> {
  const session = request.session;
  const api = request.url.startsWith('/api/');
  if (!session) {
    if (api) throw new AppError('unauthorized', 'Sign in first.');
    const back = encodeURIComponent(request.url.split('?')[0] ?? '/beheer');
    await reply.redirect(`/inloggen?terug=${back}`, 303);
    return;
  }
  const pending = pendingStepPath(session.stage);
  // Setting up two-step verification is the one thing a session at stage 'enrol' may do.
  if (pending && !(session.stage === 'enrol' && request.url.split('?')[0] === '/account/tweestaps')) {
    if (api) throw new AppError('unauthorized', 'Finish signing in first.');
    await reply.redirect(pending, 303);
    return;
  }
  if (session.stage === 'enrol') return;
  if (!can(request.principal, permission)) {
    await request.audit({ action: 'access.denied', objectType: 'route', objectId: `${request.method} ${request.routeOptions.url ?? ''}`, result: 'denied', detail: { permission } });
    throw new AppError('forbidden', 'Your account may not use this page.');
  }
}
