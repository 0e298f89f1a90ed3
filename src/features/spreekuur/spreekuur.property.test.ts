import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { formSession } from '../services/services.fixtures.ts';
import { bookingBody, countRows, insertTestSlot } from './spreekuur.fixtures.ts';
import { amsterdamDay } from './zoned.ts';

/** Bad values per field: each gives a 400 naming that field, never a 500, and nothing is stored. */
const BAD: Record<string, fc.Arbitrary<unknown>> = {
  slotId: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('00000000-0000-0000-0000-00000000000g')),
  name: fc.oneof(fc.constant(''), fc.string({ minLength: 101, maxLength: 300 }).filter((s) => s.trim().length > 100), fc.string({ maxLength: 20 }).map((s) => `a\nb${s}`)),
  email: fc.oneof(fc.string({ maxLength: 60 }).filter((s) => !s.includes('@') && s.trim() !== ''), fc.constant('a@b'), fc.constant(`${'x'.repeat(250)}@example.org`)),
  phone: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /[^0-9 ()+-]/.test(s.trim()) && s.trim() !== ''), fc.constant('12345'), fc.constant('+'.repeat(7))),
  topic: fc.string({ maxLength: 30 }).filter((s) => !['communication', 'parenting_plan', 'contact_arrangements', 'loyalty_conflict', 'child_emotions', 'school', 'money_alimony', 'legal', 'housing'].includes(s.trim())),
  topicNote: fc.string({ minLength: 501, maxLength: 900 }).filter((s) => s.trim().length > 500),
  idempotencyKey: fc.oneof(fc.string({ maxLength: 7 }), fc.string({ minLength: 8, maxLength: 40 }).filter((s) => /[^A-Za-z0-9_-]/.test(s.trim()))),
};

describe('spreekuur: property-based tests over every field of the booking form and API', () => {
  let t: TestApp;
  let slotId: string;
  let day: string;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    slotId = await insertTestSlot(t.database.db, { capacity: 50, startsAt });
    day = amsterdamDay(startsAt);
  });
  after(async () => {
    await t.close();
  });

  for (const [field, arbitrary] of Object.entries(BAD)) {
    it(`API: a bad ${field} is a 400 naming ${field}`, async () => {
      const before = await countRows(t.database.db, 'spreekuur_booking');
      await fc.assert(
        fc.asyncProperty(arbitrary, async (value) => {
          const res = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slotId, randomUUID(), { phone: '06 12345678', [field]: value }) });
          assert.equal(res.statusCode, 400, JSON.stringify(value));
          assert.ok(res.json<{ errors: Record<string, string> }>().errors[field], `${field} named`);
        }),
        { numRuns: 25 },
      );
      assert.equal(await countRows(t.database.db, 'spreekuur_booking'), before);
    });
  }

  it('API: any JSON value as any field, or as the body, is never a 500 and stores nothing unless valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('slotId', 'name', 'email', 'phone', 'topic', 'topicNote', 'idempotencyKey', 'other'), fc.jsonValue(), async (field, value) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slotId, randomUUID(), { [field]: value }) });
        assert.ok([200, 201, 400].includes(res.statusCode), `${res.statusCode} for ${field}=${JSON.stringify(value)}`);
      }),
      { numRuns: 100 },
    );
    for (const body of ['[]', '"x"', '1', 'null', '{']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', headers: { 'content-type': 'application/json' }, payload: body });
      assert.equal(res.statusCode, 400, body);
    }
  });

  it('form: a bad value in any field re-shows the form with that field marked, never a 500, nothing stored', async () => {
    const s = await formSession(t, `/spreekuur/dag?datum=${day}`);
    const before = await countRows(t.database.db, 'spreekuur_booking');
    const fields = Object.keys(BAD).filter((f) => f !== 'idempotencyKey');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.string({ maxLength: 600 }), fc.boolean(), async (field, raw, consent) => {
        const value = await fc.sample(BAD[field] ?? fc.constant(raw), 1)[0];
        const payload = { _csrf: s.token, datum: day, ...bookingBody(slotId, randomUUID(), { phone: '', [field]: typeof value === 'string' ? value : raw }), ...(consent ? { consent: 'ja' } : {}) };
        const res = await t.app.inject({ method: 'POST', url: '/spreekuur/boeken', headers: { cookie: s.cookie }, payload });
        assert.equal(res.statusCode, 400);
        assert.ok(res.body.includes(`href="#${field}"`), `summary links to ${field}`);
        if (!consent) assert.ok(res.body.includes('href="#consent"'));
      }),
      { numRuns: 60 },
    );
    assert.equal(await countRows(t.database.db, 'spreekuur_booking'), before);
  });
});
