import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { AUDIENCES, THEMES } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { formSession } from '../services/services.fixtures.ts';
import { count, newKey, VALID } from './questions.fixtures.ts';
import { cleanText, type AskField } from './questions.input.ts';
import { ASK_FIELD_IDS } from './views/ask-page.tsx';

const RUNS = 25;
const notString = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), // A `__proto__` key makes Fastify's JSON parser refuse the whole body (a 400 without field names).
  fc.dictionary(fc.string().filter((k) => k !== '__proto__' && k !== 'constructor'), fc.string(), { maxKeys: 2 }),
);
const notIn = (values: readonly string[]) => fc.string({ maxLength: 40 }).filter((s) => !values.includes(s.trim()));

/** For each field: values that must be refused, whatever else the request holds. */
function invalidValues(municipalities: ReadonlySet<string>): Record<Exclude<AskField, 'consent'>, fc.Arbitrary<unknown>> {
  return {
    topic: fc.oneof(notIn(THEMES), notString),
    text: fc.oneof(
      fc.string({ maxLength: 6 }).filter((s) => cleanText(s).length < 5),
      fc.integer({ min: 1, max: 200 }).map((n) => `${'vraag '.repeat(800)}${'x'.repeat(n)}`),
      fc.constantFrom('\u0000\u0000\u0000\u0000\u0000\u0000', '   \n\t  ', '\ud800\ud800\ud800'),
      notString,
    ),
    role: fc.oneof(notIn(AUDIENCES), notString),
    gemeente: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '' && !municipalities.has(s.trim().toUpperCase())), notString),
    email: fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && !s.includes('@')),
      fc.constantFrom('a@b', '@example.org', 'a b@example.org', `${'a'.repeat(250)}@example.org`, 'x@y.z'),
      notString,
    ),
    idempotencyKey: fc.oneof(fc.string({ maxLength: 15 }), fc.string({ minLength: 16, maxLength: 40 }).filter((s) => /[^A-Za-z0-9_-]/.test(s.trim()) || s.trim().length < 16), notString),
  };
}

describe('every field of the question form and API, property-based', () => {
  let t: TestApp;
  let municipalities: Set<string>;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
    municipalities = new Set((await t.database.db.selectFrom('municipality').select('code').execute()).map((m) => m.code));
  });
  after(async () => t.close());

  it('API: an invalid value in any one field is a 400 naming that field; never a 500; nothing stored', async () => {
    const before = await count(t, 'question');
    for (const [field, values] of Object.entries(invalidValues(municipalities))) {
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          const res = await t.app.inject({ method: 'POST', url: '/api/v1/questions', payload: { ...VALID, idempotencyKey: newKey(), [field]: value } });
          assert.equal(res.statusCode, 400, `${field}=${JSON.stringify(value)}: ${res.body}`);
          const body = res.json() as { errors?: Record<string, string> };
          assert.deepEqual(Object.keys(body.errors ?? {}), [field]);
          assert.ok((body.errors?.[field] ?? '').length > 5);
        }),
        { numRuns: RUNS },
      );
    }
    assert.equal(await count(t, 'question'), before);
  });

  it('API: any JSON body at all is answered with a 400 (or 415), never a 500', async () => {
    const before = await count(t, 'question');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ topic: fc.anything(), text: fc.anything(), role: fc.anything(), idempotencyKey: fc.anything() })), async (body) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/questions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body ?? null) });
        assert.ok([400, 415].includes(res.statusCode), `${res.statusCode} for ${JSON.stringify(body)}`);
      }),
      { numRuns: 100 },
    );
    assert.equal(await count(t, 'question'), before);
  });

  it('form: an invalid value in any field gives a 400 page with that field in the error summary; nothing stored', async () => {
    const s = await formSession(t, '/vraag');
    const before = await count(t, 'question');
    const fields = { ...invalidValues(municipalities), consent: fc.oneof(fc.constant(''), notIn(['yes'])) };
    for (const [field, values] of Object.entries(fields)) {
      await fc.assert(
        fc.asyncProperty(values.filter((v) => typeof v === 'string'), async (value) => {
          const payload = { _csrf: s.token, ...VALID, consent: 'yes', idempotencyKey: newKey(), [field]: value };
          const res = await t.app.inject({ method: 'POST', url: '/vraag', headers: { cookie: s.cookie }, payload });
          assert.equal(res.statusCode, 400, `${field}=${JSON.stringify(value)}`);
          const id = ASK_FIELD_IDS[field as AskField];
          assert.match(res.body, new RegExp(`class="ww-error-summary"[\\s\\S]*href="#${id}"`));
          assert.equal((res.body.match(/href="#vraag-/g) ?? []).length, 1, `only ${field} is reported`);
        }),
        { numRuns: RUNS },
      );
    }
    assert.equal(await count(t, 'question'), before);
  });
});
