import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser, type TestUser } from '../../../test/auth.ts';
import { createTestDatabase, demoTemplate } from '../../../test/db.ts';
import { formSession, multipartBody, type FormSession } from '../beheer/beheer.testkit.ts';
import { hsdsAvailable, hsdsDir } from './hsds.schemas.testkit.ts';
import { exportDocument } from './hsds.service.ts';

const count = async (t: TestApp, table: 'service' | 'organization' | 'location') =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('HSDS upload page', () => {
  let t: TestApp;
  let admin: TestUser;
  let demoExport: string;
  before(async () => {
    const demo = await createTestDatabase(await demoTemplate());
    try {
      demoExport = JSON.stringify(await exportDocument(demo.db));
    } finally {
      await demo.cleanup();
    }
    t = await createTestApp();
    admin = await createTestUser(t.database.db, { roles: ['admin'] });
  });
  after(async () => t.close());

  const upload = (s: FormSession, fields: Record<string, string>, content?: string | Buffer) => {
    const { body, contentType } = multipartBody(fields, content === undefined ? undefined : { name: 'bestand', filename: 'export.json', content });
    return t.app.inject({ method: 'POST', url: '/beheer/hsds-import', headers: { cookie: s.cookie, 'content-type': contentType }, payload: body });
  };

  it('checks the demo export in a dry run (nothing changes), then imports it all, audited', async () => {
    const s = await formSession(t, admin.cookie, '/beheer/hsds-import');
    const dry = await upload(s, { _csrf: s.token, modus: 'controleren' }, demoExport);
    assert.equal(dry.statusCode, 200, dry.body.slice(0, 500));
    assert.ok(dry.body.includes('Het bestand is in orde'));
    assert.equal(await count(t, 'service'), 0);
    const real = await upload(s, { _csrf: s.token, modus: 'importeren' }, demoExport);
    assert.equal(real.statusCode, 200);
    assert.ok(real.body.includes('Het bestand is geïmporteerd'));
    const services = (JSON.parse(demoExport) as { services: unknown[] }).services.length;
    assert.equal(await count(t, 'service'), services);
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'hsds.import').orderBy('id').execute();
    assert.deepEqual(audit.map((a) => [a.result, (a.detail as { dryRun: boolean }).dryRun]), [['ok', true], ['ok', false]]);
    assert.equal((audit[1]?.detail as { counts: { services: number } }).counts.services, services);
  });

  it('imports the official examples when they are present', { skip: hsdsAvailable ? false : 'HSDS examples not present' }, async () => {
    const s = await formSession(t, admin.cookie, '/beheer/hsds-import');
    // base.json is the API's root document, not records; the others are.
    for (const file of fs.readdirSync(path.join(hsdsDir, 'examples')).filter((f) => f.endsWith('.json') && f !== 'base.json')) {
      const content = fs.readFileSync(path.join(hsdsDir, 'examples', file));
      const res = await upload(s, { _csrf: s.token, modus: 'controleren' }, content);
      assert.equal(res.statusCode, 200, `${file}: ${res.body.match(/data-problem-path="[^"]*"/g)?.join(' ')}`);
    }
  });

  it('reports each problem of a malformed file with its path and changes nothing', async () => {
    const s = await formSession(t, admin.cookie, '/beheer/hsds-import');
    const before = await count(t, 'organization');
    const failedBefore = (await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'hsds.import').where('result', '=', 'failed').execute()).length;
    const notJson = await upload(s, { _csrf: s.token, modus: 'importeren' }, '{"services": [');
    assert.equal(notJson.statusCode, 422);
    assert.ok(notJson.body.includes('not valid JSON'));
    const doc = JSON.parse(demoExport) as { services: Record<string, unknown>[] };
    const broken = { ...doc, services: [{ ...doc.services[0], organization_id: '99999999-9999-4999-8999-999999999999', name: 'Nieuw' }, { ...doc.services[1], status: 42 }] };
    const res = await upload(s, { _csrf: s.token, modus: 'importeren' }, JSON.stringify(broken));
    assert.equal(res.statusCode, 422);
    assert.ok(res.body.includes('Er is niets geïmporteerd'));
    const paths = [...res.body.matchAll(/data-problem-path="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(paths.some((p) => p?.startsWith('/services/1')), paths.join(' '));
    assert.equal(await count(t, 'organization'), before);
    const failed = await t.database.db.selectFrom('audit_event').select('result').where('action', '=', 'hsds.import').where('result', '=', 'failed').execute();
    assert.equal(failed.length, failedBefore + 2, 'each refused upload is audited');
  });

  it('refuses a file over the limit with a clear report, and asks for a missing file', async () => {
    const s = await formSession(t, admin.cookie, '/beheer/hsds-import');
    const none = await upload(s, { _csrf: s.token });
    assert.equal(none.statusCode, 400);
    assert.ok(none.body.includes('Kies een bestand.'));
    assert.ok(none.body.includes('href="#hsds-bestand"'));
    const before = await count(t, 'service');
    const huge = Buffer.alloc(51 * 1024 * 1024, 0x20);
    const tooBig = await upload(s, { _csrf: s.token, modus: 'importeren' }, huge);
    assert.equal(tooBig.statusCode, 422);
    assert.ok(tooBig.body.includes('larger than the limit of 50 MB'));
    assert.equal(await count(t, 'service'), before);
  });

  it('refuses a post without a valid CSRF token, a non-admin and a signed-out visitor', async () => {
    const s = await formSession(t, admin.cookie, '/beheer/hsds-import');
    const noToken = await upload(s, { modus: 'importeren' }, demoExport);
    assert.equal(noToken.statusCode, 403);
    const badToken = await upload(s, { _csrf: `${s.token}x`, modus: 'importeren' }, demoExport);
    assert.equal(badToken.statusCode, 403);
    const editor = await createTestUser(t.database.db, { roles: ['editor'] });
    const es = await formSession(t, editor.cookie, '/account');
    const denied = await upload(es, { _csrf: es.token, modus: 'importeren' }, demoExport);
    assert.equal(denied.statusCode, 403);
    const anonymous = await upload({ cookie: '', token: '' }, { modus: 'importeren' }, demoExport);
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/inloggen/);
  });
});
