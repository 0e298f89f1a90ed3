import type { Kysely } from 'kysely';
import type { DB, Role, SessionStage } from '../../db/schema.ts';
import { bilingual } from '../../i18n/index.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { queueEmail } from '../../platform/mail.ts';
import { requiresMfa } from './auth.policy.ts';
import * as repo from './auth.repository.ts';
import { hashPassword, passwordProblem, verifyPassword, type PasswordProblem } from './password.ts';
import { matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, randomToken, sha256 } from './totp.ts';

export interface AuthSettings {
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly publicUrl: string;
  readonly siteName: string;
}

export interface AuthContext {
  readonly db: Kysely<DB>;
  readonly settings: AuthSettings;
  readonly ip: string | null;
  readonly now: Date;
}

const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/**
 * Wrong passwords are throttled per address *and* client: whoever guesses at someone's address
 * from one place is stopped there, while the owner can still sign in from elsewhere (an account
 * lock would let anyone lock out any member of staff with ten tries).
 */
const THROTTLE_MAX_FAILURES = 10;
/** One client guessing across many addresses (password spraying) is stopped too. */
const THROTTLE_MAX_CLIENT_FAILURES = 30;
export const INVITE_DAYS = 7;
export const RESET_HOURS = 1;

export function idleSince(settings: AuthSettings, now: Date): Date {
  return new Date(now.getTime() - settings.sessionIdleMinutes * 60_000);
}

