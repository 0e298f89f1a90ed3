import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, demoTemplate, type TestDatabase } from '../../../test/db.ts';
import { loadServiceSummaries } from '../catalogue/catalogue.repository.ts';
import { FILTER_NAMES, parseSearchParams } from './search.query.ts';
import { findCandidates } from './search.repository.ts';
import { runSearch, type SearchOutcome } from './search.service.ts';

function results(outcome: SearchOutcome) {
  assert.equal(outcome.kind, 'results');
  if (outcome.kind !== 'results') throw new Error('no results');
  return outcome;
}

describe('search quality (integration, demo data)', () => {
  let database: TestDatabase;
  const search = async (raw: Record<string, string | string[]>, pageSize = 200) =>
    results(await runSearch(database.db, parseSearchParams(raw), pageSize));
  const texts = async (ids: readonly { id: string }[]) =>
    (await loadServiceSummaries(database.db, ids.map((h) => h.id))).map((r) => `${r.name_nl} ${r.summary_nl}`.toLowerCase());
  const fullTexts = async (ids: readonly { id: string }[]) =>
    (
      await database.db
        .selectFrom('service')
        .select(['name_nl', 'description_nl', 'summary_nl', 'name_en', 'description_en'])
        .where('id', 'in', ids.length > 0 ? ids.map((h) => h.id) : ['00000000-0000-0000-0000-000000000000'])
        .execute()
    ).map((r) => Object.values(r).join(' ').toLowerCase());

  before(async () => {
    database = await createTestDatabase(await demoTemplate());
  });
  after(async () => {
    await database.cleanup();
  });

  it('folds accents: taalcafe finds the taalcafé', async () => {
    const { result } = await search({ q: 'taalcafe' });
    assert.ok(result.total >= 1);
    assert.ok((await fullTexts(result.hits)).some((t) => t.includes('taalcafé')));
  });

  it('finds compounds from their first part', async () => {
    const scheiding = await search({ q: 'scheiding' });
    assert.ok((await fullTexts(scheiding.result.hits)).some((t) => t.includes('scheidingsproblematiek')));
    const ouderschap = await search({ q: 'ouderschap' });
    assert.ok((await fullTexts(ouderschap.result.hits)).some((t) => t.includes('ouderschapsplan')));
  });

  it('forgives typos: mediaton finds mediation', async () => {
    const { result } = await search({ q: 'mediaton' });
    assert.ok(result.total >= 1);
    assert.ok((await fullTexts(result.hits)).some((t) => t.includes('mediation')));
  });

  it('knows field synonyms: vechtscheiding finds complex divorces', async () => {
    const { result } = await search({ q: 'vechtscheiding' });
    assert.ok((await fullTexts(result.hits)).some((t) => t.includes('complexe scheiding')));
  });

  it('weighs the name above the description', async () => {
    const { result } = await search({ q: 'omgangsbegeleiding' });
    const found = await texts(result.hits);
    assert.ok(found.length >= 2, 'needs a name hit and a description hit');
    assert.ok(found[0]?.includes('omgangsbegeleiding'), `first hit should carry the word in its name: ${found[0]}`);
  });

  it('keeps a municipality search within its area, plus national offerings', async () => {
    const { result, place } = await search({ gemeente: 'Wassenaar' });
    assert.equal(place?.code, 'GM0629');
    assert.ok(result.total > 0);
    const rows = await database.db
      .selectFrom('service as s')
      .select(['s.id', 's.national'])
      .select((eb) =>
        eb
          .exists(eb.selectFrom('service_area as a').select('a.service_id').whereRef('a.service_id', '=', 's.id').where('a.municipality_code', '=', 'GM0629'))
          .as('covers'),
      )
      .where('s.id', 'in', result.hits.map((h) => h.id))
      .execute();
    assert.equal(rows.length, result.hits.length);
    for (const row of rows) assert.ok(row.national || row.covers, `${row.id} is outside Wassenaar`);
  });

  it('widens to a radius around a postcode when asked, sorted by distance', async () => {
    const near = await search({ postcode: '2242', afstand: '15', sortering: 'afstand' });
    const only = await search({ postcode: '2242' });
    assert.equal(near.place?.code, 'GM0629');
    assert.ok(near.result.total > only.result.total);
    const distances = near.result.hits.map((h) => h.distanceKm).filter((d): d is number => d !== null);
    assert.deepEqual(distances, [...distances].sort((a, b) => a - b));
  });

  it('counts facets that match what a click on them returns', async () => {
    const base = await search({ gemeente: 'GM0518', hulpniveau: 'advice' });
    for (const [code, count] of Object.entries(base.result.facets.doelgroep)) {
      const narrowed = await search({ gemeente: 'GM0518', hulpniveau: 'advice', doelgroep: code });
      assert.equal(narrowed.result.total, count, `doelgroep=${code}`);
    }
    // Disjunctive: the level facet still counts other levels while one is chosen.
    assert.ok(Object.keys(base.result.facets.hulpniveau).length > 1);
    for (const name of FILTER_NAMES) assert.equal(typeof base.result.facets[name], 'object');
  });

  it('knows, for each chosen filter, the total without it: the same as searching again without it', async () => {
    const raw = { gemeente: 'GM0518', hulpniveau: 'advice', doelgroep: 'children', vorm: 'group' };
    const { result } = await search(raw);
    assert.ok(Object.values(result.totalWithout).some((n) => n > result.total), 'some filter must be the one that narrows');
    for (const name of ['hulpniveau', 'doelgroep', 'vorm'] as const) {
      const again = await search(Object.fromEntries(Object.entries(raw).filter(([key]) => key !== name)));
      assert.equal(result.totalWithout[name], again.result.total, `without ${name}`);
    }
  });

  it('asks for the municipality when a well-formed postcode is not in the 2020 list', async () => {
    const outcome = await runSearch(database.db, parseSearchParams({ postcode: '1000' }));
    assert.deepEqual(outcome, { kind: 'unknown-postcode', postcode: '1000' });
  });

  it('pages through results without overlap', async () => {
    const first = await search({}, 10);
    const second = results(await runSearch(database.db, parseSearchParams({ pagina: '2' }), 10));
    assert.equal(first.result.hits.length, 10);
    const overlap = first.result.hits.filter((h) => second.result.hits.some((s) => s.id === h.id));
    assert.deepEqual(overlap, []);
  });
});

