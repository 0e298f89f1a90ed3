import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { truncateIp } from '../../platform/audit.ts';
import { PRIVATE_LINK } from '../auth/auth.plugin.ts';
import { can } from '../auth/auth.policy.ts';
import { bodyOf, field, PAGE_SIZE, pageOf, queryText } from '../editing/editing.http.ts';
import { organizationOptions } from '../editing/options.repository.ts';
import { isUuid } from '../services/services.input.ts';
import { listStale, serviceSummary } from './freshness.repository.ts';
import { confirmFresh, sendFreshnessReminders, staleCutoff } from './freshness.service.ts';
import { freshnessKey, verifyFreshnessToken } from './freshness.token.ts';
import { ConfirmPage, StalePage } from './views/freshness-pages.tsx';
import { budget } from '../../platform/rate-limit.ts';

/** The staleness page, the daily reminder job, and the public "still correct" link. */
export const FRESHNESS_JOB = 'freshness.remind';
const JOB_HOUR_UTC = 6;

export function registerFreshnessRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { config } = app.deps;
  const key = freshnessKey(app.deps.cookieSecret);
  const settings = { staleAfterMonths: config.staleAfterMonths, publicUrl: config.publicUrl, key };

  app.jobs.daily(FRESHNESS_JOB, async (_payload, { db: jobDb, now }) => {
    await sendFreshnessReminders(jobDb, now, settings);
  }, JOB_HOUR_UTC);

  app.get('/beheer/actualiteit', { config: { permission: 'moderation.review' } }, async (request, reply) => {
    const page = pageOf(request.query);
    const wanted = queryText(request.query, 'organisatie');
    const organizationId = isUuid(wanted) ? wanted : '';
    const { rows, total } = await listStale(db, staleCutoff(new Date(), config.staleAfterMonths), { organizationId: organizationId || null, page, pageSize: PAGE_SIZE });
    const organizations = await organizationOptions(db, null);
    return reply.page(h(StalePage, { rows, total, page, pages: Math.ceil(total / PAGE_SIZE), months: config.staleAfterMonths, organizationId, organizations, canEdit: can(request.principal, 'catalogue.edit') }));
  });

  async function check(code: unknown) {
    const token = verifyFreshnessToken(key, code, new Date());
    if (token.kind !== 'valid') return token;
    const service = await serviceSummary(db, token.serviceId);
    return service ? { kind: 'valid' as const, service } : { kind: 'invalid' as const };
  }

  app.get('/nog-actueel', { config: PRIVATE_LINK }, async (request, reply) => {
    const code = queryText(request.query, 'code', 200);
    const result = await check(code);
    if (result.kind !== 'valid') return reply.page(h(ConfirmPage, { state: { kind: result.kind } }), result.kind === 'expired' ? 410 : 400);
    return reply.page(h(ConfirmPage, { state: { kind: 'ask', code, name: result.service.name, lastVerified: result.service.lastVerified } }));
  });

  app.post('/nog-actueel', { config: { ...PRIVATE_LINK, ...budget('freshness') } }, async (request, reply) => {
    const result = await check(field(bodyOf(request), 'code'));
    if (result.kind !== 'valid') return reply.page(h(ConfirmPage, { state: { kind: result.kind } }), result.kind === 'expired' ? 410 : 400);
    const outcome = await confirmFresh(db, result.service.id, new Date(), truncateIp(request.ip));
    if (outcome.kind === 'not_found') return reply.page(h(ConfirmPage, { state: { kind: 'invalid' } }), 400);
    return reply.page(h(ConfirmPage, { state: { kind: 'done', name: result.service.name } }));
  });
}