function actorOf(account: { id: string; email: string }): AuditActor {
  return { id: account.id, email: account.email };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewSession {
  readonly token: string;
  readonly stage: SessionStage;
}

/** A fresh session token; the old one (if any) is dropped, so sign-in always rotates it. */
async function startSession(ctx: AuthContext, userId: string, stage: SessionStage, previousTokenHash: string | null): Promise<NewSession> {
  if (previousTokenHash) await repo.deleteSession(ctx.db, previousTokenHash);
  const token = randomToken();
  await repo.insertSession(ctx.db, {
    tokenHash: sha256(token),
    userId,
    stage,
    expiresAt: new Date(ctx.now.getTime() + ctx.settings.sessionMaxHours * 3600_000),
  });
  return { token, stage };
}

export type SignInResult = { kind: 'signed_in'; session: NewSession } | { kind: 'invalid' } | { kind: 'throttled' };

/** Password step. The answer is the same whether or not the account exists, and costs the same time. */
export async function signIn(ctx: AuthContext, input: { email: string; password: string; previousTokenHash: string | null }): Promise<SignInResult> {
  const email = normaliseEmail(input.email).slice(0, 254);
  const since = new Date(ctx.now.getTime() - THROTTLE_WINDOW_MS);
  const [here, anywhere] = await Promise.all([
    repo.countFailures(ctx.db, 'auth.sign_in', { objectId: email, client: ctx.ip }, since),
    repo.countFailures(ctx.db, 'auth.sign_in', { client: ctx.ip }, since),
  ]);
  const account = await repo.findAccountByEmail(ctx.db, email);
  if (here >= THROTTLE_MAX_FAILURES || anywhere >= THROTTLE_MAX_CLIENT_FAILURES) {
    await recordAudit(ctx.db, { actor: account ? actorOf(account) : null, action: 'auth.sign_in', objectType: 'account', objectId: email, result: 'denied', ip: ctx.ip, detail: { reason: 'throttled' } });
    return { kind: 'throttled' };
  }
  const ok = await verifyPassword(input.password, account?.passwordHash ?? null);
  if (!account || !ok || account.disabled) {
    await recordAudit(ctx.db, {
      actor: account ? actorOf(account) : null,
      action: 'auth.sign_in',
      objectType: 'account',
      objectId: email,
      result: 'failed',
      ip: ctx.ip,
      detail: { reason: !account ? 'unknown_account' : account.disabled ? 'disabled' : 'wrong_password' },
    });
    return { kind: 'invalid' };
  }
  const stage: SessionStage = account.totpEnabled ? 'password' : requiresMfa(account.roles) ? 'enrol' : 'full';
  const session = await startSession(ctx, account.id, stage, input.previousTokenHash);
  await recordAudit(ctx.db, { actor: actorOf(account), action: 'auth.sign_in', objectType: 'account', objectId: email, result: 'ok', ip: ctx.ip, detail: { stage } });
  return { kind: 'signed_in', session };
}

export type SecondFactorResult = { kind: 'signed_in'; session: NewSession; recoveryCodesLeft: number | null } | { kind: 'invalid' } | { kind: 'throttled' };

/** Second step: a TOTP code, or one of the recovery codes. */
export async function verifySecondFactor(ctx: AuthContext, input: { userId: string; code: string; tokenHash: string }): Promise<SecondFactorResult> {
  const account = await repo.findAccountById(ctx.db, input.userId);
  if (!account?.totpSecret || !account.totpEnabled) return { kind: 'invalid' };
  // Only someone who has the password gets here, so the second factor is throttled per account.
  const failures = await repo.countFailures(ctx.db, 'auth.second_factor', { objectId: account.id }, new Date(ctx.now.getTime() - THROTTLE_WINDOW_MS));
  if (failures >= THROTTLE_MAX_FAILURES) {
    await repo.deleteSession(ctx.db, input.tokenHash);
    await recordAudit(ctx.db, { actor: actorOf(account), action: 'auth.second_factor', objectType: 'account', objectId: account.id, result: 'denied', ip: ctx.ip, detail: { reason: 'throttled' } });
    return { kind: 'throttled' };
  }
  let method: 'totp' | 'recovery_code' | null = null;
  const step = matchTotp(account.totpSecret, input.code, ctx.now.getTime());
  if (step !== null && (await repo.useTotpStep(ctx.db, account.id, step, false))) method = 'totp';
  else if (normaliseRecoveryCode(input.code).length === 12 && (await repo.useRecoveryCode(ctx.db, account.id, sha256(normaliseRecoveryCode(input.code))))) {
    method = 'recovery_code';
  }
  if (!method) {
    await recordAudit(ctx.db, { actor: actorOf(account), action: 'auth.second_factor', objectType: 'account', objectId: account.id, result: 'failed', ip: ctx.ip });
    return { kind: 'invalid' };
  }
  const session = await startSession(ctx, account.id, 'full', input.tokenHash);
  await recordAudit(ctx.db, { actor: actorOf(account), action: 'auth.second_factor', objectType: 'account', objectId: account.id, result: 'ok', ip: ctx.ip, detail: { method } });
  return { kind: 'signed_in', session, recoveryCodesLeft: method === 'recovery_code' ? await repo.countUnusedRecoveryCodes(ctx.db, account.id) : null };
}

/** The secret being set up: a new one unless one is pending (so reloading the page keeps the QR code). */
export async function pendingTotpSecret(ctx: AuthContext, userId: string): Promise<string> {
  const account = await repo.findAccountById(ctx.db, userId);
  if (account?.totpSecret && !account.totpEnabled) return account.totpSecret;
  const secret = newTotpSecret();
  await repo.setTotpSecret(ctx.db, userId, secret);
  return secret;
}

export type EnrolResult = { kind: 'enrolled'; session: NewSession; recoveryCodes: string[] } | { kind: 'invalid' };

/** Confirms two-step set-up with a first code; hands out recovery codes once. */
export async function confirmTotp(ctx: AuthContext, input: { userId: string; code: string; tokenHash: string }): Promise<EnrolResult> {
  const account = await repo.findAccountById(ctx.db, input.userId);
  if (!account?.totpSecret || account.totpEnabled) return { kind: 'invalid' };
  const step = matchTotp(account.totpSecret, input.code, ctx.now.getTime());
  if (step === null || !(await repo.useTotpStep(ctx.db, account.id, step, true))) {
    await recordAudit(ctx.db, { actor: actorOf(account), action: 'auth.totp_enrol', objectType: 'account', objectId: account.id, result: 'failed', ip: ctx.ip });
    return { kind: 'invalid' };
  }
  const recoveryCodes = newRecoveryCodes();
  await repo.replaceRecoveryCodes(ctx.db, account.id, recoveryCodes.map((c) => sha256(normaliseRecoveryCode(c))));
  const session = await startSession(ctx, account.id, 'full', input.tokenHash);
  await recordAudit(ctx.db, { actor: actorOf(account), action: 'auth.totp_enrol', objectType: 'account', objectId: account.id, result: 'ok', ip: ctx.ip });
  return { kind: 'enrolled', session, recoveryCodes };
}

export async function signOut(ctx: AuthContext, input: { tokenHash: string; actor: AuditActor; everywhere: boolean }): Promise<void> {
  const removed = input.everywhere ? await repo.deleteSessionsOf(ctx.db, input.actor.id) : (await repo.deleteSession(ctx.db, input.tokenHash), 1);
  await recordAudit(ctx.db, {
    actor: input.actor,
    action: input.everywhere ? 'auth.sign_out_everywhere' : 'auth.sign_out',
    objectType: 'account',
    objectId: input.actor.id,
    result: 'ok',
    ip: ctx.ip,
    detail: { sessions: removed },
  });
}

function link(ctx: AuthContext, token: string): string {
  return `${ctx.settings.publicUrl}/wachtwoord-instellen?token=${token}`;
}

/** Always "done" to the caller; only an existing, enabled account gets an e-mail. */
export async function requestPasswordReset(ctx: AuthContext, input: { email: string }): Promise<void> {
  const email = normaliseEmail(input.email).slice(0, 254);
  await ctx.db.transaction().execute(async (trx) => {
    const account = await repo.findAccountByEmail(trx, email);
    if (!account || account.disabled) {
      await recordAudit(trx, { actor: null, action: 'auth.reset_request', objectType: 'account', objectId: email, result: 'failed', ip: ctx.ip, detail: { reason: 'unknown_account' } });
      return;
    }
    const token = randomToken();
    await repo.insertToken(trx, { tokenHash: sha256(token), userId: account.id, purpose: 'reset', expiresAt: new Date(ctx.now.getTime() + RESET_HOURS * 3600_000) });
    await queueEmail(trx, {
      purpose: 'password_reset',
      to: account.email,
      subject: `${ctx.settings.siteName}: nieuw wachtwoord / new password`,
      text: bilingual((t) => t('auth.mail.reset', { link: link(ctx, token), hours: RESET_HOURS, site: ctx.settings.siteName })),
      privateLink: true,
    });
    await recordAudit(trx, { actor: actorOf(account), action: 'auth.reset_request', objectType: 'account', objectId: account.id, result: 'ok', ip: ctx.ip });
  });
}

export type LinkState = Awaited<ReturnType<typeof repo.findToken>>;

export async function checkLink(ctx: AuthContext, token: string): Promise<LinkState> {
  return repo.findToken(ctx.db, sha256(token), ctx.now);
}

export type SetPasswordResult = { kind: 'done'; email: string } | { kind: 'link'; state: Exclude<LinkState, { kind: 'valid' }> } | { kind: 'weak'; problem: PasswordProblem };

/** Invitation and reset links both end here: one new password, all sessions signed out. */
export async function setPasswordWithLink(ctx: AuthContext, input: { token: string; password: string }): Promise<SetPasswordResult> {
  const tokenHash = sha256(input.token);
  const state = await repo.findToken(ctx.db, tokenHash, ctx.now);
  if (state.kind !== 'valid') return { kind: 'link', state };
  const account = await repo.findAccountById(ctx.db, state.userId);
  if (!account) return { kind: 'link', state: { kind: 'unknown' } };
  const problem = passwordProblem(input.password, [account.email, account.displayName]);
  if (problem) return { kind: 'weak', problem };
  const hash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx): Promise<SetPasswordResult> => {
    if (!(await repo.consumeToken(trx, tokenHash, ctx.now))) return { kind: 'link', state: { kind: 'used' } };
    await repo.setPasswordHash(trx, account.id, hash);
    const sessions = await repo.deleteSessionsOf(trx, account.id);
    await recordAudit(trx, { actor: actorOf(account), action: state.purpose === 'invite' ? 'auth.invite_accept' : 'auth.password_reset', objectType: 'account', objectId: account.id, result: 'ok', ip: ctx.ip, detail: { sessions } });
    return { kind: 'done', email: account.email };
  });
}

