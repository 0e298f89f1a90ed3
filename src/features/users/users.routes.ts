import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ROLES } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { isUuid, one, oneOf, pageCount, pageNumber } from '../beheer/beheer.query.ts';
import { noticeFrom } from '../beheer/beheer.parts.tsx';
import { EMPTY_USER_FORM, readUserForm, type UserErrors, type UserForm } from './users.input.ts';
import {
  getUser, inviteFromForm, listUsers, municipalityChoices, organizationChoices, resendInvite, resetTwoStep, setUserDisabled, updateUser,
  type ActionOutcome, type AdminContext, type UserDetail,
} from './users.service.ts';
import { InvitePage, UsersListPage } from './views/users-list-page.tsx';
import { UserPage } from './views/user-page.tsx';
import type { ScopeChoices } from './views/user-fields.tsx';

type WithId = { Params: { id: string } };

const NOTICES = {
  uitgenodigd: 'users.notice.invited',
  opgeslagen: 'users.notice.saved',
  uitgezet: 'users.notice.disabled',
  aangezet: 'users.notice.enabled',
  verstuurd: 'users.notice.resent',
  tweestaps: 'users.notice.twoStepReset',
} as const satisfies Record<string, MessageKey>;

const REFUSALS: Record<Extract<ActionOutcome, { kind: 'refused' }>['reason'], MessageKey> = {
  self: 'users.refused.self',
  accepted: 'users.refused.accepted',
  disabled: 'users.refused.disabled',
};

function adminContext(request: FastifyRequest): AdminContext {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthorized', 'Sign in first.');
  return { auth: request.authContext(), actor: { id: principal.id, email: principal.email } };
}

function formOf(user: UserDetail): UserForm {
  const { account } = user;
  return { email: account.email, displayName: account.displayName, roles: account.roles, organizationIds: user.organizationIds, municipalityCodes: user.municipalityCodes };
}

/** /beheer/gebruikers: list, invite, view and edit accounts (admins only; every write audited). */
export function registerUsersRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const manage = { config: { permission: 'users.manage' as const } };
  const choices = async (): Promise<ScopeChoices> => ({ organizations: await organizationChoices(db), municipalities: await municipalityChoices(db) });

  /** The user behind `:id`, or a 404 for a malformed or unknown id (before anything is written). */
  const userOr404 = async (id: string) => {
    const user = isUuid(id) ? await getUser(db, id.toLowerCase()) : undefined;
    if (!user) throw new AppError('not_found', 'No user with this id.');
    return user;
  };

  const userPage = async (reply: FastifyReply, user: UserDetail, extra: { form?: UserForm; errors?: UserErrors; notice?: MessageKey; problem?: MessageKey }, status = 200) =>
    reply.page(h(UserPage, { user, form: extra.form ?? formOf(user), errors: extra.errors ?? {}, choices: await choices(), notice: extra.notice, problem: extra.problem }), status);

  app.get('/beheer/gebruikers', manage, async (request, reply) => {
    const query = request.query;
    const role = oneOf(one(query, 'rol'), ROLES);
    const text = one(query, 'q', 100).trim();
    const status = oneOf(one(query, 'status'), ['active', 'disabled', 'all'] as const) ?? 'active';
    const page = pageNumber(query);
    const { rows, total } = await listUsers(db, { role, text, status, page });
    return reply.page(h(UsersListPage, { rows, total, page, pages: pageCount(total), filter: { role: role ?? '', text, status } }));
  });

  app.get('/beheer/gebruikers/nieuw', manage, async (_request, reply) => reply.page(h(InvitePage, { form: EMPTY_USER_FORM, errors: {}, choices: await choices() })));

  app.post('/beheer/gebruikers/nieuw', manage, async (request, reply) => {
    const form = readUserForm(request.body);
    const outcome = await inviteFromForm(adminContext(request), form);
    if (outcome.kind === 'invalid') return reply.page(h(InvitePage, { form, errors: outcome.errors, choices: await choices() }), 400);
    return reply.redirect(`/beheer/gebruikers/${outcome.userId}?uitgenodigd=1`, 303);
  });

  app.get<WithId>('/beheer/gebruikers/:id', manage, async (request, reply) => {
    const user = await userOr404(request.params.id);
    return userPage(reply, user, { notice: noticeFrom(request.query, NOTICES) });
  });

  app.post<WithId>('/beheer/gebruikers/:id', manage, async (request, reply) => {
    const user = await userOr404(request.params.id);
    const form = { ...readUserForm(request.body), email: user.account.email };
    const outcome = await updateUser(adminContext(request), user.account.id, form);
    switch (outcome.kind) {
      case 'not_found':
        throw new AppError('not_found', 'No user with this id.');
      case 'invalid':
        return userPage(reply, user, { form, errors: outcome.errors }, 400);
      case 'saved':
        return reply.redirect(`/beheer/gebruikers/${user.account.id}?opgeslagen=1`, 303);
    }
  });

  const action = (path: string, run: (ctx: AdminContext, id: string) => Promise<ActionOutcome>, notice: keyof typeof NOTICES) =>
    app.post<WithId>(`/beheer/gebruikers/:id/${path}`, manage, async (request, reply) => {
      const user = await userOr404(request.params.id);
      const outcome = await run(adminContext(request), user.account.id);
      switch (outcome.kind) {
        case 'not_found':
          throw new AppError('not_found', 'No user with this id.');
        case 'refused':
          return userPage(reply, user, { problem: REFUSALS[outcome.reason] }, 409);
        case 'done':
          return reply.redirect(`/beheer/gebruikers/${user.account.id}?${notice}=1`, 303);
      }
    });

  action('uitzetten', (ctx, id) => setUserDisabled(ctx, id, true), 'uitgezet');
  action('aanzetten', (ctx, id) => setUserDisabled(ctx, id, false), 'aangezet');
  action('uitnodiging', resendInvite, 'verstuurd');
  action('tweestaps-herstellen', resetTwoStep, 'tweestaps');
}
