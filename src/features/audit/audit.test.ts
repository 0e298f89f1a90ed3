import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser, type TestUser } from '../../../test/auth.ts';
import { recordAudit } from '../../platform/audit.ts';
import { csvCell, csvLine } from './audit.csv.ts';

/** A small RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) cell += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV writing', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=HYPERLINK("http://evil")'), `"'=HYPERLINK(""http://evil"")"`);
    assert.equal(csvCell('+31 6'), "'+31 6");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\t=1'), "'\t=1");
    assert.equal(csvCell(null), '');
    assert.equal(csvLine(['a', 1, null]), 'a,1,\r\n');
  });

  it('reads back as the same cells, with no cell a spreadsheet would run (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parseCsv(rows.map(csvLine).join(''));
        assert.equal(parsed.length, rows.length);
        parsed.forEach((cells, r) =>
          cells.forEach((cell, c) => {
            const original = rows[r]?.[c] ?? '';
            assert.equal(cell, /^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
            assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
          }),
        );
      }),
    );
  });
});

describe('audit log viewer', () => {
  let t: TestApp;
  let admin: TestUser;
  before(async () => {
    t = await createTestApp();
    admin = await createTestUser(t.database.db, { roles: ['admin'] });
    const db = t.database.db;
    await recordAudit(db, { actor: { id: admin.id, email: admin.email }, action: 'user.update', objectType: 'account', objectId: 'abc', result: 'ok', ip: '10.0.0.0/24', detail: { fields: ['roles'] } });
    await recordAudit(db, { actor: null, action: 'auth.sign_in', objectType: 'account', objectId: '=cmd|calc', result: 'failed', detail: { reason: 'unknown_account' } });
    await recordAudit(db, { actor: null, action: 'auth.sign_in', objectType: 'account', objectId: 'x,"y"', result: 'denied' });
  });
  after(async () => t.close());

  const get = (url: string) => t.app.inject({ url, headers: { cookie: admin.cookie } });

  it('lists newest first and filters by action, result, actor, object and dates', async () => {
    const all = await get('/beheer/audit');
    assert.equal(all.statusCode, 200);
    const ids = [...all.body.matchAll(/data-audit="(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(ids.length >= 3);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
    const failed = await get('/beheer/audit?actie=auth.sign_in&resultaat=failed');
    assert.equal((failed.body.match(/data-audit=/g) ?? []).length, 1);
    const prefix = await get('/beheer/audit?actie=auth.');
    assert.equal((prefix.body.match(/data-audit=/g) ?? []).length, 2);
    const actor = await get(`/beheer/audit?actor=${encodeURIComponent(admin.email.slice(0, 8).toUpperCase())}`);
    assert.equal((actor.body.match(/data-audit=/g) ?? []).length, 1);
    const object = await get('/beheer/audit?type=account&object=abc');
    assert.equal((object.body.match(/data-audit=/g) ?? []).length, 1);
    const today = new Date().toISOString().slice(0, 10);
    assert.ok(((await get(`/beheer/audit?van=${today}&tot=${today}`)).body.match(/data-audit=/g) ?? []).length >= 3);
    assert.equal(((await get('/beheer/audit?tot=2000-01-01')).body.match(/data-audit=/g) ?? []).length, 0);
  });

  it('says which date is wrong, in the filter form', async () => {
    const res = await get('/beheer/audit?van=2026-02-30&tot=2020-01-01&lang=en');
    assert.equal(res.statusCode, 400);
    assert.ok(res.body.includes('Enter a date as yyyy-mm-dd'));
    assert.ok(res.body.includes('href="#audit-van"'));
  });

  it('exports the filtered rows as CSV with a header, escaped, and logs the export', async () => {
    const res = await get('/beheer/audit.csv?actie=auth.sign_in');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parseCsv(res.body);
    assert.deepEqual(rows[0], ['id', 'at', 'actor_email', 'action', 'object_type', 'object_id', 'result', 'ip', 'detail']);
    assert.equal(rows.length, 3);
    assert.deepEqual(rows.slice(1).map((r) => r[5]), ['x,"y"', "'=cmd|calc"]);
    assert.ok(res.body.includes(`"x,""y"""`));
    const logged = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'audit.export').execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.actor_id, admin.id);
    assert.deepEqual(logged[0]?.detail, { filters: ['action'] });
    assert.equal((await get('/beheer/audit.csv?van=nope')).statusCode, 400);
  });

  it('streams a large export in batches, every row once', async () => {
    await sql`insert into audit_event (action, result) select 'bulk.row', 'ok' from generate_series(1, 2500)`.execute(t.database.db);
    const res = await get('/beheer/audit.csv?actie=bulk.row');
    const rows = parseCsv(res.body);
    assert.equal(rows.length, 2501);
    assert.equal(new Set(rows.slice(1).map((r) => r[0])).size, 2500);
  });

  it('cannot be changed: UPDATE, DELETE and TRUNCATE on audit_event fail on this engine', async () => {
    const db = t.database.db;
    const before = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await assert.rejects(sql`update audit_event set action = 'changed'`.execute(db), /append-only/);
    await assert.rejects(sql`delete from audit_event`.execute(db), /append-only/);
    await assert.rejects(sql`truncate audit_event`.execute(db), /append-only/);
    const afterwards = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterwards.n), Number(before.n));
    assert.equal((await db.selectFrom('audit_event').select('id').where('action', '=', 'changed').execute()).length, 0);
  });

  it('has no route that writes to the log', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/beheer/audit', headers: { cookie: admin.cookie } });
      assert.equal(res.statusCode, 404, method);
    }
  });
});
