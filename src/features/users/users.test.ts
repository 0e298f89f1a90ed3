import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser, type TestUser } from '../../../test/auth.ts';
import { hashPassword } from '../auth/password.ts';
import { insertAccount } from '../auth/auth.repository.ts';
import { formSession, postForm } from '../beheer/beheer.testkit.ts';

const count = async (t: TestApp, table: 'app_user' | 'outbox_email' | 'user_session' | 'audit_event') =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const auditOf = (t: TestApp, action: string) => t.database.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id', 'desc').execute();

describe('user administration', () => {
  let t: TestApp;
  let admin: TestUser;
  let orgId: string;
  before(async () => {
    t = await createTestApp();
    admin = await createTestUser(t.database.db, { roles: ['admin'] });
    const org = await t.database.db.insertInto('organization').values({ name: 'Stichting Test' }).returning('id').executeTakeFirstOrThrow();
    orgId = org.id;
  });
  after(async () => t.close());

  const invite = async (fields: Record<string, string | string[]>) => {
    const s = await formSession(t, admin.cookie, '/beheer/gebruikers/nieuw');
    return postForm(t, s, '/beheer/gebruikers/nieuw', fields);
  };

  it('gives a message per field on the invite form, keeps what was typed and saves nothing', async () => {
    const users = await count(t, 'app_user');
    const empty = await invite({});
    assert.equal(empty.statusCode, 400);
    for (const text of ['Vul het e-mailadres in.', 'Vul de naam in.', 'Kies minstens één rol.']) assert.ok(empty.body.includes(text), text);
    assert.match(empty.body, /href="#gebruiker-email"/);
    const bad = await invite({ email: 'geen-adres', naam: 'x'.repeat(121), rollen: ['provider_editor', 'municipality_analyst'] });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('Vul een geldig e-mailadres in'));
    assert.ok(bad.body.includes('hoogstens 120 tekens'));
    assert.ok(bad.body.includes('Kies minstens één organisatie'));
    assert.ok(bad.body.includes('Kies minstens één gemeente'));
    assert.match(bad.body, /value="geen-adres"/);
    assert.match(bad.body, /value="provider_editor" checked/);
    const unknown = await invite({ email: 'a@example.org', naam: 'A', rollen: ['provider_editor', 'municipality_analyst'], organisaties: '00000000-0000-4000-8000-000000000000', gemeenten: 'GM9999' });
    assert.ok(unknown.body.includes('Een gekozen organisatie bestaat niet'));
    assert.ok(unknown.body.includes('Een gekozen gemeente bestaat niet'));
    assert.equal(await count(t, 'app_user'), users, 'nothing saved');
  });

  it('says so in English too', async () => {
    const s = await formSession(t, `${admin.cookie}; lang=en`, '/beheer/gebruikers/nieuw');
    const res = await postForm(t, s, '/beheer/gebruikers/nieuw', { email: '' });
    assert.ok(res.body.includes('Enter the e-mail address.'));
  });

  it('invites with roles and scopes; the mailed link works once, then says it was used', async () => {
    const res = await invite({ email: 'Nieuw@Example.org', naam: 'Nieuwe Aanbieder', rollen: ['provider_editor'], organisaties: orgId, gemeenten: 'GM0518' });
    assert.equal(res.statusCode, 303);
    const id = /\/beheer\/gebruikers\/([0-9a-f-]{36})\?uitgenodigd=1/.exec(String(res.headers.location))?.[1];
    assert.ok(id);
    const user = await t.database.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(user.email, 'nieuw@example.org');
    assert.deepEqual(user.roles, ['provider_editor']);
    const orgs = await t.database.db.selectFrom('user_organization').select('organization_id').where('user_id', '=', id).execute();
    assert.deepEqual(orgs.map((o) => o.organization_id), [orgId]);
    const municipalities = await t.database.db.selectFrom('user_municipality').selectAll().where('user_id', '=', id).execute();
    assert.equal(municipalities.length, 0, 'a municipality scope without the analyst role is dropped');
    const [audit] = await auditOf(t, 'user.invite');
    assert.equal(audit?.object_id, id);
    assert.equal(audit?.actor_id, admin.id);

    const mail = await t.database.db.selectFrom('outbox_email').selectAll().where('to_address', '=', 'nieuw@example.org').executeTakeFirstOrThrow();
    assert.equal(mail.purpose, 'invite');
    const link = /https?:\/\/\S+\/wachtwoord-instellen\?token=(\S+)/.exec(mail.text_body);
    assert.ok(link?.[1], 'the mail holds the link');
    const url = `/wachtwoord-instellen?token=${link[1]}`;
    const page = await t.app.inject({ url });
    assert.equal(page.statusCode, 200);
    const s = await formSession(t, '', url);
    const password = 'lange zin met paarse olifanten 42';
    const done = await postForm(t, s, '/wachtwoord-instellen', { token: link[1], password, repeat: password });
    assert.equal(done.statusCode, 200);
    const again = await postForm(t, s, '/wachtwoord-instellen', { token: link[1], password, repeat: password });
    assert.equal(again.statusCode, 410);
    assert.ok(again.body.includes('Deze link is al gebruikt'));

    const dup = await invite({ email: 'nieuw@example.org', naam: 'Twee', rollen: ['professional'] });
    assert.equal(dup.statusCode, 400);
    assert.ok(dup.body.includes('Er is al een account met dit e-mailadres'));
  });

  it('an expired invitation link says it has expired', async () => {
    const res = await invite({ email: 'laat@example.org', naam: 'Laat', rollen: ['professional'] });
    assert.equal(res.statusCode, 303);
    const mail = await t.database.db.selectFrom('outbox_email').select('text_body').where('to_address', '=', 'laat@example.org').executeTakeFirstOrThrow();
    const token = /token=(\S+)/.exec(mail.text_body)?.[1];
    assert.ok(token);
    await t.database.db.updateTable('account_token').set({ expires_at: new Date(Date.now() - 1000) }).where('purpose', '=', 'invite').execute();
    const page = await t.app.inject({ url: `/wachtwoord-instellen?token=${token}` });
    assert.equal(page.statusCode, 410);
    assert.ok(page.body.includes('Deze link is verlopen'));
  });

  it('edits roles and scopes with per-field messages, and audits the change', async () => {
    const target = await createTestUser(t.database.db, { roles: ['professional'] });
    const url = `/beheer/gebruikers/${target.id}`;
    const s = await formSession(t, admin.cookie, url);
    const bad = await postForm(t, s, url, { naam: '', rollen: ['municipality_analyst'] });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('Vul de naam in.'));
    assert.ok(bad.body.includes('Kies minstens één gemeente'));
    const unchanged = await t.database.db.selectFrom('app_user').select('roles').where('id', '=', target.id).executeTakeFirstOrThrow();
    assert.deepEqual(unchanged.roles, ['professional']);
    const ok = await postForm(t, s, url, { naam: 'Analist', rollen: ['municipality_analyst'], gemeenten: ['GM0518', 'GM0599'] });
    assert.equal(ok.statusCode, 303);
    const row = await t.database.db.selectFrom('app_user').select(['roles', 'display_name']).where('id', '=', target.id).executeTakeFirstOrThrow();
    assert.deepEqual(row.roles, ['municipality_analyst']);
    const codes = await t.database.db.selectFrom('user_municipality').select('municipality_code').where('user_id', '=', target.id).orderBy('municipality_code').execute();
    assert.deepEqual(codes.map((c) => c.municipality_code), ['GM0518', 'GM0599']);
    const [audit] = await auditOf(t, 'user.update');
    assert.equal(audit?.object_id, target.id);
    assert.deepEqual((audit?.detail as { fields: string[] }).fields, ['display_name', 'roles', 'municipalities']);
  });

  it('an admin cannot demote or disable themselves', async () => {
    const url = `/beheer/gebruikers/${admin.id}`;
    const s = await formSession(t, admin.cookie, url);
    const demote = await postForm(t, s, url, { naam: 'Ik', rollen: ['editor'] });
    assert.equal(demote.statusCode, 400);
    assert.ok(demote.body.includes('Je kunt de rol Beheerder niet van jezelf afhalen'));
    const disable = await postForm(t, s, `${url}/uitzetten`, {});
    assert.equal(disable.statusCode, 409);
    assert.ok(disable.body.includes('Je kunt je eigen account niet uitzetten'));
    const me = await t.database.db.selectFrom('app_user').select(['roles', 'disabled_at']).where('id', '=', admin.id).executeTakeFirstOrThrow();
    assert.deepEqual(me.roles, ['admin']);
    assert.equal(me.disabled_at, null);
    assert.equal((await auditOf(t, 'user.disable'))[0]?.result, 'denied');
  });

  it('disabling ends every session at once and refuses sign-in; enabling lets them in again', async () => {
    const email = 'medewerker@example.org';
    const password = 'een heel lang wachtwoord voor de test';
    const id = await insertAccount(t.database.db, { email, displayName: 'M', roles: ['professional'], organizationIds: [], municipalityCodes: [] }, await hashPassword(password));
    const signIn = async () => {
      const s = await formSession(t, '', '/inloggen');
      return postForm(t, s, '/inloggen', { email, password });
    };
    assert.equal((await signIn()).statusCode, 303);
    assert.equal((await signIn()).statusCode, 303);
    const sessions = () => t.database.db.selectFrom('user_session').select('token_hash').where('user_id', '=', id).execute();
    assert.equal((await sessions()).length, 2);
    const s = await formSession(t, admin.cookie, `/beheer/gebruikers/${id}`);
    const res = await postForm(t, s, `/beheer/gebruikers/${id}/uitzetten`, {});
    assert.equal(res.statusCode, 303);
    assert.equal((await sessions()).length, 0);
    const refused = await signIn();
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.body.includes('Het e-mailadres of het wachtwoord klopt niet'));
    assert.equal((await auditOf(t, 'user.disable'))[0]?.result, 'ok');
    assert.equal((await postForm(t, s, `/beheer/gebruikers/${id}/aanzetten`, {})).statusCode, 303);
    assert.equal((await signIn()).statusCode, 303);
  });

  it('resends an invitation (the old link stops working) and resets two-step verification', async () => {
    const res = await invite({ email: 'opnieuw@example.org', naam: 'Opnieuw', rollen: ['staff'] });
    const id = /gebruikers\/([0-9a-f-]{36})/.exec(String(res.headers.location))?.[1] ?? '';
    const s = await formSession(t, admin.cookie, `/beheer/gebruikers/${id}`);
    assert.equal((await postForm(t, s, `/beheer/gebruikers/${id}/uitnodiging`, {})).statusCode, 303);
    const mails = await t.database.db.selectFrom('outbox_email').select('text_body').where('to_address', '=', 'opnieuw@example.org').orderBy('created_at').execute();
    assert.equal(mails.length, 2);
    const first = /token=(\S+)/.exec(mails[0]?.text_body ?? '')?.[1];
    assert.equal((await t.app.inject({ url: `/wachtwoord-instellen?token=${first}` })).statusCode, 410);

    await t.database.db.updateTable('app_user').set({ totp_secret: 'JBSWY3DPEHPK3PXP', totp_enabled_at: new Date(), totp_last_step: 5 }).where('id', '=', id).execute();
    await t.database.db.insertInto('recovery_code').values({ user_id: id, code_hash: 'x' }).execute();
    assert.equal((await postForm(t, s, `/beheer/gebruikers/${id}/tweestaps-herstellen`, {})).statusCode, 303);
    const row = await t.database.db.selectFrom('app_user').select(['totp_secret', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.totp_secret, null);
    assert.equal(row.totp_enabled_at, null);
    assert.equal((await t.database.db.selectFrom('recovery_code').selectAll().where('user_id', '=', id).execute()).length, 0);
    assert.equal((await auditOf(t, 'user.totp_reset'))[0]?.object_id, id);
  });

  it('ids of objects that do not exist give 404 and change nothing', async () => {
    const s = await formSession(t, admin.cookie, '/beheer/gebruikers/nieuw');
    const [users, audits] = [await count(t, 'app_user'), await count(t, 'audit_event')];
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
      const url = `/beheer/gebruikers/${encodeURIComponent(id)}`;
      assert.equal((await t.app.inject({ url, headers: { cookie: admin.cookie } })).statusCode, 404);
      assert.equal((await postForm(t, s, url, { naam: 'X', rollen: ['admin'] })).statusCode, 404);
      for (const act of ['uitzetten', 'aanzetten', 'uitnodiging', 'tweestaps-herstellen']) assert.equal((await postForm(t, s, `${url}/${act}`, {})).statusCode, 404, act);
    }
    assert.equal(await count(t, 'app_user'), users);
    assert.equal(await count(t, 'audit_event'), audits);
  });

  it('lists users with filters and pages', async () => {
    const list = await t.app.inject({ url: '/beheer/gebruikers?rol=municipality_analyst', headers: { cookie: admin.cookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Analist/);
    assert.doesNotMatch(list.body, /Nieuwe Aanbieder/);
    const text = await t.app.inject({ url: '/beheer/gebruikers?q=AANBIEDER&status=all', headers: { cookie: admin.cookie } });
    assert.match(text.body, /nieuw@example\.org/);
    assert.equal((text.body.match(/data-user=/g) ?? []).length, 1);
    const odd = await t.app.inject({ url: '/beheer/gebruikers?q=%25&rol=nonsense&pagina=-3', headers: { cookie: admin.cookie } });
    assert.equal(odd.statusCode, 200);
    assert.equal((odd.body.match(/data-user=/g) ?? []).length, 0, 'a % matches literally');
  });
});
