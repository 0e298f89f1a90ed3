import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { formSession } from '../services/services.fixtures.ts';
import { askApi, count, followUpPath, newKey, VALID } from './questions.fixtures.ts';

describe('asking a question', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '1000' } });
  });
  after(async () => t.close());

  it('API: 201 with a follow-up link after the commit; the same key gives 200 and the same answer, one row', async () => {
    const key = newKey();
    const first = await askApi(t, { idempotencyKey: key, email: 'ouder@example.org', gemeente: 'GM0518' });
    assert.equal(first.res.statusCode, 201);
    assert.match(first.json.followUpUrl, /^http:\/\/localhost:3000\/vraag\/volg\/[A-Za-z0-9_-]{43}$/);
    assert.match(first.json.code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const again = await askApi(t, { idempotencyKey: key, email: 'ouder@example.org', gemeente: 'GM0518' });
    assert.equal(again.res.statusCode, 200);
    assert.deepEqual(again.json, first.json);
    const rows = await t.database.db.selectFrom('question').selectAll().where('id', '=', first.json.id).execute();
    assert.equal(rows.length, 1);
    // Neither the token nor the key is stored in the clear.
    const token = first.json.followUpUrl.split('/').pop() ?? '';
    const stored = JSON.stringify(rows[0]);
    assert.ok(!stored.includes(token) && !stored.includes(key));
    const mail = await t.database.db.selectFrom('outbox_email').selectAll().where('purpose', '=', 'question_received').execute();
    assert.equal(mail.length, 1, 'one mail, not one per repeat');
    assert.ok(mail[0]?.text_body.includes(first.json.followUpUrl));
  });

  it('API: invalid input is a 400 problem naming each field; nothing stored', async () => {
    const before = await count(t, 'question');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/questions', payload: { topic: 'nope', text: 'hi', role: 'cat', gemeente: 'GM9999', email: 'x', idempotencyKey: 'short', extra: 1 } });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const body = res.json() as { errors: Record<string, string> };
    assert.deepEqual(Object.keys(body.errors).sort(), ['email', 'extra', 'gemeente', 'idempotencyKey', 'role', 'text', 'topic']);
    assert.equal(await count(t, 'question'), before);
  });

  it('form: received page shows the link and code once; a repeated submit shows the same, one row', async () => {
    const s = await formSession(t, '/vraag');
    const page = await t.app.inject({ url: '/vraag', headers: { cookie: s.cookie } });
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(key);
    const before = await count(t, 'question');
    const payload = { _csrf: s.token, ...VALID, idempotencyKey: key, consent: 'yes', website: '' };
    const first = await t.app.inject({ method: 'POST', url: '/vraag', headers: { cookie: s.cookie }, payload });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal(first.headers['referrer-policy'], 'no-referrer');
    const link = /data-follow-up[^>]*>([^<]+)</.exec(first.body)?.[1];
    assert.ok(link);
    const second = await t.app.inject({ method: 'POST', url: '/vraag', headers: { cookie: s.cookie }, payload });
    assert.equal(/data-follow-up[^>]*>([^<]+)</.exec(second.body)?.[1], link);
    assert.equal(await count(t, 'question'), before + 1);
    const followUp = await t.app.inject({ url: followUpPath(link) });
    assert.equal(followUp.statusCode, 200);
    assert.match(followUp.body, /ouderschapsplan/);
  });

  it('form: errors per field with a summary, values kept, nothing stored; honeypot stores nothing', async () => {
    const s = await formSession(t, '/vraag');
    const before = await count(t, 'question');
    const res = await t.app.inject({ method: 'POST', url: '/vraag', headers: { cookie: s.cookie }, payload: { _csrf: s.token, text: 'Mijn vraag over school', idempotencyKey: newKey() } });
    assert.equal(res.statusCode, 400);
    for (const id of ['vraag-thema', 'vraag-rol', 'vraag-toestemming']) assert.match(res.body, new RegExp(`href="#${id}"`));
    assert.match(res.body, /Mijn vraag over school<\/textarea>/);
    const spam = await t.app.inject({ method: 'POST', url: '/vraag', headers: { cookie: s.cookie }, payload: { _csrf: s.token, ...VALID, consent: 'yes', idempotencyKey: newKey(), website: 'http://spam' } });
    assert.equal(spam.statusCode, 200);
    assert.equal(await count(t, 'question'), before);
  });

  it('children get the simple form and the Kindertelefoon', async () => {
    const res = await t.app.inject({ url: '/vraag?voor=kind' });
    assert.match(res.body, /Kindertelefoon/);
    assert.match(res.body, /Je hoeft je naam niet te zeggen/);
    const asked = await askApi(t, { role: 'children', text: 'Mag ik zelf kiezen bij wie ik woon?' });
    const page = await t.app.inject({ url: followUpPath(asked.json.followUpUrl) });
    assert.match(page.body, /Kindertelefoon/);
  });

  it('follow-up: reply moves the status, delete removes personal content and keeps the counts row; unknown and deleted look the same', async () => {
    const key = newKey();
    const { json } = await askApi(t, { email: 'weg@example.org', idempotencyKey: key });
    const path = followUpPath(json.followUpUrl);
    const s = await formSession(t, path);
    const reply = await t.app.inject({ method: 'POST', url: `${path}/reactie`, headers: { cookie: s.cookie }, payload: { _csrf: s.token, text: 'Nog een aanvulling.' } });
    assert.equal(reply.statusCode, 303);
    const row = await t.database.db.selectFrom('question').selectAll().where('id', '=', json.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'in_progress');
    const unconfirmed = await t.app.inject({ method: 'POST', url: `${path}/verwijderen`, headers: { cookie: s.cookie }, payload: { _csrf: s.token } });
    assert.equal(unconfirmed.statusCode, 400);
    const del = await t.app.inject({ method: 'POST', url: `${path}/verwijderen`, headers: { cookie: s.cookie }, payload: { _csrf: s.token, confirm: 'yes' } });
    assert.equal(del.statusCode, 200);
    const kept = await t.database.db.selectFrom('question').selectAll().where('id', '=', json.id).executeTakeFirstOrThrow();
    assert.deepEqual([kept.body, kept.email, kept.token_hash, kept.short_code], [null, null, null, null]);
    assert.equal(kept.topic, VALID.topic);
    assert.ok(kept.deleted_at && kept.anonymised_at);
    const messages = await t.database.db.selectFrom('question_message').selectAll().where('question_id', '=', json.id).execute();
    assert.equal(messages.length, 0);
    const gone = await t.app.inject({ url: path });
    const unknown = await t.app.inject({ url: `/vraag/volg/${'A'.repeat(43)}` });
    const malformed = await t.app.inject({ url: `/vraag/volg/${json.id}` });
    assert.equal(gone.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(malformed.statusCode, 404);
    const strip = (b: string) => b.replace(/name="_csrf" value="[^"]*"/g, '').replace(/\/vraag\/volg\/[^"?]+/g, '');
    assert.equal(strip(gone.body), strip(unknown.body));
    // The same submit after deletion: a conflict, never a second question.
    const before = await count(t, 'question');
    const repeat = await askApi(t, { email: 'weg@example.org', idempotencyKey: key });
    assert.equal(repeat.res.statusCode, 409);
    assert.equal(await count(t, 'question'), before);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    assert.ok(doc.paths['/api/v1/questions']);
    assert.ok(doc.components.schemas['NewQuestion']);
  });
});

describe('rate limit on asking', () => {
  it('answers 429 after the configured number of submissions per minute', async () => {
    const t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await askApi(t)).res.statusCode);
      assert.deepEqual(codes, [201, 201, 201, 429]);
      assert.equal(await count(t, 'question'), 3);
    } finally {
      await t.close();
    }
  });
});
