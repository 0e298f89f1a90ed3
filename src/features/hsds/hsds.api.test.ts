import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { demoTemplate } from '../../../test/db.ts';
import { SKIP_NOTICE, errorsOf, hsdsAvailable, openApiValidator, schemaValidator } from './hsds.schemas.testkit.ts';
import { exportDocument } from './hsds.service.ts';
import { taxonomyId, termId } from './hsds.taxonomy.ts';
import type { HsdsPage, HsdsService } from './hsds.types.ts';

describe('HSDS export and open API (demo catalogue)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ template: await demoTemplate() });
  });
  after(async () => t.close());

  const json = async <T>(url: string): Promise<T> => {
    const res = await t.app.inject({ url });
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
    return res.json<T>();
  };

  it('exports every service and organisation valid against the official compiled schemas', { skip: !hsdsAvailable && SKIP_NOTICE }, async () => {
    await t.database.db.insertInto('service_report').values({ service_id: (await t.database.db.selectFrom('service').select('id').executeTakeFirstOrThrow()).id, message: 'geheime melding xyz', lang: 'nl' }).execute();
    const doc = await exportDocument(t.database.db);
    assert.ok(doc.services.length >= 80, `services: ${doc.services.length}`);
    const service = schemaValidator('compiled/service.json');
    for (const s of doc.services) assert.ok(service(s), `service ${s.id}: ${errorsOf(service)}`);
    const organization = schemaValidator('compiled/organization.json');
    for (const o of doc.organizations) assert.ok(organization(o), `organization ${o.id}: ${errorsOf(organization)}`);
    const term = schemaValidator('taxonomy_term.json');
    for (const x of doc.taxonomy_terms) assert.ok(term(x), `term ${x.id}: ${errorsOf(term)}`);
    assert.doesNotMatch(JSON.stringify(doc), /geheime melding/);
  });

  it('carries our Dutch extensions as attributes with published terms', async () => {
    const doc = await exportDocument(t.database.db);
    const withRecognition = doc.services.find((s) => s.attributes.some((a) => a.taxonomy_term.taxonomy === 'recognition' && a.value));
    assert.ok(withRecognition, 'some service has a dated recognition');
    const published = new Set(doc.taxonomy_terms.map((x) => x.id));
    for (const s of doc.services) {
      for (const a of s.attributes) assert.ok(published.has(a.taxonomy_term_id), `${a.taxonomy_term.taxonomy}:${a.taxonomy_term.code} is published`);
      assert.ok(s.attributes.some((a) => a.taxonomy_term.taxonomy === 'level'), 'every service has a level');
    }
    assert.ok(doc.taxonomy_terms.some((x) => x.code === 'parenting_plan' && x.name === 'Ouderschapsplan' && x.id === termId('theme', 'parenting_plan')));
  });

  it('answers every endpoint with bodies valid against the OpenAPI description', { skip: !hsdsAvailable && SKIP_NOTICE }, async () => {
    const root = await json<Record<string, string>>('/api/hsds/');
    assert.equal(root['version'], '3.0');
    assert.ok(openApiValidator('/')(root));
    // The profile the root points to is served by this installation.
    const profile = await t.app.inject({ url: new URL(root['profile'] ?? '').pathname });
    assert.equal(profile.statusCode, 200);
    assert.match(profile.body, /^# /);
    const services = await json<HsdsPage<HsdsService>>('/api/hsds/services?per_page=10&page=2');
    assert.equal(services.contents.length, 10);
    assert.equal(services.page_number, 2);
    assert.equal(services.first_page, false);
    const first = services.contents[0];
    assert.ok(first);
    const checks: [string, string][] = [
      ['/services', '/api/hsds/services?per_page=10&page=2'],
      ['/services', '/api/hsds/services?full=true&per_page=5'],
      ['/services', '/api/hsds/services?minimal=true&per_page=200'],
      ['/services/{id}', `/api/hsds/services/${first.id}`],
      ['/taxonomies', '/api/hsds/taxonomies'],
      ['/taxonomy_terms', '/api/hsds/taxonomy_terms?per_page=500'],
      ['/organizations', '/api/hsds/organizations'],
      ['/organizations/{id}', `/api/hsds/organizations/${first.organization_id}`],
      ['/service_at_locations', '/api/hsds/service_at_locations?postcode=2512KT&proximity=5000'],
    ];
    for (const [apiPath, url] of checks) {
      const body = await json<unknown>(url);
      const validate = openApiValidator(apiPath);
      assert.ok(validate(body), `${url}: ${errorsOf(validate)}`);
    }
    const terms = await json<HsdsPage<{ id: string }>>('/api/hsds/taxonomy_terms?per_page=1');
    const term = terms.contents[0];
    assert.ok(term);
    assert.ok(openApiValidator('/taxonomy_terms/{id}')(await json(`/api/hsds/taxonomy_terms/${term.id}`)));
    const taxonomies = await json<HsdsPage<{ id: string }>>('/api/hsds/taxonomies');
    assert.ok(openApiValidator('/taxonomies/{id}')(await json(`/api/hsds/taxonomies/${taxonomies.contents[0]?.id ?? ''}`)));
    // The OpenAPI file gives /service_at_locations/{id} the service schema by mistake; we answer a service_at_location.
    const sals = await json<HsdsPage<{ id: string }>>('/api/hsds/service_at_locations?per_page=1');
    const sal = schemaValidator('compiled/service_at_location.json');
    assert.ok(sal(await json(`/api/hsds/service_at_locations/${sals.contents[0]?.id ?? ''}`)), errorsOf(sal));
  });

  it('filters by taxonomy term, taxonomy, organisation and proximity', async () => {
    const all = await json<HsdsPage<HsdsService>>('/api/hsds/services?per_page=1');
    const safety = await json<HsdsPage<HsdsService>>(`/api/hsds/services?full=true&per_page=1000&taxonomy_term_id=${termId('level', 'safety')}`);
    assert.ok(safety.total_items > 0 && safety.total_items < all.total_items);
    for (const s of safety.contents) assert.ok(s.attributes.some((a) => a.taxonomy_term.code === 'safety' && a.taxonomy_term.taxonomy === 'level'));
    const near = await json<HsdsPage<unknown>>('/api/hsds/service_at_locations?postcode=2512KT&proximity=2000');
    const far = await json<HsdsPage<unknown>>('/api/hsds/service_at_locations?postcode=2512KT&proximity=50000');
    assert.ok(near.total_items <= far.total_items && far.total_items > 0);
    const org = all.contents[0]?.organization_id ?? '';
    const byOrg = await json<HsdsPage<HsdsService>>(`/api/hsds/services?per_page=1000&organization_id=${org}`);
    assert.ok(byOrg.total_items > 0 && byOrg.contents.every((s) => s.organization_id === org));
    const future = await json<HsdsPage<HsdsService>>('/api/hsds/services?modified_after=2999-01-01');
    assert.equal(future.total_items, 0);
    assert.equal(future.empty, true);
    const kies = await json<HsdsPage<HsdsService>>('/api/hsds/services?search=scheiding&per_page=1000');
    assert.ok(kies.total_items > 0 && kies.total_items < all.total_items);
    const levels = await json<HsdsPage<{ taxonomy: string }>>(`/api/hsds/taxonomy_terms?per_page=100&taxonomy_id=${taxonomyId('level')}`);
    assert.equal(levels.total_items, 6);
    assert.ok(levels.contents.every((x) => x.taxonomy === 'level'));
  });

  it('streams ndjson, sends CORS, rate-limit, ETag and Last-Modified, and answers 304', async () => {
    const total = (await json<HsdsPage<unknown>>('/api/hsds/services?per_page=1')).total_items;
    const nd = await t.app.inject({ url: '/api/hsds/services?format=ndjson' });
    assert.match(String(nd.headers['content-type']), /application\/x-ndjson/);
    const lines = nd.body.trim().split('\n');
    assert.equal(lines.length, total);
    assert.ok((JSON.parse(lines[0] ?? '{}') as HsdsService).service_areas);
    const res = await t.app.inject({ url: '/api/hsds/services' });
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['x-ratelimit-limit'], '120');
    const etag = String(res.headers['etag']);
    assert.equal((await t.app.inject({ url: '/api/hsds/services', headers: { 'if-none-match': etag } })).statusCode, 304);
    const since = String(res.headers['last-modified']);
    assert.equal((await t.app.inject({ url: '/api/hsds/services', headers: { 'if-modified-since': since } })).statusCode, 304);
    assert.equal((await t.app.inject({ url: '/api/hsds/services', headers: { 'if-none-match': '"other"' } })).statusCode, 200);
  });

  it('answers 400 problem JSON for parameters out of range, never a 500', async () => {
    const bad = await t.app.inject({ url: '/api/hsds/services?per_page=0' });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
    assert.equal((await t.app.inject({ url: '/api/hsds/service_at_locations?proximity=100' })).statusCode, 400);
    assert.equal((await t.app.inject({ url: '/api/hsds/services/not-a-uuid' })).statusCode, 404);
    const params = ['page', 'per_page', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'minimal', 'full', 'format', 'search', 'postcode', 'proximity'];
    const paths = ['/api/hsds/services', '/api/hsds/service_at_locations', '/api/hsds/taxonomy_terms', '/api/hsds/organizations'];
    let fuzzClient = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.constantFrom(...params), fc.oneof(fc.string(), fc.integer().map(String), fc.constant('-1'), fc.constant('1e9')), async (p, name, value) => {
        // The open API shares one budget per client; each probe comes from its own client.
        fuzzClient += 1;
        const remoteAddress = `10.77.${fuzzClient >> 8}.${fuzzClient & 255}`;
        const res = await t.app.inject({ url: `${p}?${new URLSearchParams({ [name]: value }).toString()}`, remoteAddress });
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${p}?${name}=${value} gave ${res.statusCode}`);
      }),
      { numRuns: 150 },
    );
  });
});
