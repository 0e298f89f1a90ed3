import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import { PRIVATE_LINK } from '../auth/auth.plugin.ts';
import { translator, type MessageKey } from '../../i18n/index.ts';
import { registerDeskRoutes } from './desk.routes.ts';
import { askChoices, kidsLine, municipalityOptions, presentOptions, topicOptions } from './questions.context.ts';
import { FOLLOW_UP_TOKEN, formatCode, newIdempotencyKey } from './questions.crypto.ts';
import { cleanText, parseAskApi, parseAskForm, textError, type AskErrors, type AskValues } from './questions.input.ts';
import { isYoungAsker } from './questions.policy.ts';
import { presentConversation } from './questions.presenter.ts';
import { runQuestionRetention } from './questions.retention.ts';
import { askQuestion, deleteAsAsker, followUpUrl, openFollowUp, replyAsAsker, type AskResult } from './questions.service.ts';
import { AskPage } from './views/ask-page.tsx';
import { FollowUpPage } from './views/follow-up-page.tsx';
import { AlreadySentPage, DeletedPage, LinkInvalidPage, ReceivedPage } from './views/received-page.tsx';
import { budget } from '../../platform/rate-limit.ts';

export const RETENTION_JOB = 'questions.retention';
/** 03:00 UTC: outside office hours, before the desk starts. */
const RETENTION_HOUR_UTC = 3;

/** The form and the API are one capability: one budget. Both answers show the private link. */
const ASK = { ...PRIVATE_LINK, ...budget('questions') };
/** The asker's writes through the private link. */
const FOLLOW_UP = { ...PRIVATE_LINK, ...budget('question-replies') };

/**
 * The question desk: /vraag (ask), /vraag/volg/:token (the asker's private page), the JSON API,
 * the desk under /beheer/vragen and the daily retention job. Every answer that carries the
 * private link or is opened with it is a `privateLink` route (never stored, no referrer); the
 * desk's pages are signed in, so never stored either.
 */
export function registerQuestionsRoutes(app: FastifyInstance): void {
  app.jobs.daily(RETENTION_JOB, async (_payload, { db, now }) => {
    const { retentionMonths, outboxDir } = app.deps.config;
    await runQuestionRetention(db, now, { retentionMonths, outboxDir });
  }, RETENTION_HOUR_UTC);
  registerAskRoutes(app);
  registerFollowUpRoutes(app);
  registerApiRoutes(app);
  registerDeskRoutes(app);
}

const EMPTY_VALUES: Omit<AskValues, 'idempotencyKey'> = { topic: '', text: '', role: '', gemeente: '', email: '', consent: '' };

function registerAskRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { config } = app.deps;

  async function renderAsk(request: FastifyRequest, reply: FastifyReply, kid: boolean, values: AskValues, errors: AskErrors, status = 200, notice?: MessageKey) {
    const [topics, municipalities, line] = await Promise.all([topicOptions(db, request.lang), municipalityOptions(db), kidsLine(db, request.lang)]);
    return reply.page(h(AskPage, { kid, values, errors, topics, municipalities, retentionMonths: config.retentionMonths, kidsLine: line, notice }), status);
  }

  app.get<{ Querystring: { voor?: string } }>('/vraag', async (request, reply) => {
    const kid = request.query.voor === 'kind';
    return renderAsk(request, reply, kid, { ...EMPTY_VALUES, role: kid ? 'children' : '', idempotencyKey: newIdempotencyKey() }, {});
  });

  app.post('/vraag', { config: ASK }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const kid = body['voor'] === 'kind';
    const input = parseAskForm(body, await askChoices(db));
    switch (input.kind) {
      case 'spam':
        // A bot learns nothing; nothing is stored.
        return reply.page(h(AlreadySentPage, {}));
      case 'invalid': {
        // A broken key can't be repaired by the person: give the form a fresh one.
        const key = input.errors.idempotencyKey ? newIdempotencyKey() : input.values.idempotencyKey;
        return renderAsk(request, reply, kid, { ...input.values, idempotencyKey: key }, input.errors, 400);
      }
      case 'valid': {
        const result = await askQuestion({ db, lang: request.lang, publicUrl: config.publicUrl, siteName: config.siteName }, input.value);
        if (result.kind === 'key_reused') {
          // Never the earlier question's link: the form again as typed, with a fresh key to send it anew.
          const v = input.value;
          const values = { topic: v.topic, text: v.text, role: v.role, gemeente: v.gemeente ?? '', email: v.email ?? '', consent: 'yes', idempotencyKey: newIdempotencyKey() };
          return renderAsk(request, reply, kid, values, {}, 422, 'questions.ask.alreadySent');
        }
        return renderReceived(request, reply, result, isYoungAsker(input.value.role));
      }
    }
  });

  async function renderReceived(request: FastifyRequest, reply: FastifyReply, result: Exclude<AskResult, { kind: 'key_reused' }>, young: boolean) {
    if (result.kind === 'gone' || result.token === null || result.code === null) return reply.page(h(AlreadySentPage, {}));
    const line = young ? await kidsLine(db, request.lang) : null;
    return reply.page(h(ReceivedPage, { followUpUrl: followUpUrl(config.publicUrl, result.token), code: formatCode(result.code), emailed: result.emailed, kidsLine: line }));
  }
}

function registerFollowUpRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { config } = app.deps;
  type Params = { Params: { token: string } };

  async function renderFollowUp(request: FastifyRequest, reply: FastifyReply, token: string, extra: { replied?: boolean; text?: string; replyError?: MessageKey; deleteError?: MessageKey }, status = 200) {
    const found = FOLLOW_UP_TOKEN.test(token) ? await openFollowUp(db, token) : ({ kind: 'not_found' } as const);
    if (found.kind === 'not_found') return reply.page(h(LinkInvalidPage, {}), 404);
    const question = presentConversation(found.conversation, await presentOptions(db, request.lang));
    const line = isYoungAsker(question.role) ? await kidsLine(db, request.lang) : null;
    return reply.page(
      h(FollowUpPage, { token, question, replied: extra.replied ?? false, reply: { text: extra.text ?? '', error: extra.replyError }, deleteError: extra.deleteError, kidsLine: line }),
      status,
    );
  }

  app.get<Params & { Querystring: { verstuurd?: string } }>('/vraag/volg/:token', { config: PRIVATE_LINK }, async (request, reply) =>
    renderFollowUp(request, reply, request.params.token, { replied: request.query.verstuurd === '1' }),
  );

  app.post<Params>('/vraag/volg/:token/reactie', { config: FOLLOW_UP }, async (request, reply) => {
    const { token } = request.params;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = cleanText(typeof body['text'] === 'string' ? body['text'] : '');
    const error = textError(text);
    if (error || !FOLLOW_UP_TOKEN.test(token)) return renderFollowUp(request, reply, token, { text, ...(error ? { replyError: error } : {}) }, 400);
    const result = await replyAsAsker(db, token, text);
    switch (result) {
      case 'not_found':
        return reply.page(h(LinkInvalidPage, {}), 404);
      case 'closed':
      case 'sent':
        return reply.redirect(`/vraag/volg/${token}${result === 'sent' ? '?verstuurd=1' : ''}`, 303);
    }
  });

  app.post<Params>('/vraag/volg/:token/verwijderen', { config: FOLLOW_UP }, async (request, reply) => {
    const { token } = request.params;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body['confirm'] !== 'yes') return renderFollowUp(request, reply, token, { deleteError: 'questions.error.deleteConfirm' }, 400);
    const result = FOLLOW_UP_TOKEN.test(token) ? await deleteAsAsker({ db, outboxDir: config.outboxDir }, token, new Date()) : 'not_found';
    if (result === 'not_found') return reply.page(h(LinkInvalidPage, {}), 404);
    return reply.page(h(DeletedPage, {}));
  });
}

function registerApiRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { config } = app.deps;
  const english = translator('en');

  app.post<{ Querystring: { lang?: string } }>('/api/v1/questions', { config: ASK }, async (request, reply) => {
    const parsed = parseAskApi(request.body, await askChoices(db));
    if (parsed.kind === 'invalid') {
      const fields = Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, english(key)]));
      throw new AppError('bad_request', `Invalid field(s): ${Object.keys(fields).join(', ')}.`, fields);
    }
    const lang = request.query.lang === 'en' ? 'en' : 'nl';
    const result = await askQuestion({ db, lang, publicUrl: config.publicUrl, siteName: config.siteName }, parsed.value);
    // Says nothing of the earlier question: not whether it exists, nor its state.
    if (result.kind === 'key_reused') throw new AppError('unprocessable', 'This idempotency key was already used for a different question. Send this question with a new key.');
    if (result.kind === 'gone') throw new AppError('conflict', 'This idempotency key belongs to a question that has been deleted.');
    if (result.token === null || result.code === null) throw new AppError('conflict', 'This idempotency key was used before; its follow-up link is no longer shown. Use a new key for a new question.');
    return reply
      .code(result.kind === 'created' ? 201 : 200)
      .send({ id: result.id, followUpUrl: followUpUrl(config.publicUrl, result.token), code: formatCode(result.code) });
  });
}
