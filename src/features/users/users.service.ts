import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { deleteSessionsOf, findAccountById, findAccountByEmail, loadScopes, replaceScopes, type AccountRow } from '../auth/auth.repository.ts';
import { inviteUser, issueInvite, normaliseEmail, type AuthContext } from '../auth/auth.service.ts';
import { hasErrors, scopesFor, userFormProblems, type UserErrors, type UserForm } from './users.input.ts';
import * as repo from './users.repository.ts';

/** An admin acting: the auth context (database, time, truncated address) and who they are. */
export interface AdminContext {
  readonly auth: AuthContext;
  readonly actor: AuditActor;
}

async function scopeProblems(db: Kysely<DB>, form: UserForm): Promise<UserErrors> {
  const { organizationIds, municipalityCodes } = scopesFor(form);
  const [orgs, municipalities] = await Promise.all([repo.existingOrganizationIds(db, organizationIds), repo.existingMunicipalityCodes(db, municipalityCodes)]);
  const errors: UserErrors = {};
  if (organizationIds.some((id) => !orgs.has(id))) errors.organizationIds = 'users.error.organizationsUnknown';
  if (municipalityCodes.some((c) => !municipalities.has(c))) errors.municipalityCodes = 'users.error.municipalitiesUnknown';
  return errors;
}

async function validate(db: Kysely<DB>, form: UserForm, invite: boolean): Promise<UserErrors> {
  const errors = userFormProblems(form, { invite });
  return { ...(await scopeProblems(db, form)), ...errors };
}

export type InviteOutcome = { kind: 'invited'; userId: string } | { kind: 'invalid'; errors: UserErrors };

/** Checks the form, then creates the account and queues the invitation mail (auth's inviteUser, audited there). */
export async function inviteFromForm(ctx: AdminContext, form: UserForm): Promise<InviteOutcome> {
  const errors = await validate(ctx.auth.db, form, true);
  if (!errors.email && (await findAccountByEmail(ctx.auth.db, normaliseEmail(form.email)))) errors.email = 'users.error.exists';
  if (hasErrors(errors)) return { kind: 'invalid', errors };
  const result = await inviteUser(ctx.auth, {
    invitation: { email: form.email, displayName: form.displayName, roles: form.roles, ...scopesFor(form) },
    actor: ctx.actor,
  });
  return result.kind === 'exists' ? { kind: 'invalid', errors: { email: 'users.error.exists' } } : { kind: 'invited', userId: result.userId };
}

export interface UserDetail {
  readonly account: AccountRow;
  readonly organizationIds: readonly string[];
  readonly municipalityCodes: readonly string[];
  readonly times: repo.UserTimes;
}

export async function getUser(db: Kysely<DB>, id: string): Promise<UserDetail | undefined> {
  const [account, times] = await Promise.all([findAccountById(db, id), repo.userTimes(db, id)]);
  if (!account || !times) return undefined;
  return { account, times, ...(await loadScopes(db, id)) };
}

export type UpdateOutcome = { kind: 'saved' } | { kind: 'not_found' } | { kind: 'invalid'; errors: UserErrors };

function changedFields(before: UserDetail, form: UserForm): string[] {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
  const scopes = scopesFor(form);
  return [
    before.account.displayName !== form.displayName ? 'display_name' : '',
    same(before.account.roles, form.roles) ? '' : 'roles',
    same(before.organizationIds, scopes.organizationIds) ? '' : 'organizations',
    same(before.municipalityCodes, scopes.municipalityCodes) ? '' : 'municipalities',
  ].filter(Boolean);
}

