import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { tablesContaining } from '../../../test/leaks.ts';
import { fileTransport } from '../../platform/mail.ts';
import { workerTick } from '../../platform/worker.ts';
import { bookingBody, insertTestSlot } from './spreekuur.fixtures.ts';

describe('spreekuur: the manage link is not kept once the mail is sent', () => {
  let t: TestApp;
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ww-spreekuur-link-'));
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000', DATA_DIR: dataDir } });
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('the confirmation (text and .ics) is emptied when it is marked sent; the row stays', async () => {
    const slotId = await insertTestSlot(t.database.db);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slotId, randomUUID(), { email: 'afspraak-link@example.org' }) });
    assert.equal(res.statusCode, 201);
    const token = new URL(res.json<{ manageUrl: string }>().manageUrl).searchParams.get('sleutel') ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(await tablesContaining(t.database.db, [token]), [{ where: 'outbox_email', needle: token }], 'queued: the mail holds the link');

    await workerTick({ db: t.database.db, jobs: t.app.jobs, transport: fileTransport(t.config.outboxDir), from: t.config.mailFrom });
    assert.deepEqual(await tablesContaining(t.database.db, [token]), [], 'sent: no table holds the link');
    const mail = await t.database.db.selectFrom('outbox_email').selectAll().where('to_address', '=', 'afspraak-link@example.org').executeTakeFirstOrThrow();
    assert.equal(mail.purpose, 'spreekuur_confirm');
    assert.equal(mail.status, 'sent');
    // The .ics carries the link as well (base64, so the text scan would not see it).
    assert.deepEqual(mail.attachments, []);
    assert.equal(mail.text_body, '');
  });
});
