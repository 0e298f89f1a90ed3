import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser, type TestUser } from '../../../test/auth.ts';
import { demoTemplate } from '../../../test/db.ts';
import { demoId } from '../../demo/seed.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { countRows, submit } from '../editing/editing.testkit.ts';
import { formSession } from '../services/services.fixtures.ts';
import { freshnessKey, signFreshnessToken, verifyFreshnessToken } from './freshness.token.ts';

const SERVICE = demoId.service('demo-svc-a001');
const ORG = demoId.organization('demo-org-a01');
const SECRET = 'test-secret-that-is-long-enough-for-signing';

describe('freshness token', () => {
  const key = freshnessKey(SECRET);
  const now = new Date('2026-03-01T10:00:00Z');
  it('accepts its own token until it expires, and nothing forged', () => {
    const token = signFreshnessToken(key, SERVICE, new Date('2026-03-31T10:00:00Z'));
    assert.deepEqual(verifyFreshnessToken(key, token, now), { kind: 'valid', serviceId: SERVICE });
    assert.deepEqual(verifyFreshnessToken(key, token, new Date('2026-04-01T00:00:00Z')), { kind: 'expired' });
    const other = demoId.service('demo-svc-a002');
    assert.equal(verifyFreshnessToken(key, token.replace(SERVICE, other), now).kind, 'invalid');
    const [id, expires] = token.split('.');
    assert.equal(verifyFreshnessToken(key, `${id}.${Number(expires) + 86400}.${token.split('.')[2]}`, now).kind, 'invalid');
    assert.equal(verifyFreshnessToken(freshnessKey(`${SECRET}-other`), token, now).kind, 'invalid');
    for (const junk of ['', 'abc', null, 42, `${token}x`]) assert.equal(verifyFreshnessToken(key, junk, now).kind, 'invalid');
  });
});

describe('freshness: staleness page, daily reminders and the confirm link (integration, demo data)', () => {
  let t: TestApp;
  let editor: TestUser;
  let provider: TestUser;
  const lastVerified = async () => String((await t.database.db.selectFrom('service').select('last_verified').where('id', '=', SERVICE).executeTakeFirstOrThrow()).last_verified);
  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { PUBLIC_WRITE_RATE_LIMIT: '1000' } });
    editor = await createTestUser(t.database.db, { roles: ['editor'] });
    provider = await createTestUser(t.database.db, { roles: ['provider_editor'], organizationIds: [ORG] });
    // Everything fresh except the one offering under test, checked long ago.
    await t.database.db.updateTable('service').set({ last_verified: new Date().toISOString().slice(0, 10) }).execute();
    await t.database.db.updateTable('service').set({ last_verified: '2024-01-15' }).where('id', '=', SERVICE).execute();
  });
  after(async () => {
    await t.close();
  });

  it('lists stale offerings by organisation for editors', async () => {
    const res = await t.app.inject({ url: `/beheer/actualiteit?organisatie=${ORG}`, headers: { cookie: editor.cookie } });
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(`data-id="${SERVICE}"`));
    assert.match(res.body, /1 resultaten/);
  });

  it('marks a very stale offering on its public page', async () => {
    const res = await t.app.inject({ url: `/aanbod/${SERVICE}` });
    assert.match(res.body, /ww-stale/);
  });

  it('the daily job mails the organisation and its provider editors once per period, with a signed link', async () => {
    const now = new Date();
    now.setUTCHours(23, 0, 0, 0);
    await t.app.jobs.enqueueScheduled(t.database.db, now);
    await runDueJobs(t.database.db, t.app.jobs.handlers, { now: () => now });
    const mails = await t.database.db.selectFrom('outbox_email').selectAll().where('purpose', '=', 'freshness_reminder').execute();
    const org = await t.database.db.selectFrom('organization').select('email').where('id', '=', ORG).executeTakeFirstOrThrow();
    assert.deepEqual(mails.map((m) => m.to_address).sort(), [org.email, provider.email].filter(Boolean).sort());
    assert.match(mails[0]?.text_body ?? '', /\/nog-actueel\?code=/);
    assert.ok(mails[0]?.text_body.includes(`/beheer/mijn/aanbod/${SERVICE}`));
    // The next day: no second mail while the first link is still valid.
    const tomorrow = new Date(now.getTime() + 24 * 3600_000);
    await t.app.jobs.enqueueScheduled(t.database.db, tomorrow);
    await runDueJobs(t.database.db, t.app.jobs.handlers, { now: () => tomorrow });
    assert.equal(await t.database.db.selectFrom('outbox_email').select('id').where('purpose', '=', 'freshness_reminder').execute().then((r) => r.length), mails.length);
  });

  it('confirms from the link without signing in: new date, a version and an audit row', async () => {
    const mail = await t.database.db.selectFrom('outbox_email').select('text_body').where('purpose', '=', 'freshness_reminder').executeTakeFirstOrThrow();
    const code = /nog-actueel\?code=([^\s]+)/.exec(mail.text_body)?.[1] ?? '';
    const page = await t.app.inject({ url: `/nog-actueel?code=${code}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ja, alles klopt nog/);
    const res = await submit(t, `/nog-actueel?code=${code}`, '/nog-actueel', '', { code });
    assert.equal(res.statusCode, 200);
    assert.equal(await lastVerified(), new Date().toISOString().slice(0, 10));
    const version = await t.database.db.selectFrom('catalogue_version').selectAll().where('entity_id', '=', SERVICE).where('source', '=', 'freshness').executeTakeFirstOrThrow();
    assert.equal(version.author_id, null);
    assert.ok(await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'service.confirm').where('object_id', '=', SERVICE).executeTakeFirst());
    const versions = await countRows(t, 'catalogue_version');
    const twice = await submit(t, `/nog-actueel?code=${code}`, '/nog-actueel', '', { code });
    assert.equal(twice.statusCode, 200);
    assert.equal(await countRows(t, 'catalogue_version'), versions, 'a second click changes nothing');
  });

  it('a forged or expired link says so and changes nothing', async () => {
    await t.database.db.updateTable('service').set({ last_verified: '2024-01-15' }).where('id', '=', SERVICE).execute();
    const key = freshnessKey(SECRET);
    const expired = signFreshnessToken(key, SERVICE, new Date(Date.now() - 1000));
    const forged = signFreshnessToken(freshnessKey('another-secret-that-is-long-enough!!'), SERVICE, new Date(Date.now() + 86400_000));
    const expiredPage = await t.app.inject({ url: `/nog-actueel?code=${expired}` });
    assert.equal(expiredPage.statusCode, 410);
    assert.match(expiredPage.body, /verlopen/);
    const forgedPage = await t.app.inject({ url: `/nog-actueel?code=${forged}` });
    assert.equal(forgedPage.statusCode, 400);
    assert.match(forgedPage.body, /Er is niets veranderd/);
    const s = await formSession(t, `/aanbod/${SERVICE}`);
    for (const code of [expired, forged]) {
      const res = await t.app.inject({ method: 'POST', url: '/nog-actueel', headers: { cookie: s.cookie }, payload: { _csrf: s.token, code } });
      assert.ok(res.statusCode === 400 || res.statusCode === 410);
    }
    assert.equal(await lastVerified(), '2024-01-15');
  });
});
