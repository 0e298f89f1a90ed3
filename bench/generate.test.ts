import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ACCESS, AUDIENCES, COSTS, FORMS, LEVELS, PHASES, SERVICE_STATUSES, THEMES } from '../src/db/schema.ts';
import { insertCatalogue, readDemoData, type DemoFile } from '../src/demo/seed.ts';
import { referenceDataDir } from '../src/paths.ts';
import { parseCsv } from '../src/reference/load-reference.ts';
import { createTestDatabase, sql } from '../test/db.ts';
import { generateCatalogue } from './generate.ts';

const municipalities = new Set(parseCsv(fs.readFileSync(path.join(referenceDataDir, 'gemeenten.csv'), 'utf8')).map((r) => r['code']));
const interventions = new Set((JSON.parse(fs.readFileSync(path.join(referenceDataDir, 'interventions.json'), 'utf8')) as { name: string }[]).map((i) => i.name));
const oneOf = (list: readonly string[], value: string, what: string) => assert.ok(list.includes(value), `${what}: ${value}`);

/** The invariants every catalogue file must keep, the demo region as much as the generated one. */
function assertValidCatalogue(data: DemoFile): void {
  const orgs = new Set(data.organizations.map((o) => o.id));
  const locations = new Map(data.locations.map((l) => [l.id, l]));
  assert.equal(orgs.size, data.organizations.length, 'organisation ids are unique');
  assert.equal(locations.size, data.locations.length, 'location ids are unique');
  assert.equal(new Set(data.services.map((s) => s.id)).size, data.services.length, 'service ids are unique');
  for (const o of data.organizations) assert.equal(o.demo, true);
  for (const l of data.locations) {
    assert.ok(orgs.has(l.organizationId), l.id);
    assert.ok(municipalities.has(l.municipality), `${l.id} municipality ${l.municipality}`);
    assert.match(l.postcode, /^[1-9][0-9]{3} ?[A-Z]{2}$/);
    assert.ok(l.lat >= 50 && l.lat <= 54 && l.lon >= 3 && l.lon <= 8, `${l.id} coordinates`);
  }
  for (const s of data.services) {
    assert.equal(s.demo, true);
    assert.ok(orgs.has(s.organizationId), `${s.id} organisation`);
    oneOf(SERVICE_STATUSES, s.status, 'status');
    oneOf(LEVELS, s.level, 'level');
    oneOf(ACCESS, s.access, 'access');
    oneOf(COSTS, s.cost, 'cost');
    assert.ok(s.audiences.length > 0, `${s.id} has an audience`);
    for (const a of s.audiences) {
      oneOf(AUDIENCES, a.group, 'audience');
      if (a.ageMin !== null && a.ageMax !== null) assert.ok(a.ageMin <= a.ageMax, `${s.id} age range`);
    }
    for (const p of s.phases) oneOf(PHASES, p, 'phase');
    for (const f of s.forms) oneOf(FORMS, f, 'form');
    for (const t of s.themes) oneOf(THEMES, t, 'theme');
    assert.ok(s.languages.includes('nl'), `${s.id} is offered in Dutch`);
    assert.ok(s.name.nl.length > 0 && s.name.nl.length <= 200 && s.name.en.length > 0);
    if (s.interventionName !== null) assert.ok(interventions.has(s.interventionName), `${s.id} intervention ${s.interventionName}`);
    if (s.serviceArea !== 'national') {
      assert.ok(s.serviceArea.length > 0, `${s.id} has a service area`);
      for (const code of s.serviceArea) assert.ok(municipalities.has(code), `${s.id} area ${code}`);
    }
    for (const id of s.locationIds) {
      const l = locations.get(id);
      assert.ok(l, `${s.id} location ${id}`);
      assert.equal(l.organizationId, s.organizationId, `${s.id} location belongs to its organisation`);
      if (s.serviceArea !== 'national') assert.ok(s.serviceArea.includes(l.municipality), `${s.id} location lies in its service area`);
    }
  }
}

describe('generateCatalogue', () => {
  it('keeps the demo data invariants (checked on the demo region too)', () => {
    assertValidCatalogue(readDemoData());
    assertValidCatalogue(generateCatalogue(3000));
  });

  it('spreads offerings over every municipality with the intended mix', () => {
    const data = generateCatalogue(3000);
    assert.equal(data.services.length, 3000);
    assert.match(data.services[0]?.id ?? '', /^gen-svc-000001$/);
    const covered = new Set(data.services.flatMap((s) => (s.serviceArea === 'national' ? [] : s.serviceArea)));
    assert.equal(covered.size, municipalities.size, 'every municipality has offerings');
    const share = (p: (s: DemoFile['services'][number]) => boolean) => data.services.filter(p).length / data.services.length;
    const national = share((s) => s.serviceArea === 'national');
    assert.ok(national > 0.002 && national < 0.03, `national share ${national}`);
    const programme = share((s) => s.interventionName !== null);
    assert.ok(programme > 0.15 && programme < 0.25, `intervention share ${programme}`);
    for (const s of data.services) if (s.serviceArea !== 'national') assert.ok(s.serviceArea.length >= 1 && s.serviceArea.length <= 3);
    // Every value of every enum occurs.
    for (const [list, values] of [
      [LEVELS, data.services.map((s) => s.level)],
      [AUDIENCES, data.services.flatMap((s) => s.audiences.map((a) => a.group))],
      [PHASES, data.services.flatMap((s) => s.phases)],
      [FORMS, data.services.flatMap((s) => s.forms)],
      [ACCESS, data.services.map((s) => s.access)],
      [COSTS, data.services.map((s) => s.cost)],
      [THEMES, data.services.flatMap((s) => s.themes)],
      [SERVICE_STATUSES, data.services.map((s) => s.status)],
    ] as const) {
      assert.deepEqual(new Set(values), new Set(list));
    }
    assert.ok(new Set(data.services.flatMap((s) => s.languages)).size > 5, 'several languages');
  });

  it('is deterministic per seed', () => {
    assert.deepEqual(generateCatalogue(300, 7), generateCatalogue(300, 7));
    assert.notDeepEqual(generateCatalogue(300, 7), generateCatalogue(300, 8));
  });

  it('loads into a database with insertCatalogue', async () => {
    const data = generateCatalogue(200);
    const database = await createTestDatabase();
    try {
      await insertCatalogue(database.db, data);
      const count = async (table: string) =>
        Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(database.db)).rows[0]?.n);
      assert.equal(await count('organization'), data.organizations.length);
      assert.equal(await count('location'), data.locations.length);
      assert.equal(await count('service'), 200);
      const areas = data.services.reduce((n, s) => n + (s.serviceArea === 'national' ? 0 : s.serviceArea.length), 0);
      assert.equal(await count('service_area'), areas);
      assert.equal(await count('service_at_location'), data.services.reduce((n, s) => n + s.locationIds.length, 0));
      const searchable = await sql<{ n: string }>`select count(*)::text as n from service where search_document @@ to_tsquery('nl', 'scheiding:*')`.execute(database.db);
      assert.ok(Number(searchable.rows[0]?.n) > 0, 'the search trigger filled search_document');
    } finally {
      await database.cleanup();
    }
  });
});
