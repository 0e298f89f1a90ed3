import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { cookiesFrom, createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser } from '../../../test/auth.ts';
import { formSession } from '../services/services.fixtures.ts';
import { inviteUser, type AuthContext } from './auth.service.ts';
import { totpCodeAt } from './totp.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';

const PASSWORD = 'fiets onder de lindeboom';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const found = cookiesFrom(setCookie)
    .split('; ')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  assert.ok(found, 'no session cookie set');
  return found;
}

describe('sign-in, two-step verification and password links (integration)', () => {
  let t: TestApp;
  let ctx: AuthContext;
  before(async () => {
    t = await createTestApp();
    ctx = { db: t.database.db, settings: { sessionIdleMinutes: 30, sessionMaxHours: 12, publicUrl: 'http://localhost', siteName: 'Wegwijzer' }, ip: null, now: new Date() };
  });
  after(async () => t.close());

  async function post(url: string, form: Record<string, string>, cookie = '', page = url.split('?')[0] ?? url) {
    const s = await formSession(t, page, cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie }, payload: { ...form, _csrf: s.token } });
  }

  async function invite(email: string, roles: ('staff' | 'professional')[]): Promise<string> {
    const result = await inviteUser({ ...ctx, now: new Date() }, { invitation: { email, displayName: 'Sam', roles, organizationIds: [], municipalityCodes: [] }, actor: null });
    assert.equal(result.kind, 'invited');
    const mail = await t.database.db.selectFrom('outbox_email').select(['to_address', 'text_body', 'purpose']).where('to_address', '=', email).executeTakeFirstOrThrow();
    assert.equal(mail.purpose, 'invite');
    const token = /wachtwoord-instellen\?token=([\w-]+)/.exec(mail.text_body)?.[1];
    assert.ok(token, 'the invitation mail holds the link');
    assert.match(mail.text_body, /English/);
    return token;
  }

  it('takes an invited staff member through password, two-step set-up, the back office and sign-out', async () => {
    const token = await invite('sam@example.nl', ['staff']);
    const form = await t.app.inject({ url: `/wachtwoord-instellen?token=${token}` });
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['referrer-policy'], 'no-referrer');

    const weak = await post('/wachtwoord-instellen', { token, password: 'password1234', repeat: 'password1234' }, '', `/wachtwoord-instellen?token=${token}`);
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /te makkelijk te raden/);
    const mismatch = await post('/wachtwoord-instellen', { token, password: PASSWORD, repeat: 'iets anders hier' }, '', `/wachtwoord-instellen?token=${token}`);
    assert.match(mismatch.body, /niet hetzelfde/);
    const set = await post('/wachtwoord-instellen', { token, password: PASSWORD, repeat: PASSWORD }, '', `/wachtwoord-instellen?token=${token}`);
    assert.equal(set.statusCode, 200);
    assert.match(set.body, /Je wachtwoord is opgeslagen/);
    const again = await t.app.inject({ url: `/wachtwoord-instellen?token=${token}` });
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /al gebruikt/);

    const signIn = await post('/inloggen', { email: 'SAM@example.nl ', password: PASSWORD, terug: '/beheer' });
    assert.equal(signIn.statusCode, 303);
    assert.equal(signIn.headers.location, '/account/tweestaps');
    const pending = sessionCookie(signIn.headers['set-cookie']);
    // Until two-step verification is set up, the back office sends you back to set it up.
    const blocked = await t.app.inject({ url: '/beheer', headers: { cookie: pending } });
    assert.equal(blocked.headers.location, '/account/tweestaps');

    const enrol = await t.app.inject({ url: '/account/tweestaps', headers: { cookie: pending } });
    assert.equal(enrol.statusCode, 200);
    assert.match(enrol.body, /<img src="data:image\/png;base64,/);
    const secret = /<code class="ww-secret">([A-Z2-7 ]+)<\/code>/.exec(enrol.body)?.[1]?.replace(/ /g, '');
    assert.ok(secret);
    const wrong = await post('/account/tweestaps', { code: '000000' }, pending);
    assert.equal(wrong.statusCode, 400);
    const confirmed = await post('/account/tweestaps', { code: totpCodeAt(secret, Date.now()) }, pending);
    assert.equal(confirmed.statusCode, 200);
    const codes = [...confirmed.body.matchAll(/<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/code>/g)].map((m) => m[1] ?? '');
    assert.equal(codes.length, 10);
    const full = sessionCookie(confirmed.headers['set-cookie']);
    assert.notEqual(full, pending, 'the session token is rotated when the session gains rights');
    assert.equal((await t.app.inject({ url: '/beheer', headers: { cookie: pending } })).statusCode, 303, 'the old token is dead');
    const home = await t.app.inject({ url: '/beheer', headers: { cookie: full } });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Welkom, Sam/);

    const out = await post('/uitloggen', {}, full, '/beheer');
    assert.equal(out.headers.location, '/inloggen?uitgelogd=1');
    assert.equal((await t.app.inject({ url: '/beheer', headers: { cookie: full } })).headers.location, '/inloggen?terug=%2Fbeheer');

    // Next time: password, then a code; a recovery code works once.
    const second = await post('/inloggen', { email: 'sam@example.nl', password: PASSWORD, terug: '/beheer' });
    assert.equal(second.headers.location, '/inloggen/code?terug=%2Fbeheer');
    const halfway = sessionCookie(second.headers['set-cookie']);
    const recovery = codes[3] ?? '';
    const used = await post('/inloggen/code', { code: recovery.toUpperCase(), terug: '/beheer' }, halfway, '/inloggen/code');
    assert.equal(used.statusCode, 303);
    assert.equal(used.headers.location, '/account?herstelcodes=9');
    const third = await post('/inloggen', { email: 'sam@example.nl', password: PASSWORD });
    const reuse = await post('/inloggen/code', { code: recovery }, sessionCookie(third.headers['set-cookie']), '/inloggen/code');
    assert.equal(reuse.statusCode, 400);

    const actions = await t.database.db.selectFrom('audit_event').select(['action', 'result']).where('actor_email', '=', 'sam@example.nl').orderBy('id').execute();
    const seen = actions.map((a) => `${a.action}:${a.result}`);
    for (const expected of ['auth.invite_accept:ok', 'auth.sign_in:ok', 'auth.totp_enrol:failed', 'auth.totp_enrol:ok', 'auth.sign_out:ok', 'auth.second_factor:ok', 'auth.second_factor:failed']) {
      assert.ok(seen.includes(expected), `audit has ${expected}`);
    }
  });

  it('gives the same answer for a wrong password and an unknown account, and throttles both', async () => {
    await invite('kim@example.nl', ['professional']);
    const wrong = await post('/inloggen', { email: 'kim@example.nl', password: 'not the password at all' });
    const unknown = await post('/inloggen', { email: 'nobody@example.nl', password: 'not the password at all' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(unknown.statusCode, 400);
    const message = (body: string) => /<div class="utrecht-alert[^>]*><p class="utrecht-paragraph">([^<]+)</.exec(body)?.[1];
    assert.equal(message(wrong.body), message(unknown.body));
    // Ten failures in 15 minutes from this client: refused for a while, whether or not the account exists.
    for (const email of ['kim@example.nl', 'nobody@example.nl']) {
      await t.database.db.insertInto('audit_event').values(Array.from({ length: 10 }, () => ({ action: 'auth.sign_in', object_type: 'account', object_id: email, result: 'failed' as const, actor_id: null, actor_email: null, ip: '127.0.0.0/24' }))).execute();
      const res = await post('/inloggen', { email, password: 'whatever it is now' });
      assert.equal(res.statusCode, 429);
      assert.match(res.body, /te vaak/);
    }
  });

  it('throttles wrong passwords per address and client: ten from one place do not lock the owner out elsewhere', async () => {
    const token = await invite('noor@example.nl', ['professional']);
    const set = await post('/wachtwoord-instellen', { token, password: PASSWORD, repeat: PASSWORD }, '', `/wachtwoord-instellen?token=${token}`);
    assert.equal(set.statusCode, 200);
    const from = async (remoteAddress: string, password: string) => {
      const page = await t.app.inject({ url: '/inloggen', remoteAddress });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      return t.app.inject({
        method: 'POST',
        url: '/inloggen',
        remoteAddress,
        headers: { cookie: cookiesFrom(page.headers['set-cookie']) },
        payload: { _csrf: csrf, email: 'noor@example.nl', password },
      });
    };
    for (let i = 0; i < 5; i++) assert.equal((await from('203.0.113.9', `wrong guess number ${i}`)).statusCode, 400);
    // Five more wrong guesses from the same network (the route's own rate limit would stop an eleventh request).
    await t.database.db.insertInto('audit_event').values(Array.from({ length: 5 }, () => ({ action: 'auth.sign_in', object_type: 'account', object_id: 'noor@example.nl', result: 'failed' as const, actor_id: null, actor_email: null, ip: '203.0.113.0/24' }))).execute();
    const attacker = await from('203.0.113.9', PASSWORD);
    assert.equal(attacker.statusCode, 429, 'the guessing client is stopped, even with the right password');
    assert.match(attacker.body, /te vaak/);
    const owner = await from('198.51.100.20', PASSWORD);
    assert.equal(owner.statusCode, 303, 'the owner signs in from elsewhere');
  });

  it('throttles one client guessing across many addresses', async () => {
    await t.database.db
      .insertInto('audit_event')
      .values(Array.from({ length: 30 }, (_, i) => ({ action: 'auth.sign_in', object_type: 'account', object_id: `sprayed-${i}@example.nl`, result: 'failed' as const, actor_id: null, actor_email: null, ip: '192.0.2.0/24' })))
      .execute();
    const page = await t.app.inject({ url: '/inloggen', remoteAddress: '192.0.2.44' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const res = await t.app.inject({
      method: 'POST',
      url: '/inloggen',
      remoteAddress: '192.0.2.44',
      headers: { cookie: cookiesFrom(page.headers['set-cookie']) },
      payload: { _csrf: csrf, email: 'another-one@example.nl', password: 'some password here' },
    });
    assert.equal(res.statusCode, 429);
    assert.match(res.body, /te vaak/);
  });

  it('validates the sign-in form per field', async () => {
    const res = await post('/inloggen?lang=en', { email: 'not-an-address', password: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#inloggen-email"/);
    assert.match(res.body, /Enter a valid e-mail address/);
    assert.match(res.body, /Enter your password/);
    assert.match(res.body, /value="not-an-address"/);
  });

  it('answers a reset request the same way for known and unknown addresses; only a known one gets mail', async () => {
    await invite('lou@example.nl', ['professional']);
    const before = await t.database.db.selectFrom('outbox_email').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const known = await post('/wachtwoord-vergeten', { email: 'lou@example.nl' });
    const unknown = await post('/wachtwoord-vergeten', { email: 'nobody-here@example.nl' });
    assert.equal(known.statusCode, 200);
    assert.equal(known.body.replace(/value="[^"]*"/g, ''), unknown.body.replace(/value="[^"]*"/g, ''));
    const afterCount = await t.database.db.selectFrom('outbox_email').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n) - Number(before.n), 1);
    const mail = await t.database.db.selectFrom('outbox_email').select('text_body').where('purpose', '=', 'password_reset').executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.text_body)?.[1] ?? '';
    await t.database.db.updateTable('account_token').set({ expires_at: new Date(Date.now() - 1000) }).where('purpose', '=', 'reset').execute();
    const expired = await t.app.inject({ url: `/wachtwoord-instellen?token=${token}` });
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /verlopen/);
    const forged = await t.app.inject({ url: '/wachtwoord-instellen?token=forged-token' });
    assert.equal(forged.statusCode, 410);
    assert.match(forged.body, /klopt niet/);
  });

  it('ends idle sessions, and signs out everywhere', async () => {
    const user = await createTestUser(t.database.db, { roles: ['editor'] });
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: user.cookie } })).statusCode, 200);
    const other = await createTestUser(t.database.db, { roles: ['editor'] });
    await t.database.db.updateTable('user_session').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('user_id', '=', other.id).execute();
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: other.cookie } })).statusCode, 303);

    await t.database.db.insertInto('user_session').values({ token_hash: 'second-device', user_id: user.id, stage: 'full', expires_at: new Date(Date.now() + 3600_000) }).execute();
    const res = await post('/account/overal-uitloggen', {}, user.cookie, '/account');
    assert.equal(res.statusCode, 303);
    const left = await t.database.db.selectFrom('user_session').select('token_hash').where('user_id', '=', user.id).execute();
    assert.equal(left.length, 0);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await t.database.db.insertInto('audit_event').values({ action: 'test.append', result: 'ok', actor_id: null, actor_email: null, object_type: null, object_id: null, ip: null }).execute();
    await assert.rejects(t.database.db.updateTable('audit_event').set({ action: 'changed' }).execute(), /append-only/);
    await assert.rejects(t.database.db.deleteFrom('audit_event').execute(), /append-only/);
    await assert.rejects(sql`truncate audit_event`.execute(t.database.db), /append-only/);
  });
});
