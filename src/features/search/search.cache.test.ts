import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { demoTemplate } from '../../../test/db.ts';
import { Lru, openCacheScope, RevisionCache, RevisionReader, UNCACHED } from './search.cache.ts';
import { parseSearchParams } from './search.query.ts';
import { readCatalogueRevision } from './search.repository.ts';
import { runSearch, type SearchOutcome } from './search.service.ts';

describe('Lru', () => {
  it('evicts the least recently used entries beyond its weight', () => {
    const lru = new Lru<string>(5, (v) => v.length);
    lru.set('a', 'xx');
    lru.set('b', 'xx');
    assert.equal(lru.get('a'), 'xx'); // a is now more recent than b
    lru.set('c', 'xx');
    assert.equal(lru.get('b'), undefined);
    assert.equal(lru.get('a'), 'xx');
    assert.equal(lru.get('c'), 'xx');
    assert.equal(lru.weight, 4);
  });

  it('does not keep a value heavier than the whole cache', () => {
    const lru = new Lru<string>(3, (v) => v.length);
    lru.set('a', 'x');
    lru.set('big', 'xxxx');
    assert.equal(lru.get('big'), undefined);
    assert.equal(lru.get('a'), 'x');
  });
});

describe('RevisionCache', () => {
  it('drops everything when a newer revision is seen, and never serves an older reader', () => {
    const cache = new RevisionCache<number>(10);
    cache.set({ revision: 1 }, 'k', 1);
    assert.equal(cache.get({ revision: 1 }, 'k'), 1);
    assert.equal(cache.get({ revision: 2 }, 'k'), undefined);
    cache.set({ revision: 1 }, 'k', 1); // computed before the write: not stored under revision 2
    assert.equal(cache.get({ revision: 2 }, 'k'), undefined);
    assert.equal(cache.get(UNCACHED, 'k'), undefined);
  });
});

describe('RevisionReader', () => {
  it('shares reads, but only ones that start after the caller asked', async () => {
    let value = 1;
    let reads = 0;
    const started: number[] = [];
    let release: () => void = () => undefined;
    const reader = new RevisionReader(async () => {
      reads++;
      started.push(value);
      await new Promise<void>((resolve) => (release = resolve));
      return started.at(-1) ?? 0;
    });
    const first = reader.current();
    await new Promise((r) => setImmediate(r)); // the first read is under way
    value = 2; // a write commits while it runs
    const second = reader.current();
    const third = reader.current();
    release();
    assert.equal(await first, 1);
    await new Promise((r) => setImmediate(r));
    release();
    assert.equal(await second, 2, 'a read that started before the caller asked is not used');
    assert.equal(await third, 2);
    assert.equal(reads, 2);
  });
});

function results(outcome: SearchOutcome) {
  if (outcome.kind !== 'results') throw new Error(`expected results, got ${outcome.kind}`);
  return outcome.result;
}

describe('search caches follow the catalogue (integration, both engines)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { DEMO_DATA: 'on' } });
  });
  after(async () => {
    await t.close();
  });

  const cached = async (raw: Record<string, string | string[]>) =>
    results(await runSearch(t.database.db, parseSearchParams(raw), 20, await openCacheScope(t.database.db)));

  it('moves the revision on a write to every table a search reads, whoever writes', async () => {
    const tables = ['service', 'service_area', 'service_at_location', 'organization', 'location', 'taxonomy_term', 'intervention', 'municipality', 'postcode_area', 'crisis_line'];
    for (const table of tables) {
      const before = await readCatalogueRevision(t.database.db);
      await sql`delete from ${sql.table(table)} where false`.execute(t.database.db);
      assert.ok((await readCatalogueRevision(t.database.db)) > before, table);
    }
  });

  it('gives the same results cached as uncached, filters and pages included', async () => {
    const cases: Record<string, string | string[]>[] = [
      { q: 'scheiding', gemeente: 'GM0518', hulpniveau: ['advice', 'prevention'], doelgroep: 'parents' },
      { q: 'scheiding', gemeente: 'GM0518', doelgroep: 'children', pagina: '2' },
      { q: 'mediaton', gemeente: 'Delft' },
      { postcode: '2242', afstand: '15', sortering: 'afstand' },
      { gemeente: 'GM0518', vorm: 'group', leeftijd: '10' },
    ];
    for (const raw of cases) {
      const plain = results(await runSearch(t.database.db, parseSearchParams(raw), 20, UNCACHED));
      await cached(raw); // fills
      assert.deepEqual(await cached(raw), plain, JSON.stringify(raw));
    }
  });

  it('sends a cached /zoeken body byte for byte as rendered, inside the layout of each request', async () => {
    const url = '/zoeken?q=taalcaf%C3%A9&gemeente=GM0518&hulpniveau=advice';
    const first = await t.app.inject({ url });
    const again = await t.app.inject({ url });
    assert.equal(first.statusCode, 200);
    assert.equal(again.rawPayload.compare(first.rawPayload), 0);
    assert.equal(Number(again.headers['content-length']), again.rawPayload.length);
    assert.equal(again.body.match(/<main[\s>]/g)?.length, 1);
    assert.doesNotMatch(again.body, /ww:page-slot/);
    assert.match(again.body, /<div class="ww-search-body"><h1[^>]*>[^<]*taalcafé/);
    // The layout is the request's own: the English page is not served from the Dutch body.
    const english = await t.app.inject({ url: `${url}&lang=en` });
    assert.match(english.body, /<html lang="en"/);
    assert.match(english.body, /Results for &quot;taalcafé&quot;/);
    assert.doesNotMatch(english.body, /Zoekresultaten/);
  });

  it('shows a change to an offering (a plain SQL update) in the next search and on the next /zoeken page', async () => {
    const raw = { q: 'zebrapadgroep', gemeente: 'GM0518' };
    const url = '/zoeken?q=zebrapadgroep&gemeente=GM0518';
    assert.equal((await cached(raw)).total, 0);
    assert.doesNotMatch((await t.app.inject({ url })).body, /Zebrapadgroep Den Haag/);
    const target = await t.database.db
      .selectFrom('service as s')
      .innerJoin('service_area as a', 'a.service_id', 's.id')
      .select('s.id')
      .where('a.municipality_code', '=', 'GM0518')
      .where('s.status', '=', 'active')
      .orderBy('s.id')
      .executeTakeFirstOrThrow();

    await t.database.db.updateTable('service').set({ name_nl: 'Zebrapadgroep Den Haag' }).where('id', '=', target.id).execute();
    const found = await cached(raw);
    assert.deepEqual(
      found.hits.map((h) => h.id),
      [target.id],
    );
    assert.match((await t.app.inject({ url })).body, /Zebrapadgroep Den Haag/);

    await t.database.db.updateTable('service').set({ status: 'inactive' }).where('id', '=', target.id).execute();
    assert.equal((await cached(raw)).total, 0);
    assert.doesNotMatch((await t.app.inject({ url })).body, /Zebrapadgroep Den Haag/);
  });

  it('shows a change to a service area in the next search', async () => {
    const raw = { gemeente: 'GM0518' };
    const before = await cached(raw);
    const first = before.hits[0];
    assert.ok(first);
    const deleted = await t.database.db.deleteFrom('service_area').where('service_id', '=', first.id).where('municipality_code', '=', 'GM0518').executeTakeFirst();
    const after = await cached(raw);
    if (Number(deleted.numDeletedRows) > 0) {
      assert.equal(after.total, before.total - 1);
      assert.ok(!after.hits.some((h) => h.id === first.id));
    } else {
      assert.deepEqual(after, before); // a national offering: not tied to the area
    }
  });
});
