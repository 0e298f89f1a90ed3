import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, demoTemplate, type TestDatabase } from '../../../test/db.ts';
import { importHsds, readImportFile } from './hsds-import.service.ts';
import { SKIP_NOTICE, hsdsAvailable, hsdsDir } from './hsds.schemas.testkit.ts';
import { exportDocument } from './hsds.service.ts';
import type { HsdsDocument } from './hsds.types.ts';

const count = async (db: TestDatabase, table: 'service' | 'organization' | 'location' | 'hsds_attribute') =>
  Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('HSDS import', () => {
  let demo: TestDatabase;
  let exported: HsdsDocument;
  before(async () => {
    demo = await createTestDatabase(await demoTemplate());
    exported = await exportDocument(demo.db);
  });
  after(async () => demo.cleanup());

  it('round-trips: export, import into an empty database, export again gives the same document', async () => {
    const empty = await createTestDatabase();
    try {
      const report = await importHsds(empty.db, exported);
      assert.deepEqual(report.problems, []);
      assert.ok(report.ok);
      assert.equal(report.counts['services'], exported.services.length);
      assert.deepEqual(await exportDocument(empty.db), exported);
      const again = await importHsds(empty.db, exported);
      assert.ok(again.ok);
      assert.equal(again.changed, 0, 'idempotent: nothing written the second time');
      assert.equal(again.deleted, 0);
    } finally {
      await empty.cleanup();
    }
  });

  it('re-importing its own export into the demo database changes nothing', async () => {
    const report = await importHsds(demo.db, exported);
    assert.ok(report.ok, JSON.stringify(report.problems));
    assert.equal(report.changed, 0);
  });

  it('keeps foreign attributes and leaves a stored service alone when a list-shaped copy comes in', async () => {
    const empty = await createTestDatabase();
    try {
      const service = exported.services[0];
      assert.ok(service);
      const foreign = { id: '11111111-1111-4111-8111-111111111111', taxonomy_term: { id: '22222222-2222-4222-8222-222222222222', code: 'x1', name: 'Other', description: '', taxonomy: 'other' }, value: 'v' };
      const doc = { ...exported, services: [{ ...service, attributes: [...service.attributes, foreign] }] };
      const first = await importHsds(empty.db, JSON.parse(JSON.stringify(doc)));
      assert.deepEqual(first.problems, []);
      const again = await exportDocument(empty.db);
      assert.ok(again.services[0]?.attributes.some((a) => a.id === foreign.id && a.value === 'v' && a.taxonomy_term.code === 'x1'));
      const nested = ['attributes', 'service_areas', 'service_at_locations', 'languages'];
      const basic = Object.fromEntries(Object.entries(service).filter(([key]) => !nested.includes(key)));
      const list = await importHsds(empty.db, { contents: [{ ...basic, name: 'Changed' }] });
      assert.ok(list.ok && list.changed === 0 && list.warnings.some((w) => /left as stored/.test(w.message)));
      assert.deepEqual(await exportDocument(empty.db), again);
    } finally {
      await empty.cleanup();
    }
  });

  it('reports every problem with its path and writes nothing', async () => {
    const empty = await createTestDatabase();
    try {
      const first = exported.services[0];
      assert.ok(first);
      const broken = {
        ...exported,
        services: [
          { ...first, name: 42 },
          { ...first, status: 'open' },
          { ...exported.services[1], organization_id: '00000000-0000-4000-8000-000000000000', organization: undefined },
        ],
      };
      const report = await importHsds(empty.db, JSON.parse(JSON.stringify(broken)));
      assert.equal(report.ok, false);
      const paths = report.problems.map((p) => `${p.path} ${p.message}`);
      assert.ok(paths.some((p) => p.startsWith('/services/0/name ')), paths.join('\n'));
      assert.ok(paths.some((p) => p.startsWith('/services/1 ') && /duplicate service id/.test(p)), paths.join('\n'));
      assert.equal(await count(empty, 'service'), 0);
      assert.equal(await count(empty, 'organization'), 0);
      const unknown = await importHsds(empty.db, { services: [{ ...exported.services[2], organization_id: '00000000-0000-4000-8000-000000000000', organization: undefined }] });
      assert.ok(unknown.problems.some((p) => p.path === '/services/0/organization_id' && /unknown organization/.test(p.message)));
      assert.equal(await count(empty, 'service'), 0);
    } finally {
      await empty.cleanup();
    }
  });

  it('refuses malformed JSON and files above the limit without reading them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsds-'));
    try {
      fs.writeFileSync(path.join(dir, 'bad.json'), '{"services": [');
      const bad = readImportFile(path.join(dir, 'bad.json'));
      assert.equal(bad.kind, 'problems');
      assert.match(bad.kind === 'problems' ? (bad.problems[0]?.message ?? '') : '', /not valid JSON/);
      const big = path.join(dir, 'big.json');
      fs.closeSync(fs.openSync(big, 'w'));
      fs.truncateSync(big, 200 * 1024 * 1024); // sparse: 200 MB without writing them
      const before = process.memoryUsage().rss;
      const refused = readImportFile(big);
      assert.equal(refused.kind, 'problems');
      assert.match(refused.kind === 'problems' ? (refused.problems[0]?.message ?? '') : '', /200\.0 MB; the limit is 50\.0 MB/);
      assert.ok(process.memoryUsage().rss - before < 50 * 1024 * 1024);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports the official examples without error', { skip: !hsdsAvailable && SKIP_NOTICE }, async () => {
    const examples = fs.readdirSync(path.join(hsdsDir, 'examples')).filter((f) => f.endsWith('.json') && f !== 'base.json');
    assert.ok(examples.length >= 10);
    const db = await createTestDatabase();
    try {
      for (const file of examples) {
        const read = readImportFile(path.join(hsdsDir, 'examples', file));
        assert.equal(read.kind, 'ok');
        const report = await importHsds(db.db, read.kind === 'ok' ? read.value : null);
        assert.deepEqual(report.problems, [], file);
        const again = await importHsds(db.db, read.kind === 'ok' ? read.value : null);
        assert.equal(again.changed, 0, `${file} re-import changes nothing`);
      }
      assert.ok((await count(db, 'service')) >= 1);
      assert.ok((await count(db, 'organization')) >= 1);
      assert.ok((await count(db, 'hsds_attribute')) >= 1, 'unknown attributes are kept');
      const name = await db.db.selectFrom('service').select(['name_nl', 'name_en', 'level']).executeTakeFirstOrThrow();
      assert.equal(name.name_en, name.name_nl, 'both languages filled from the one name');
    } finally {
      await db.cleanup();
    }
  });

  it('dry run validates and writes nothing', async () => {
    const empty = await createTestDatabase();
    try {
      const report = await importHsds(empty.db, exported, { dryRun: true });
      assert.ok(report.ok);
      assert.ok(report.changed > 0);
      assert.equal(await count(empty, 'service'), 0);
    } finally {
      await empty.cleanup();
    }
  });
});
