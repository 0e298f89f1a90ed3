import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser, type TestUser } from '../../../test/auth.ts';
import { demoTemplate } from '../../../test/db.ts';
import { demoId } from '../../demo/seed.ts';
import { countRows, formOf, submit } from './editing.testkit.ts';

const A001 = demoId.service('demo-svc-a001');
const ORG = demoId.organization('demo-org-a01');

describe('catalogue editing by an editor (integration, demo data)', () => {
  let t: TestApp;
  let editor: TestUser;
  const service = () => t.database.db.selectFrom('service').selectAll().where('id', '=', A001).executeTakeFirstOrThrow();
  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { PUBLIC_WRITE_RATE_LIMIT: '1000' } });
    editor = await createTestUser(t.database.db, { roles: ['editor'] });
  });
  after(async () => {
    await t.close();
  });

  it('lists offerings paginated and filtered by text and organisation', async () => {
    const all = await t.app.inject({ url: '/beheer/aanbod', headers: { cookie: editor.cookie } });
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /resultaten/);
    const filtered = await t.app.inject({ url: `/beheer/aanbod?q=Informatieavond&organisatie=${ORG}`, headers: { cookie: editor.cookie } });
    assert.ok(filtered.body.includes(`data-id="${A001}"`));
    const other = await t.app.inject({ url: '/beheer/aanbod?q=zzzz-geen-treffer', headers: { cookie: editor.cookie } });
    assert.match(other.body, /0 resultaten/);
  });

  it('saves an edit as a new version with a baseline, a version row and an audit row', async () => {
    const { fields, version } = await formOf(t, 'service', A001);
    const res = await submit(t, `/beheer/aanbod/${A001}`, `/beheer/aanbod/${A001}`, editor.cookie, { ...fields, name_nl: 'Informatieavond (nieuw)', verified: 'ja', _version: String(version) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const row = await service();
    assert.equal(row.name_nl, 'Informatieavond (nieuw)');
    assert.equal(row.version, version + 1);
    assert.equal(String(row.last_verified), new Date().toISOString().slice(0, 10));
    const versions = await t.database.db.selectFrom('catalogue_version').select(['version', 'source']).where('entity_id', '=', A001).orderBy('version').execute();
    assert.deepEqual(versions.map((v) => v.source), ['baseline', 'editor']);
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'service.update').where('object_id', '=', A001).executeTakeFirstOrThrow();
    assert.equal(audit.actor_id, editor.id);
    assert.ok((audit.detail['fields'] as string[]).includes('name_nl'));
    assert.ok(!JSON.stringify(audit.detail).includes('Informatieavond'), 'no contents in the audit detail');
  });

  it('rejects bad input per field, keeps the typed values and saves nothing', async () => {
    const { fields, version } = await formOf(t, 'service', A001);
    const versionsBefore = await countRows(t, 'catalogue_version');
    const res = await submit(t, `/beheer/aanbod/${A001}`, `/beheer/aanbod/${A001}`, editor.cookie, {
      ...fields, name_nl: '', email: 'geen-adres', website: 'ftp://x', age_min: '12', age_max: '4', municipalities: 'Atlantis', languages: 'Nederlands', audiences: [], level: 'x', waiting_weeks: 'veel', _version: String(version),
    });
    assert.equal(res.statusCode, 400);
    for (const text of ['Naam (Nederlands): Vul dit veld in.', 'E-mailadres: Vul een geldig e-mailadres in', 'Website: Vul een volledig webadres', 'Leeftijd tot en met: De leeftijd tot en met', 'een van deze gemeenten kennen we niet', 'Talen: Gebruik taalcodes', 'Voor wie: Kies minstens één', 'Hulpniveau: Kies een van', 'Wachttijd in weken: Vul een heel getal in']) {
      assert.ok(res.body.toLowerCase().includes(text.toLowerCase()), `missing: ${text}`);
    }
    assert.match(res.body, /value="geen-adres"/);
    assert.match(res.body, />Atlantis</);
    assert.match(res.body, /href="#veld-name-nl"/);
    assert.equal(await countRows(t, 'catalogue_version'), versionsBefore);
    assert.equal((await service()).version, version);
  });

  it('answers in English with English field messages', async () => {
    const { fields, version } = await formOf(t, 'organization', ORG);
    const res = await submit(t, `/beheer/organisaties/${ORG}?lang=en`, `/beheer/organisaties/${ORG}`, editor.cookie, { ...fields, name: '', _version: String(version) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Name: Fill in this field\./);
  });

  it('shows a conflict with both versions instead of overwriting, and saves on re-apply', async () => {
    const { fields, version } = await formOf(t, 'service', A001);
    const first = await submit(t, `/beheer/aanbod/${A001}`, `/beheer/aanbod/${A001}`, editor.cookie, { ...fields, summary_nl: 'Samenvatting van redacteur één.', _version: String(version) });
    assert.equal(first.statusCode, 303);
    const second = await submit(t, `/beheer/aanbod/${A001}`, `/beheer/aanbod/${A001}`, editor.cookie, { ...fields, summary_nl: 'Samenvatting van redacteur twee.', _version: String(version) });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Iemand anders heeft dit intussen gewijzigd/);
    assert.ok(second.body.includes('Samenvatting van redacteur één.') && second.body.includes('Samenvatting van redacteur twee.'));
    assert.equal((await service()).summary_nl, 'Samenvatting van redacteur één.');
    const current = /name="_version" value="(\d+)"/.exec(second.body)?.[1];
    assert.equal(current, String(version + 1));
    const again = await submit(t, `/beheer/aanbod/${A001}`, `/beheer/aanbod/${A001}`, editor.cookie, { ...fields, summary_nl: 'Samenvatting van redacteur twee.', _version: String(current) });
    assert.equal(again.statusCode, 303);
    assert.equal((await service()).summary_nl, 'Samenvatting van redacteur twee.');
  });

  it('creates an organisation, a location placed by its postcode, and an offering there', async () => {
    const org = await submit(t, '/beheer/organisaties/nieuw', '/beheer/organisaties/nieuw', editor.cookie, { name: 'Testorganisatie', description_nl: '', description_en: '', email: 'info@test.example.org', website: 'https://test.example.org', phone: '015 123 45 67' });
    assert.equal(org.statusCode, 303);
    const orgId = /organisaties\/([0-9a-f-]{36})/.exec(String(org.headers.location))?.[1] ?? '';
    const place = await submit(t, '/beheer/locaties/nieuw', '/beheer/locaties/nieuw', editor.cookie, { organization_id: orgId, name: 'Kantoor', address: 'Markt 1', postcode: '2611gn', city: 'Delft', municipality_code: 'GM0503', lat: '', lon: '' });
    assert.equal(place.statusCode, 303, place.body.slice(0, 300));
    const locationId = /locaties\/([0-9a-f-]{36})/.exec(String(place.headers.location))?.[1] ?? '';
    const stored = await t.database.db.selectFrom('location').selectAll().where('id', '=', locationId).executeTakeFirstOrThrow();
    assert.equal(stored.postcode, '2611 GN');
    assert.ok(stored.lat > 51 && stored.lat < 53);
    const { fields } = await formOf(t, 'service', A001);
    const created = await submit(t, '/beheer/aanbod/nieuw', '/beheer/aanbod/nieuw', editor.cookie, { ...fields, organization_id: orgId, name_nl: 'Nieuw aanbod', location_ids: [locationId], municipalities: 'Delft' });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const serviceId = /aanbod\/([0-9a-f-]{36})/.exec(String(created.headers.location))?.[1] ?? '';
    const links = await t.database.db.selectFrom('service_at_location').select('location_id').where('service_id', '=', serviceId).execute();
    assert.deepEqual(links.map((l) => l.location_id), [locationId]);
    const version = await t.database.db.selectFrom('catalogue_version').selectAll().where('entity_id', '=', serviceId).executeTakeFirstOrThrow();
    assert.equal(version.source, 'create');
    // Another organisation's location can't be attached.
    const foreign = await submit(t, '/beheer/aanbod/nieuw', '/beheer/aanbod/nieuw', editor.cookie, { ...fields, name_nl: 'Fout aanbod', location_ids: [locationId] });
    assert.equal(foreign.statusCode, 400);
    assert.ok(foreign.body.includes('href="#veld-location-ids"'), 'the locations field is named in the error summary');
  });

  it('deactivates (never deletes) and refuses while active offerings depend on the record', async () => {
    const org = await formOf(t, 'organization', ORG);
    const blocked = await submit(t, `/beheer/organisaties/${ORG}`, `/beheer/organisaties/${ORG}/deactiveren`, editor.cookie, { _version: String(org.version) });
    assert.equal(blocked.statusCode, 303);
    assert.match(String(blocked.headers.location), /geblokkeerd=1/);
    assert.equal((await t.database.db.selectFrom('organization').select('status').where('id', '=', ORG).executeTakeFirstOrThrow()).status, 'active');
    const { version } = await formOf(t, 'service', A001);
    const res = await submit(t, `/beheer/aanbod/${A001}`, `/beheer/aanbod/${A001}/deactiveren`, editor.cookie, { _version: String(version) });
    assert.equal(res.statusCode, 303);
    assert.equal((await service()).status, 'inactive');
    const back = await submit(t, `/beheer/aanbod/${A001}`, `/beheer/aanbod/${A001}/activeren`, editor.cookie, { _version: String(version + 1) });
    assert.equal(back.statusCode, 303);
    assert.equal((await service()).status, 'active');
  });

  it('shows the history with a diff and restores an earlier version as a new version', async () => {
    const history = await t.app.inject({ url: `/beheer/aanbod/${A001}/geschiedenis`, headers: { cookie: editor.cookie } });
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /Wijzigingen van versie/);
    assert.match(history.body, /Informatieavond \(nieuw\)/);
    const baseline = await t.database.db.selectFrom('catalogue_version').selectAll().where('entity_id', '=', A001).where('source', '=', 'baseline').executeTakeFirstOrThrow();
    const { version } = await formOf(t, 'service', A001);
    const before = await service();
    const res = await submit(t, `/beheer/aanbod/${A001}/geschiedenis`, `/beheer/aanbod/${A001}/herstellen`, editor.cookie, { _version: String(version), versie: String(baseline.version) });
    assert.equal(res.statusCode, 303);
    const row = await service();
    assert.equal(row.name_nl, baseline.snapshot['name_nl']);
    assert.equal(row.version, version + 1);
    assert.equal(String(row.last_verified), String(before.last_verified), 'restoring is not checking');
    const restored = await t.database.db.selectFrom('catalogue_version').selectAll().where('entity_id', '=', A001).where('version', '=', version + 1).executeTakeFirstOrThrow();
    assert.equal(restored.source, 'restore');
    assert.equal(restored.restored_from, baseline.version);
  });
});
