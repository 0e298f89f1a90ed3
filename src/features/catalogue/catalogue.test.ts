import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, demoTemplate, type TestDatabase } from '../../../test/db.ts';
import { demoId, readDemoData } from '../../demo/seed.ts';
import { asOf, freshness, presentServiceSummary } from './catalogue.presenter.ts';
import { listTaxonomyTerms, loadServiceSummaries } from './catalogue.repository.ts';
import { Taxonomy } from './taxonomy.ts';

describe('freshness', () => {
  const today = new Date('2026-11-22T12:00:00Z');
  it('is fresh within six months, stale after, very stale after a year (STALE_AFTER_MONTHS=6)', () => {
    const when = asOf({ staleAfterMonths: 6 }, today);
    assert.equal(freshness('2026-06-01', when), 'fresh');
    assert.equal(freshness('2026-05-21', when), 'stale');
    assert.equal(freshness('2025-11-23', when), 'stale');
    assert.equal(freshness('2025-11-01', when), 'very_stale');
  });

  it("follows the installation's STALE_AFTER_MONTHS", () => {
    const when = asOf({ staleAfterMonths: 3 }, today);
    assert.equal(freshness('2026-08-23', when), 'fresh');
    assert.equal(freshness('2026-08-21', when), 'stale');
    assert.equal(freshness('2026-05-21', when), 'very_stale');
    assert.equal(freshness('2026-05-21', asOf({ staleAfterMonths: 12 }, today)), 'fresh');
  });
});

describe('service summaries (integration, demo data)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase(await demoTemplate());
  });
  after(async () => {
    await database.cleanup();
  });

  it('loads every demo offering with its organisation, in the order asked', async () => {
    const demo = readDemoData();
    const ids = demo.services.map((s) => demoId.service(s.id)).reverse();
    const rows = await loadServiceSummaries(database.db, ids);
    assert.deepEqual(rows.map((r) => r.id), ids);
    assert.ok(rows.every((r) => r.is_demo && r.organization_name.length > 0));
  });

  it('shows recognition with its date only for programmes that have one', async () => {
    const demo = readDemoData();
    const kies = demo.services.find((s) => s.interventionName === 'KIES (Kinderen In Een Scheiding)');
    const plain = demo.services.find((s) => s.interventionName === null);
    assert.ok(kies && plain);
    const taxonomy = new Taxonomy(await listTaxonomyTerms(database.db));
    const [k, p] = await loadServiceSummaries(database.db, [demoId.service(kies.id), demoId.service(plain.id)]);
    assert.ok(k && p);
    const view = presentServiceSummary(k, 'nl', taxonomy, asOf({ staleAfterMonths: 6 }, new Date('2026-11-22')));
    assert.deepEqual(view.recognition, {
      code: 'goede_aanwijzingen',
      label: 'Effectief volgens goede aanwijzingen',
      date: '2020-12-11',
      programme: 'KIES (Kinderen In Een Scheiding)',
    });
    assert.equal(presentServiceSummary(p, 'en', taxonomy, asOf({ staleAfterMonths: 6 }, new Date('2026-11-22'))).recognition, null);
  });
});
