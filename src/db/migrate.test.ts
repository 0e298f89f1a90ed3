import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { migrate, readMigrations } from './migrate.ts';

describe('migrations (integration)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  it('records every migration and is a no-op the second time', async () => {
    const files = readMigrations();
    const rows = await database.db.selectFrom('schema_migration').select(['version', 'name']).orderBy('version').execute();
    assert.deepEqual(rows.map((r) => r.version), files.map((f) => f.version));
    const again = await migrate(database.db, files);
    assert.deepEqual(again, { kind: 'ok', applied: [], current: files.at(-1)?.version });
  });

  it('refuses a database migrated by a newer version', async () => {
    const files = readMigrations();
    const result = await migrate(database.db, files.slice(0, -1));
    if (files.length > 1) {
      assert.equal(result.kind, 'newer-database');
    }
    const none = await migrate(database.db, []);
    assert.equal(none.kind, 'newer-database');
  });

  it('refuses when an applied migration was edited', async () => {
    const files = readMigrations();
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: 'x' } : f));
    const result = await migrate(database.db, edited);
    assert.deepEqual(result, { kind: 'changed-migration', version: 1, name: files[0]?.name });
  });

  it('rolls a failing migration back completely', async () => {
    const files = readMigrations();
    const broken = [...files, { version: files.length + 1, name: 'broken', checksum: 'b', sql: 'create table half_done (id int); select 1/0;' }];
    await assert.rejects(() => migrate(database.db, broken));
    const table = await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename = 'half_done'`.execute(database.db);
    assert.equal(table.rows[0]?.n, 0);
    const recorded = await database.db.selectFrom('schema_migration').select('version').where('version', '=', files.length + 1).execute();
    assert.equal(recorded.length, 0);
  });

  it('has the Dutch text-search configuration with accents folded, trigrams and distances', async () => {
    const { rows } = await sql<{ accent: boolean; stem: boolean; trigram: number; km: number }>`
      select to_tsvector('nl', 'Taalcafé voor ouders') @@ plainto_tsquery('nl', 'taalcafe') as accent,
             to_tsvector('nl', 'gescheiden ouders') @@ plainto_tsquery('nl', 'ouder') as stem,
             similarity('mediaton', 'mediation') as trigram,
             earth_distance(ll_to_earth(52.07, 4.30), ll_to_earth(52.01, 4.36)) / 1000 as km`.execute(database.db);
    const row = rows[0];
    assert.ok(row);
    assert.equal(row.accent, true);
    assert.equal(row.stem, true);
    assert.ok(row.trigram > 0.4);
    assert.ok(row.km > 7 && row.km < 9, `Den Haag–Delft is about 8 km, got ${row.km}`);
  });

  it('holds the reference data from reference-data/', async () => {
    const count = async (table: 'municipality' | 'postcode_area' | 'crisis_line' | 'intervention') =>
      (await database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    assert.equal(await count('municipality'), 342);
    assert.equal(await count('postcode_area'), 4069);
    assert.equal(await count('crisis_line'), 9);
    assert.equal(await count('intervention'), 15);
    const haag = await database.db.selectFrom('municipality').selectAll().where('code', '=', 'GM0518').executeTakeFirstOrThrow();
    assert.equal(haag.display_name, 'Den Haag');
    assert.equal(haag.youth_region, 'Haaglanden');
    const nuenen = await database.db.selectFrom('municipality').select('name').where('code', '=', 'GM0820').executeTakeFirstOrThrow();
    assert.equal(nuenen.name, 'Nuenen, Gerwen en Nederwetten');
    const first = await database.db.selectFrom('crisis_line').select('id').orderBy('priority').orderBy('name').executeTakeFirstOrThrow();
    assert.equal(first.id, '112');
  });
});
