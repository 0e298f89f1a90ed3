import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { demoTemplate } from '../../../test/db.ts';
import { FILTERS, FILTER_NAMES } from './search.query.ts';
import { flushSearchDemand } from './search.routes.ts';

describe('/zoeken and /api/v1/services (integration)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { DEMO_DATA: 'on' } });
  });
  after(async () => {
    await t.close();
  });

  it('shows results with facet counts and a results heading, in both languages', async () => {
    const nl = await t.app.inject({ url: '/zoeken?q=kinderen&gemeente=GM0518' });
    assert.equal(nl.statusCode, 200);
    assert.match(nl.body, /<h2 class="utrecht-heading-2" id="resultaten" aria-live="polite">\d+ resultaten in of voor Den Haag/);
    assert.match(nl.body, /name="hulpniveau" value="advice"/);
    assert.match(nl.body, /<span class="ww-count">\(\d+\)<\/span>/);
    assert.match(nl.body, /Demo: verzonnen aanbod/);
    const en = await t.app.inject({ url: '/zoeken?q=kinderen&gemeente=GM0518&lang=en' });
    assert.match(en.body, /results in or for Den Haag/);
  });

  it('explains an empty result: what to loosen, national offerings and the crisis lines', async () => {
    const res = await t.app.inject({ url: '/zoeken?q=zzqxw&gemeente=GM0518&hulpniveau=advice' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /We vonden niets dat past/);
    assert.match(res.body, /Zoek zonder het woord &quot;zzqxw&quot;/);
    assert.match(res.body, /Landelijk en online aanbod/);
    assert.match(res.body, /data-line="112"/);
  });

  it('shows De Kindertelefoon before any result when children or young people are searching', async () => {
    const res = await t.app.inject({ url: '/zoeken?doelgroep=children&gemeente=GM0518' });
    const line = res.body.indexOf('data-line="kindertelefoon"');
    const firstResult = res.body.indexOf('data-service=');
    assert.ok(line > 0 && firstResult > 0 && line < firstResult, 'Kindertelefoon comes first');
    const parents = await t.app.inject({ url: '/zoeken?doelgroep=parents&gemeente=GM0518' });
    assert.doesNotMatch(parents.body, /data-line="kindertelefoon"/);
  });

  it('answers the API in Dutch unless ?lang=en, whatever the language cookie says', async () => {
    const cookie = 'lang=en';
    const nl = await t.app.inject({ url: '/api/v1/services?gemeente=GM0518', headers: { cookie } });
    assert.equal(nl.headers['content-language'], 'nl');
    const en = await t.app.inject({ url: '/api/v1/services?gemeente=GM0518&lang=en' });
    assert.equal(en.headers['content-language'], 'en');
    assert.notEqual(nl.json().items[0].levelLabel, en.json().items[0].levelLabel);
  });

  it('asks for the municipality when the postcode is unknown', async () => {
    const res = await t.app.inject({ url: '/zoeken?postcode=1000' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /We kennen postcode 1000 niet/);
    const api = await t.app.inject({ url: '/api/v1/services?postcode=1000' });
    assert.equal(api.statusCode, 400);
    assert.ok(api.json().errors.postcode);
  });

  it('records anonymous search demand for page one only (buffered, written by a flush)', async () => {
    await flushSearchDemand(t.app);
    const before = await t.database.db.selectFrom('search_demand').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await t.app.inject({ url: '/zoeken?q=ouderschapsplan&gemeente=GM0503' });
    await t.app.inject({ url: '/zoeken?q=ouderschapsplan&gemeente=GM0503&pagina=2' });
    await flushSearchDemand(t.app);
    const rows = await t.database.db.selectFrom('search_demand').selectAll().orderBy('id', 'desc').execute();
    assert.equal(rows.length, Number(before.n) + 1);
    assert.equal(rows[0]?.municipality_code, 'GM0503');
    assert.equal(rows[0]?.query, 'ouderschapsplan');
  });

  it('answers the API with paginated items and facets, never raw rows', async () => {
    const res = await t.app.inject({ url: '/api/v1/services?gemeente=Delft&doelgroep=children' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.municipality.code, 'GM0503');
    assert.ok(body.items.length > 0 && body.items.length <= 20);
    assert.equal(body.items[0].search_document, undefined);
    assert.deepEqual(Object.keys(body.facets).sort(), [...FILTER_NAMES].sort());
  });

  it('answers every combination of query parameters with 200 or a 400 naming the field, never a 500', async () => {
    const filterValue = (name: (typeof FILTER_NAMES)[number]) =>
      fc.oneof(fc.constantFrom(...(FILTERS[name].codes ?? ['nl', 'en', 'tr'])), fc.string({ maxLength: 12 }));
    const param = fc.oneof(
      fc.record({ q: fc.oneof(fc.string({ maxLength: 250 }), fc.constantFrom('scheiding', 'mediaton', 'taalcafé', '\u0000\u0001', 'x'.repeat(300))) }),
      fc.record({ gemeente: fc.oneof(fc.constantFrom('GM0518', 'Delft', 'den-haag', 'GM9999', ''), fc.string({ maxLength: 90 })) }),
      fc.record({ postcode: fc.oneof(fc.constantFrom('2511', '2511 AB', '2511AB', '1000', '0123', '25111'), fc.string({ maxLength: 10 })) }),
      fc.record({ afstand: fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), fc.string({ maxLength: 5 })) }),
      fc.record({ leeftijd: fc.oneof(fc.integer({ min: -5, max: 120 }).map(String), fc.string({ maxLength: 5 })) }),
      fc.record({ pagina: fc.oneof(fc.integer({ min: -3, max: 1000 }).map(String), fc.constantFrom('1e9', 'abc', '')) }),
      fc.record({ sortering: fc.oneof(fc.constantFrom('relevantie', 'afstand'), fc.string({ maxLength: 10 })) }),
      ...FILTER_NAMES.map((name) => fc.record({ [name]: fc.array(filterValue(name), { maxLength: 3 }) })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(param, { minLength: 1, maxLength: 4 }), fc.boolean(), async (parts, api) => {
        const query = new URLSearchParams();
        for (const part of parts) {
          for (const [key, value] of Object.entries(part)) {
            for (const v of Array.isArray(value) ? value : [value]) query.append(key, String(v));
          }
        }
        const res = await t.app.inject({ url: `${api ? '/api/v1/services' : '/zoeken'}?${query.toString()}` });
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${res.statusCode} for ${query.toString()}`);
        if (res.statusCode === 400 && api) {
          const fields = Object.keys(res.json().errors ?? {});
          assert.ok(fields.length > 0 && fields.every((f) => query.has(f)), `400 must name a given field: ${res.body}`);
        }
        if (res.statusCode === 400 && !api) assert.match(res.body, /Dit verzoek klopt niet/);
      }),
      { numRuns: 150 },
    );
  });
});