export interface Invitation {
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly organizationIds: readonly string[];
  readonly municipalityCodes: readonly string[];
}

export type InviteResult = { kind: 'invited'; userId: string; link: string } | { kind: 'exists' };

/** Creates the account without a password and e-mails a single-use link to choose one. */
export async function inviteUser(ctx: AuthContext, input: { invitation: Invitation; actor: AuditActor | null }): Promise<InviteResult> {
  const email = normaliseEmail(input.invitation.email);
  return ctx.db.transaction().execute(async (trx): Promise<InviteResult> => {
    if (await repo.findAccountByEmail(trx, email)) return { kind: 'exists' };
    const userId = await repo.insertAccount(trx, { ...input.invitation, email });
    const url = await issueInvite(trx, ctx, { id: userId, email });
    await recordAudit(trx, { actor: input.actor, action: 'user.invite', objectType: 'account', objectId: userId, result: 'ok', ip: ctx.ip, detail: { roles: input.invitation.roles } });
    return { kind: 'invited', userId, link: url };
  });
}

/** A new invitation link (the old one stops working), sent by e-mail; returns the link. */
export async function issueInvite(db: Kysely<DB>, ctx: AuthContext, account: { id: string; email: string }): Promise<string> {
  const token = randomToken();
  await repo.insertToken(db, { tokenHash: sha256(token), userId: account.id, purpose: 'invite', expiresAt: new Date(ctx.now.getTime() + INVITE_DAYS * 86400_000) });
  const url = link(ctx, token);
  await queueEmail(db, {
    purpose: 'invite',
    to: account.email,
    subject: `${ctx.settings.siteName}: uitnodiging / invitation`,
    text: bilingual((t) => t('auth.mail.invite', { link: url, days: INVITE_DAYS, site: ctx.settings.siteName })),
    privateLink: true,
  });
  return url;
}