/** Name, roles and scopes. An admin can't take the admin role from themselves, so one always remains. */
export async function updateUser(ctx: AdminContext, id: string, form: UserForm): Promise<UpdateOutcome> {
  const before = await getUser(ctx.auth.db, id);
  if (!before) return { kind: 'not_found' };
  const errors = await validate(ctx.auth.db, form, false);
  if (id === ctx.actor.id && !form.roles.includes('admin')) {
    errors.roles = 'users.error.selfDemote';
    await recordAudit(ctx.auth.db, { actor: ctx.actor, action: 'user.update', objectType: 'account', objectId: id, result: 'denied', ip: ctx.auth.ip, detail: { reason: 'self_demote' } });
  }
  if (hasErrors(errors)) return { kind: 'invalid', errors };
  const fields = changedFields(before, form);
  await ctx.auth.db.transaction().execute(async (trx) => {
    await repo.updateProfile(trx, id, { displayName: form.displayName, roles: form.roles });
    await replaceScopes(trx, id, scopesFor(form));
    await recordAudit(trx, { actor: ctx.actor, action: 'user.update', objectType: 'account', objectId: id, result: 'ok', ip: ctx.auth.ip, detail: { fields, roles: form.roles } });
  });
  return { kind: 'saved' };
}

export type ActionOutcome = { kind: 'done' } | { kind: 'not_found' } | { kind: 'refused'; reason: 'self' | 'accepted' | 'disabled' };

/** Disabling also ends every session of the account at once; enabling gives no session back. */
export async function setUserDisabled(ctx: AdminContext, id: string, disabled: boolean): Promise<ActionOutcome> {
  const action = disabled ? 'user.disable' : 'user.enable';
  return ctx.auth.db.transaction().execute(async (trx): Promise<ActionOutcome> => {
    const account = await findAccountById(trx, id);
    if (!account) return { kind: 'not_found' };
    if (disabled && id === ctx.actor.id) {
      await recordAudit(trx, { actor: ctx.actor, action, objectType: 'account', objectId: id, result: 'denied', ip: ctx.auth.ip, detail: { reason: 'self' } });
      return { kind: 'refused', reason: 'self' };
    }
    await repo.setDisabledAt(trx, id, disabled ? ctx.auth.now : null);
    const sessions = disabled ? await deleteSessionsOf(trx, id) : 0;
    await recordAudit(trx, { actor: ctx.actor, action, objectType: 'account', objectId: id, result: 'ok', ip: ctx.auth.ip, detail: { sessions } });
    return { kind: 'done' };
  });
}

/** A fresh invitation link (the old one stops working), only while the invitation is not accepted. */
export async function resendInvite(ctx: AdminContext, id: string): Promise<ActionOutcome> {
  return ctx.auth.db.transaction().execute(async (trx): Promise<ActionOutcome> => {
    const account = await findAccountById(trx, id);
    if (!account) return { kind: 'not_found' };
    if (account.disabled) return { kind: 'refused', reason: 'disabled' };
    if (account.passwordHash !== null) return { kind: 'refused', reason: 'accepted' };
    await issueInvite(trx, ctx.auth, { id: account.id, email: account.email });
    await recordAudit(trx, { actor: ctx.actor, action: 'user.invite_resend', objectType: 'account', objectId: id, result: 'ok', ip: ctx.auth.ip });
    return { kind: 'done' };
  });
}

/**
 * Two-step verification back to "not set up" (a lost phone): the next sign-in asks to set it up
 * again. Open sessions end too, since whoever has the phone may be signed in.
 */
export async function resetTwoStep(ctx: AdminContext, id: string): Promise<ActionOutcome> {
  return ctx.auth.db.transaction().execute(async (trx): Promise<ActionOutcome> => {
    const account = await findAccountById(trx, id);
    if (!account) return { kind: 'not_found' };
    await repo.clearTwoStep(trx, id);
    const sessions = await deleteSessionsOf(trx, id);
    await recordAudit(trx, { actor: ctx.actor, action: 'user.totp_reset', objectType: 'account', objectId: id, result: 'ok', ip: ctx.auth.ip, detail: { sessions } });
    return { kind: 'done' };
  });
}

export { listUsers, organizationChoices, municipalityChoices } from './users.repository.ts';
