import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import { truncateIp } from '../../platform/audit.ts';
import { openQuestion, addNote, assignQuestion, closeQuestion, replyToQuestion, type DeskContext, type DeskResult } from './desk.service.ts';
import { askChoices, municipalityOptions, presentOptions, topicOptions } from './questions.context.ts';
import { cleanText, isUuid, parseInboxFilter, parseServiceIds, textError } from './questions.input.ts';
import { DESK_PERMISSION } from './questions.policy.ts';
import { presentConversation, presentInboxRow } from './questions.presenter.ts';
import { listHandlers, listInbox, searchServices } from './questions.repository.ts';
import { DeskInboxPage } from './views/desk-inbox.tsx';
import { DeskQuestionPage, type DeskErrors } from './views/desk-question.tsx';

const PAGE_SIZE = 25;
const DESK = { config: { permission: DESK_PERMISSION } };
export const DONE = ['assign', 'note', 'reply', 'close'] as const;
type Done = (typeof DONE)[number];

/** /beheer/vragen: every route names 'questions.handle'; the id in every path is checked before any query. */
export function registerDeskRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { config } = app.deps;

  function ctx(request: FastifyRequest): DeskContext {
    const p = request.principal;
    if (!p) throw new AppError('unauthorized', 'Sign in first.');
    return { db, actor: { id: p.id, email: p.email }, ip: truncateIp(request.ip), siteName: config.siteName, contactEmail: config.contactEmail };
  }

  function questionId(value: string): string {
    if (!isUuid(value)) throw new AppError('not_found', 'No question with this id.');
    return value.toLowerCase();
  }

  app.get('/beheer/vragen', DESK, async (request, reply) => {
    const filter = parseInboxFilter(request.query as Record<string, unknown>, await askChoices(db));
    const { rows, total } = await listInbox(db, filter, ctx(request).actor.id, new Date(), PAGE_SIZE);
    const options = await presentOptions(db, request.lang);
    return reply.page(
      h(DeskInboxPage, {
        filter,
        items: rows.map((r) => presentInboxRow(r, options)),
        total,
        page: filter.page,
        pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        topics: await topicOptions(db, request.lang),
        municipalities: await municipalityOptions(db),
      }),
    );
  });

  async function renderQuestion(request: FastifyRequest, reply: FastifyReply, id: string, extra: { errors?: DeskErrors; values?: Record<string, string> } = {}, status = 200) {
    const conversation = await openQuestion(ctx(request), id);
    if (!conversation) throw new AppError('not_found', 'No question with this id.');
    const query = request.query as Record<string, unknown>;
    const search = typeof query['zoek'] === 'string' ? query['zoek'].trim().slice(0, 100) : '';
    const done = DONE.find((d) => d === query['klaar']) ?? null;
    return reply.page(
      h(DeskQuestionPage, {
        question: presentConversation(conversation, await presentOptions(db, request.lang)),
        handlers: await listHandlers(db),
        search,
        found: search.length >= 2 ? await searchServices(db, search) : [],
        done,
        errors: extra.errors ?? {},
        values: extra.values ?? {},
        retentionMonths: config.retentionMonths,
      }),
      status,
    );
  }

  app.get<{ Params: { id: string } }>('/beheer/vragen/:id', DESK, async (request, reply) => renderQuestion(request, reply, questionId(request.params.id)));

  async function finish(request: FastifyRequest, reply: FastifyReply, id: string, result: DeskResult, done: Done, invalid: () => Promise<FastifyReply>) {
    switch (result) {
      case 'not_found':
        throw new AppError('not_found', 'No question with this id.');
      case 'invalid':
        return invalid();
      case 'ok':
        return reply.redirect(`/beheer/vragen/${id}?klaar=${done}`, 303);
    }
  }

  type Post = { Params: { id: string }; Body: Record<string, unknown> };
  const field = (body: Record<string, unknown> | undefined, name: string) => (typeof body?.[name] === 'string' ? (body[name] as string) : '');

  app.post<Post>('/beheer/vragen/:id/toewijzen', DESK, async (request, reply) => {
    const id = questionId(request.params.id);
    const assignee = field(request.body, 'assignee').trim().toLowerCase();
    const result = isUuid(assignee) ? await assignQuestion(ctx(request), id, assignee) : 'invalid';
    return finish(request, reply, id, result, 'assign', () => renderQuestion(request, reply, id, { errors: { assignee: 'questions.error.assignee' } }, 400));
  });

  app.post<Post>('/beheer/vragen/:id/notitie', DESK, async (request, reply) => {
    const id = questionId(request.params.id);
    const text = cleanText(field(request.body, 'text'));
    const error = textError(text);
    const result = error ? 'invalid' : await addNote(ctx(request), id, text);
    return finish(request, reply, id, result, 'note', () => renderQuestion(request, reply, id, { errors: error ? { note: error } : {}, values: { note: text } }, 400));
  });

  app.post<Post>('/beheer/vragen/:id/antwoord', DESK, async (request, reply) => {
    const id = questionId(request.params.id);
    const body = request.body ?? {};
    const text = cleanText(field(body, 'text'));
    const services = parseServiceIds(body);
    const errors: DeskErrors = {};
    const textProblem = textError(text);
    if (textProblem) errors.reply = textProblem;
    if (services.invalid) errors.services = 'questions.error.services';
    const waitForAsker = field(body, 'next') === 'waiting';
    const result = Object.keys(errors).length > 0 ? 'invalid' : await replyToQuestion(ctx(request), id, { text, serviceIds: services.ids, waitForAsker });
    if (result === 'invalid' && !errors.reply && !errors.services) errors.services = 'questions.error.services';
    const values = { reply: text, serviceIds: field(body, 'serviceIds') };
    return finish(request, reply, id, result, 'reply', () => renderQuestion(request, reply, id, { errors, values }, 400));
  });

  app.post<Post>('/beheer/vragen/:id/sluiten', DESK, async (request, reply) => {
    const id = questionId(request.params.id);
    const result = await closeQuestion(ctx(request), id, new Date());
    return finish(request, reply, id, result, 'close', () => renderQuestion(request, reply, id));
  });
}