describe('candidate lines (integration, demo data)', () => {
  it('keeps an offering whose name holds tabs and line breaks on one line, with every field in place', async () => {
    const database = await createTestDatabase(await demoTemplate());
    try {
      const target = await database.db
        .selectFrom('service')
        .select(['id', 'level', 'access', 'cost', 'themes'])
        .where('status', '=', 'active')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await database.db.updateTable('service').set({ name_nl: 'Praat\tgroep\nDelft\r\nZuid' }).where('id', '=', target.id).execute();
      const all = results(await runSearch(database.db, parseSearchParams({}), 20));
      const candidates = await findCandidates(database.db, {
        tsQuery: null, text: '', municipality: null, origin: null, radiusKm: null, age: null,
        filters: parseSearchParams({}).filters, sort: 'relevance', limit: 20, offset: 0,
      });
      assert.equal(candidates.length, all.result.total, 'one candidate per offering: no line was split');
      const mine = candidates.find((c) => c.id === target.id);
      assert.deepEqual(
        mine && { name: mine.name_nl, level: mine.level, access: mine.access, cost: mine.cost, themes: mine.themes },
        { name: 'Praat groep Delft  Zuid', level: target.level, access: target.access, cost: target.cost, themes: target.themes },
      );
    } finally {
      await database.cleanup();
    }
  });
});
