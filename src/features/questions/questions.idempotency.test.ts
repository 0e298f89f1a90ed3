import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { formSession } from '../services/services.fixtures.ts';
import { askApi, count, followUpPath, newKey, VALID } from './questions.fixtures.ts';

/**
 * The idempotency key also unseals the follow-up token, so it must only give the link back to a
 * repeat of the same question. Another question under a used key is refused and learns nothing.
 */
describe('questions: an idempotency key with a different body', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
  });
  after(async () => t.close());

  /** Nothing of the first question: not its id, not its follow-up link or token, not its code. */
  function assertReveals(body: string, first: { id: string; followUpUrl: string; code: string }, label: string): void {
    const token = first.followUpUrl.split('/').pop() ?? 'no token';
    for (const secret of [first.id, token, first.code, first.code.replace('-', '')]) assert.ok(!body.includes(secret), `${label}: leaks ${secret}`);
    assert.doesNotMatch(body, /\/vraag\/volg\//, `${label}: no follow-up link at all`);
  }

  it('API: the same body again is the same answer (201, then 200); any other body is a 422 problem that reveals nothing', async () => {
    const key = newKey();
    const body = { idempotencyKey: key, email: 'ouder@example.org', gemeente: 'GM0518' };
    const first = await askApi(t, body);
    assert.equal(first.res.statusCode, 201);
    const same = await askApi(t, body);
    assert.equal(same.res.statusCode, 200);
    assert.deepEqual(same.json, first.json);

    const variants: Record<string, Record<string, unknown>> = {
      text: { ...body, text: 'Een heel andere vraag over de omgangsregeling.' },
      topic: { ...body, topic: 'school' },
      role: { ...body, role: 'professionals' },
      gemeente: { ...body, gemeente: 'GM0363' },
      noGemeente: { ...body, gemeente: null },
      email: { ...body, email: 'iemand@example.org' },
      noEmail: { idempotencyKey: key, gemeente: 'GM0518' },
    };
    for (const [label, payload] of Object.entries(variants)) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/questions', payload: { ...VALID, ...payload } });
      assert.equal(res.statusCode, 422, label);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/, label);
      assertReveals(res.body, first.json, label);
    }
    const english = await t.app.inject({ method: 'POST', url: '/api/v1/questions?lang=en', payload: { ...VALID, ...body } });
    assert.equal(english.statusCode, 422, 'another language is another submit');
    assertReveals(english.body, first.json, 'lang');
    const rows = await t.database.db.selectFrom('question').select('id').where('id', '=', first.json.id).execute();
    assert.equal(rows.length, 1);
    const again = await askApi(t, body);
    assert.equal(again.res.statusCode, 200);
    assert.deepEqual(again.json, first.json);
  });

  it('API: concurrent first submits with one key and different bodies: one 201, every other a 422 without its link', async () => {
    const key = newKey();
    const before = await count(t, 'question');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => askApi(t, { idempotencyKey: key, text: `Vraag nummer ${i} over het ouderschapsplan` })));
    assert.deepEqual(results.map((r) => r.res.statusCode).sort(), [201, ...Array<number>(11).fill(422)]);
    const winner = results.find((r) => r.res.statusCode === 201)?.json;
    assert.ok(winner);
    for (const loser of results.filter((r) => r.res.statusCode !== 201)) assertReveals(loser.res.body, winner, 'loser');
    assert.equal(await count(t, 'question'), before + 1);
  });

  it('API: after the asker deleted the question, the same body is a 409 and another body a 422', async () => {
    const key = newKey();
    const { json } = await askApi(t, { idempotencyKey: key, email: 'weg@example.org' });
    const path = followUpPath(json.followUpUrl);
    const s = await formSession(t, path);
    const del = await t.app.inject({ method: 'POST', url: `${path}/verwijderen`, headers: { cookie: s.cookie }, payload: { _csrf: s.token, confirm: 'yes' } });
    assert.equal(del.statusCode, 200);
    assert.equal((await askApi(t, { idempotencyKey: key, email: 'weg@example.org' })).res.statusCode, 409);
    const other = await askApi(t, { idempotencyKey: key, email: 'ander@example.org' });
    assert.equal(other.res.statusCode, 422);
    assert.doesNotMatch(other.res.body, /deleted|verwijderd/i, 'says nothing about the first question');
  });

  async function askForm(lang: 'nl' | 'en') {
    const s = await formSession(t, `/vraag?lang=${lang}`);
    const submit = (fields: Record<string, string>) => t.app.inject({ method: 'POST', url: '/vraag', headers: { cookie: s.cookie }, payload: { _csrf: s.token, website: '', ...fields } });
    return { submit, form: { ...VALID, gemeente: 'GM0518', email: 'ouder@example.org', consent: 'yes', idempotencyKey: newKey() } };
  }
  const linkOf = (body: string) => /data-follow-up[^>]*>([^<]+)</.exec(body)?.[1];

  for (const [lang, notice] of [
    ['nl', 'Dit formulier was al verstuurd'],
    ['en', 'This form had already been sent'],
  ] as const) {
    it(`form (${lang}): the same question again shows the same link; another question a 422 form with the typed values, a fresh key and a notice, never the link`, async () => {
      const { submit, form } = await askForm(lang);
      const first = await submit(form);
      assert.equal(first.statusCode, 200);
      const link = linkOf(first.body);
      assert.ok(link);
      assert.equal(linkOf((await submit(form)).body), link);
      const row = await t.database.db.selectFrom('question').select(['id', 'short_code']).where('token_hash', 'is not', null).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      const before = await count(t, 'question');

      const other = await submit({ ...form, text: 'Mag mijn kind zelf kiezen waar het woont?', email: 'anders@example.org' });
      assert.equal(other.statusCode, 422);
      assertReveals(other.body, { id: row.id, followUpUrl: link, code: `${row.short_code?.slice(0, 4)}-${row.short_code?.slice(4)}` }, 'form');
      assert.ok(other.body.includes(notice), 'the notice says the form was sent before');
      for (const typed of ['Mag mijn kind zelf kiezen waar het woont?</textarea>', 'value="anders@example.org"']) assert.ok(other.body.includes(typed), typed);
      const fresh = /name="idempotencyKey" value="([^"]+)"/.exec(other.body)?.[1];
      assert.ok(fresh && fresh !== form.idempotencyKey, 'a fresh key, so sending again asks a new question');
      assert.equal(await count(t, 'question'), before);

      const resent = await submit({ ...form, text: 'Mag mijn kind zelf kiezen waar het woont?', email: 'anders@example.org', idempotencyKey: fresh });
      assert.equal(resent.statusCode, 200);
      assert.notEqual(linkOf(resent.body), link);
      assert.equal(await count(t, 'question'), before + 1);
    });
  }

  it('form: concurrent first submits with one key and different questions: one link, every other a 422 without it', async () => {
    const { submit, form } = await askForm('nl');
    const before = await count(t, 'question');
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => submit({ ...form, text: `Vraag nummer ${i} over het ouderschapsplan` })));
    const winners = responses.filter((r) => linkOf(r.body));
    assert.equal(winners.length, 1);
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [200, ...Array<number>(7).fill(422)]);
    const link = linkOf(winners[0]?.body ?? '') ?? '';
    for (const loser of responses.filter((r) => r !== winners[0])) assert.ok(!loser.body.includes(link.split('/').pop() ?? link), 'loser sees the link');
    assert.equal(await count(t, 'question'), before + 1);
  });
});
