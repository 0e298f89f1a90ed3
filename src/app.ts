import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Config, TrustProxy } from './config.ts';
import type { Database } from './db/database.ts';
import { AppError, codeForStatus, HTTP_STATUS, type AppErrorCode } from './errors.ts';
import { csrfBinding, registerAuth } from './features/auth/auth.plugin.ts';
import { registerFeatures } from './features/index.ts';
import type { MessageKey } from './i18n/index.ts';
import { buildAssets, type Asset } from './web/assets.ts';
import { ErrorPage } from './web/error-page.tsx';
import { registerInputGuard } from './web/input.ts';
import { registerPages } from './web/pages.plugin.ts';
import { dbWaitingLimit, registerLoadShedding } from './web/load-shedding.ts';
import { JobRegistry } from './platform/worker.ts';
import { purgeOldEmails } from './platform/mail.ts';
import { BudgetStore } from './platform/rate-limit.ts';

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly cookieSecret: string;
  readonly assets?: ReadonlyMap<string, Asset>;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Background job kinds and daily schedules; features register theirs, the worker runs them. */
    jobs: JobRegistry;
  }
}

const ERROR_TEXTS: Record<AppErrorCode, { title: MessageKey; text: MessageKey }> = {
  bad_request: { title: 'error.badRequest.title', text: 'error.badRequest.text' },
  unauthorized: { title: 'error.unauthorized.title', text: 'error.unauthorized.text' },
  payload_too_large: { title: 'error.badRequest.title', text: 'error.badRequest.text' },
  unsupported_media_type: { title: 'error.badRequest.title', text: 'error.badRequest.text' },
  unprocessable: { title: 'error.badRequest.title', text: 'error.badRequest.text' },
  conflict: { title: 'error.badRequest.title', text: 'error.badRequest.text' },
  forbidden: { title: 'error.forbidden.title', text: 'error.forbidden.text' },
  form_expired: { title: 'error.formExpired.title', text: 'error.formExpired.text' },
  not_found: { title: 'error.notFound.title', text: 'error.notFound.text' },
  rate_limited: { title: 'error.tooMany.title', text: 'error.tooMany.text' },
  unavailable: { title: 'error.unavailable.title', text: 'error.unavailable.text' },
  busy: { title: 'error.busy.title', text: 'error.busy.text' },
  internal: { title: 'error.server.title', text: 'error.server.text' },
};

const PROBLEM_TITLES: Record<AppErrorCode, string> = {
  bad_request: 'Bad Request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  form_expired: 'Forbidden',
  not_found: 'Not Found',
  conflict: 'Conflict',
  payload_too_large: 'Payload Too Large',
  unsupported_media_type: 'Unsupported Media Type',
  unprocessable: 'Unprocessable Content',
  rate_limited: 'Too Many Requests',
  unavailable: 'Service Unavailable',
  busy: 'Service Unavailable',
  internal: 'Internal Server Error',
};

/**
 * Fastify's form of TRUST_PROXY. A hop count trusts the first `hops` addresses counted from the
 * socket (proxy-addr's order), so the client is the address the outermost proxy saw; it cannot
 * check who the peer is, which is why the app must then be reachable only through the proxy.
 */
function proxyTrust(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** One place that turns any failure into a localised page or an RFC 9457 problem document. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: AppErrorCode,
  detail: string,
  fields: Readonly<Record<string, string>> = {},
  pageText?: MessageKey,
): FastifyReply {
  const status = HTTP_STATUS[code];
  if (isApiRequest(request)) {
    return reply
      .code(status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        JSON.stringify({
          type: `about:blank`,
          title: PROBLEM_TITLES[code],
          status,
          detail,
          instance: request.url.split('?')[0],
          requestId: request.id,
          ...(Object.keys(fields).length > 0 ? { errors: fields } : {}),
        }),
      );
  }
  const texts = ERROR_TEXTS[code];
  return reply.page(
    h(ErrorPage, {
      title: texts.title,
      text: pageText ?? texts.text,
      reason: detail,
      ...(status >= 500 ? { requestId: request.id } : {}),
    }),
    status,
  );
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Never personal data in logs: no query strings, no addresses, no headers.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: proxyTrust(config.trustProxy),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  });
  app.decorate('deps', deps);
  app.decorate('jobs', new JobRegistry());

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    // HSTS only makes sense over TLS; it is added below when the request came in over https.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
  });
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(cookie, { secret: deps.cookieSecret });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: config.behindProxy },
    // A token is only good for the session it was made for (reply.csrfToken(), auth.plugin.ts):
    // a cookie and token planted from another visit do not pass for a signed-in person.
    getUserInfo: csrfBinding,
    csrfOpts: { hmacKey: deps.cookieSecret },
  });
  // A cross-site HTML form can send urlencoded or multipart bodies without a preflight, but not
  // JSON: the write APIs take JSON only, so no other site can post through a visitor's browser.
  app.addHook('onRequest', async (request) => {
    if (!isApiRequest(request) || !BODY_METHODS.has(request.method)) return;
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
      throw new AppError('unsupported_media_type', 'Send the request body as JSON (content-type: application/json).');
    }
  });
  // Every rate-limited route names its budget, or routes of one capability would count apart.
  app.addHook('onRoute', (route) => {
    const limit = route.config?.rateLimit;
    if (limit && typeof limit === 'object' && !('groupId' in limit && limit.groupId)) {
      throw new Error(`Route ${String(route.method)} ${route.url} is rate-limited without a budget; use budget() from platform/rate-limit.ts`);
    }
  });
  await app.register(rateLimit, {
    global: false,
    store: BudgetStore,
    max: config.publicWriteRateLimit,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => {
      const error = new AppError('rate_limited', `Too many requests; try again in ${context.after}.`);
      return Object.assign(error, { statusCode: 429 });
    },
  });

  registerInputGuard(app);
  registerPages(app, {
    assets: deps.assets ?? buildAssets(),
    demo: config.demoData,
    siteName: config.siteName,
    contactEmail: config.contactEmail,
    secureCookies: config.behindProxy,
  });

  // After the language is known (the page is localised), before the session lookup (a query).
  registerLoadShedding(app, {
    database: deps.database,
    dbWaiting: dbWaitingLimit(config.shedDbWaiting, deps.database.engine),
    waitMs: config.shedWaitMs === 'off' ? null : config.shedWaitMs,
    reject: (request, reply) => sendProblem(request, reply, 'busy', 'The server is too busy to answer now; try again in a few seconds.'),
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 'not_found', 'No resource at this address.'));

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.code, error.detail, error.fields, error.pageText);
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, 'internal', 'An unexpected error occurred.');
    }
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return sendProblem(request, reply, 'form_expired', 'The form has expired or did not come from this site.');
    }
    const code = codeForStatus(status);
    // Validation and parsing messages name the field that was wrong; they hold no internals.
    const detail = error.validation ? error.message : (error.message || PROBLEM_TITLES[code]);
    return sendProblem(request, reply, code, detail);
  });

  registerAuth(app);
  // The .eml files of the file transport go with their rows (with SMTP the directory stays empty).
  app.jobs.daily('outbox.retention', async (_payload, { db, now }) => void (await purgeOldEmails(db, now, config.outboxDir)), 3);
  await registerFeatures(app);
  return app;
}
