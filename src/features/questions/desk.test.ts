import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../db/schema.ts';
import { demoId } from '../../demo/seed.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser, type TestUser } from '../../../test/auth.ts';
import { demoTemplate } from '../../../test/db.ts';
import { formSession } from '../services/services.fixtures.ts';
import { askApi, followUpPath } from './questions.fixtures.ts';

const ROLES: Role[] = ['professional', 'provider_editor', 'staff', 'editor', 'municipality_analyst', 'admin'];
const ALLOWED: Role[] = ['staff', 'admin'];
const SERVICE = demoId.service('demo-svc-a001');

describe('the question desk', () => {
  let t: TestApp;
  let users: Record<Role, TestUser>;
  let question: { id: string; followUpUrl: string };
  const audits = (action: string, id: string) =>
    t.database.db.selectFrom('audit_event').selectAll().where('action', '=', action).where('object_id', '=', id).execute();

  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { DEMO_DATA: 'on', PUBLIC_WRITE_RATE_LIMIT: '1000' } });
    users = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await createTestUser(t.database.db, { roles: [r] })] as const))) as Record<Role, TestUser>;
    question = (await askApi(t, { email: 'vrager@example.org', gemeente: 'GM0518' })).json;
  });
  after(async () => t.close());

  it('authorisation: every desk route × every role — only staff and admin get in; signed-out goes to sign-in', async () => {
    const id = question.id;
    const routes = [
      { method: 'GET' as const, url: '/beheer/vragen' },
      { method: 'GET' as const, url: `/beheer/vragen/${id}` },
      { method: 'POST' as const, url: `/beheer/vragen/${id}/toewijzen`, payload: { assignee: users.staff.id } },
      { method: 'POST' as const, url: `/beheer/vragen/${id}/notitie`, payload: { text: 'Interne notitie hier' } },
      { method: 'POST' as const, url: `/beheer/vragen/${id}/antwoord`, payload: { text: 'Een antwoord van de balie', next: 'answered' } },
      { method: 'POST' as const, url: `/beheer/vragen/${id}/sluiten`, payload: {} },
    ];
    const seen: string[] = [];
    for (const route of routes) {
      for (const role of [...ROLES, null]) {
        const user = role ? users[role] : null;
        const form = route.method === 'POST' && user && ALLOWED.includes(role as Role) ? await formSession(t, `/beheer/vragen/${id}`, user.cookie) : null;
        const res = await t.app.inject({
          method: route.method,
          url: route.url,
          headers: { cookie: form?.cookie ?? user?.cookie ?? '' },
          ...(route.method === 'POST' ? { payload: { ...route.payload, _csrf: form?.token ?? 'x' } } : {}),
        });
        const expected = role === null ? 303 : ALLOWED.includes(role) ? (route.method === 'GET' ? 200 : 303) : 403;
        seen.push(`${route.method} ${route.url.replace(id, ':id')} ${role ?? 'signed-out'} ${res.statusCode}`);
        assert.equal(res.statusCode, expected, `${route.method} ${route.url} as ${role ?? 'signed-out'}`);
        if (role === null) assert.match(String(res.headers.location), /^\/inloggen/);
      }
    }
    assert.equal(seen.length, routes.length * 7);
    // Denied attempts are audited as denied, and never as a read.
    const reads = await audits('question.read', id);
    assert.ok(reads.every((r) => ALLOWED.some((role) => r.actor_id === users[role].id)));
    const denied = await t.database.db.selectFrom('audit_event').select('actor_id').where('action', '=', 'access.denied').execute();
    assert.ok(denied.length >= 4 * routes.length);
  });

  it('no other route shows a question to anyone without the permission', async () => {
    for (const role of ROLES.filter((r) => !ALLOWED.includes(r))) {
      const cookie = users[role].cookie;
      for (const url of [`/vraag/volg/${question.id}`, `/api/v1/questions/${question.id}`, `/beheer/vragen?code=AAAA-AAAA`]) {
        const res = await t.app.inject({ url, headers: { cookie } });
        assert.ok([403, 404].includes(res.statusCode), `${url} as ${role}: ${res.statusCode}`);
        assert.doesNotMatch(res.body, /ouderschapsplan/);
      }
    }
  });

  it('every opening of a question writes a question.read audit row; notes never reach the asker', async () => {
    const { json } = await askApi(t, { text: 'Een vraag om te openen, met inhoud.' });
    const staff = users.staff;
    const before = (await audits('question.read', json.id)).length;
    await t.app.inject({ url: `/beheer/vragen/${json.id}`, headers: { cookie: staff.cookie } });
    await t.app.inject({ url: `/beheer/vragen/${json.id}`, headers: { cookie: staff.cookie } });
    const reads = await audits('question.read', json.id);
    assert.equal(reads.length, before + 2);
    assert.ok(reads.every((r) => r.actor_id === staff.id && r.result === 'ok'));
    assert.ok(reads.every((r) => !JSON.stringify(r.detail).includes('inhoud')));

    const f = await formSession(t, `/beheer/vragen/${json.id}`, staff.cookie);
    const note = await t.app.inject({ method: 'POST', url: `/beheer/vragen/${json.id}/notitie`, headers: { cookie: f.cookie }, payload: { _csrf: f.token, text: 'GEHEIME notitie voor collega' } });
    assert.equal(note.statusCode, 303);
    assert.equal((await audits('question.note', json.id)).length, 1);
    const page = await t.app.inject({ url: followUpPath(json.followUpUrl) });
    assert.doesNotMatch(page.body, /GEHEIME/);
  });

  it('assign, reply with a suggested offering, close: statuses move, each write is audited, the mail carries no content', async () => {
    const { json } = await askApi(t, { email: 'antwoord@example.org' });
    const staff = users.staff;
    const f = await formSession(t, `/beheer/vragen/${json.id}`, staff.cookie);
    const post = (path: string, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/beheer/vragen/${json.id}/${path}`, headers: { cookie: f.cookie }, payload: { _csrf: f.token, ...payload } });
    const status = async () => (await t.database.db.selectFrom('question').select('status').where('id', '=', json.id).executeTakeFirstOrThrow()).status;

    assert.equal((await post('toewijzen', { assignee: users.editor.id })).statusCode, 400, 'an editor cannot be assigned');
    assert.equal((await post('toewijzen', { assignee: users.admin.id })).statusCode, 303);
    assert.equal(await status(), 'in_progress');
    assert.equal((await post('antwoord', { text: 'Kijk eens hier', serviceIds: 'not-an-id' })).statusCode, 400);
    assert.equal((await post('antwoord', { text: 'Kijk eens hier', serviceIds: '00000000-0000-4000-8000-000000000000' })).statusCode, 400);
    assert.equal((await post('antwoord', { text: 'Kijk eens naar dit aanbod', services: SERVICE, next: 'waiting' })).statusCode, 303);
    assert.equal(await status(), 'waiting');
    const page = await t.app.inject({ url: followUpPath(json.followUpUrl) });
    assert.match(page.body, /Kijk eens naar dit aanbod/);
    assert.match(page.body, new RegExp(`href="/aanbod/${SERVICE}"`));
    const mail = await t.database.db.selectFrom('outbox_email').selectAll().where('purpose', '=', 'question_answered').where('to_address', '=', 'antwoord@example.org').executeTakeFirstOrThrow();
    assert.doesNotMatch(mail.text_body, /Kijk eens/);
    assert.doesNotMatch(mail.text_body, /vraag\/volg/);
    assert.equal((await post('sluiten', {})).statusCode, 303);
    assert.equal(await status(), 'closed');
    for (const action of ['question.assign', 'question.reply', 'question.close']) assert.equal((await audits(action, json.id)).length, 1, action);
  });

  it('checks question ids in paths: malformed and unknown are 404 and change nothing', async () => {
    const staff = users.staff;
    const f = await formSession(t, `/beheer/vragen/${question.id}`, staff.cookie);
    for (const id of ['1 or 1=1', 'abc', '00000000-0000-4000-8000-000000000000']) {
      const get = await t.app.inject({ url: `/beheer/vragen/${encodeURIComponent(id)}`, headers: { cookie: staff.cookie } });
      assert.equal(get.statusCode, 404, id);
      const post = await t.app.inject({ method: 'POST', url: `/beheer/vragen/${encodeURIComponent(id)}/notitie`, headers: { cookie: f.cookie }, payload: { _csrf: f.token, text: 'Een notitie' } });
      assert.equal(post.statusCode, 404, id);
    }
  });

  it('inbox filters by status, topic, municipality, age and code, and paginates', async () => {
    const staff = users.staff;
    const list = await t.app.inject({ url: '/beheer/vragen?gemeente=GM0518', headers: { cookie: staff.cookie } });
    assert.match(list.body, new RegExp(`data-question="${question.id}"`));
    const other = await t.app.inject({ url: '/beheer/vragen?gemeente=GM0363', headers: { cookie: staff.cookie } });
    assert.doesNotMatch(other.body, new RegExp(`data-question="${question.id}"`));
    const old = await t.app.inject({ url: '/beheer/vragen?ouder=30', headers: { cookie: staff.cookie } });
    assert.doesNotMatch(old.body, /data-question=/);
    const row = await t.database.db.selectFrom('question').select('short_code').where('id', '=', question.id).executeTakeFirstOrThrow();
    const byCode = await t.app.inject({ url: `/beheer/vragen?code=${(row.short_code ?? '').toLowerCase()}`, headers: { cookie: staff.cookie } });
    assert.equal((byCode.body.match(/data-question=/g) ?? []).length, 1);
    for (let i = 0; i < 26; i++) await askApi(t, { topic: 'school' });
    const page1 = await t.app.inject({ url: '/beheer/vragen?thema=school', headers: { cookie: staff.cookie } });
    assert.equal((page1.body.match(/data-question=/g) ?? []).length, 25);
    assert.match(page1.body, /pagina=2/);
    const page2 = await t.app.inject({ url: '/beheer/vragen?thema=school&pagina=2', headers: { cookie: staff.cookie } });
    assert.equal((page2.body.match(/data-question=/g) ?? []).length, 1);
  });
});
