import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { demoTemplate } from '../../../test/db.ts';
import { demoId } from '../../demo/seed.ts';

const ORG = demoId.organization('demo-org-a01');
const A001 = demoId.service('demo-svc-a001');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** 21 more offerings for organisation a01, available in Den Haag, so both lists need a second page. */
async function addCopies(t: TestApp): Promise<void> {
  const { db } = t.database;
  const rest = await db
    .selectFrom('service')
    .select([
      'organization_id', 'summary_nl', 'summary_en', 'description_nl', 'description_en', 'status', 'level', 'audiences',
      'age_min', 'age_max', 'phases', 'forms', 'access', 'cost', 'languages', 'themes', 'last_verified', 'is_demo',
    ])
    .where('id', '=', A001)
    .executeTakeFirstOrThrow();
  for (let i = 0; i < 21; i++) {
    const row = await db
      .insertInto('service')
      .values({ ...rest, name_nl: `Kopie ${String(i).padStart(2, '0')}`, name_en: `Copy ${String(i).padStart(2, '0')}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('service_area').values({ service_id: row.id, municipality_code: 'GM0518' }).execute();
  }
}

describe('organisation and municipality pages (integration, demo data)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ template: await demoTemplate() });
  });
  after(async () => {
    await t.close();
  });

  it('shows an organisation with description, contact, demo badge, locations and offerings', async () => {
    const res = await t.app.inject({ url: `/organisaties/${ORG}` });
    assert.equal(res.statusCode, 200);
    for (const text of ['Stichting Samen Verder Haaglanden', 'fictief kenniscentrum', 'mailto:info@samenverder.example.org', 'Demo: verzonnen aanbod', 'Kastanjehofstraat 14', `/aanbod/${A001}`]) {
      assert.ok(res.body.includes(text), `missing ${text}`);
    }
    assert.equal([...res.body.matchAll(/class="ww-card ww-service-card"/g)].length, 8);
    assert.doesNotMatch(res.body, /utrecht-pagination/);
    const en = await t.app.inject({ url: `/organisaties/${ORG}?lang=en` });
    assert.match(en.body, /fictional knowledge centre/);
  });

  it('answers a malformed or unknown organisation id with 404', async () => {
    for (const id of ['x', UNKNOWN, `${ORG}0`]) {
      assert.equal((await t.app.inject({ url: `/organisaties/${id}` })).statusCode, 404, id);
    }
  });

  it('groups a municipality\'s active offerings by level in ladder order, with counts', async () => {
    const res = await t.app.inject({ url: '/gemeenten/GM0518' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Hulp in Den Haag/);
    const levels = [...res.body.matchAll(/<section class="ww-level-group" data-level="([a-z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(levels, ['information', 'advice', 'prevention', 'guidance', 'specialised', 'safety']);
    assert.match(res.body, /Informatie en zelfhulp \(5\)/);
    assert.match(res.body, /Veiligheid en crisis \(4\)/);
    assert.equal([...res.body.matchAll(/class="ww-card ww-service-card"/g)].length, 34);
    assert.match(res.body, /Bron: CBS/);
    // Inactive, closed and stopped offerings are not listed.
    assert.ok(!res.body.includes(demoId.service('demo-svc-b029')));
  });

  it('says so when a level has no offerings (a municipality outside the demo region)', async () => {
    const res = await t.app.inject({ url: '/gemeenten/GM0014?lang=en' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Help in Groningen/);
    assert.match(res.body, /There are no offerings at this level of help\./);
  });

  it('sends names and lower-case codes to the code address, and unknown ones to 404', async () => {
    for (const name of ['den-haag', 'Den%20Haag', 'DEN-HAAG', 's-gravenhage', 'gm0518']) {
      const res = await t.app.inject({ url: `/gemeenten/${name}` });
      assert.equal(res.statusCode, 301, name);
      assert.equal(res.headers.location, '/gemeenten/GM0518');
    }
    for (const code of ['GM9999', 'atlantis', '-', 'GM05189']) {
      assert.equal((await t.app.inject({ url: `/gemeenten/${code}` })).statusCode, 404, code);
    }
  });

  it('pages an organisation after 20 offerings and a municipality after 50', async () => {
    await addCopies(t);
    const first = await t.app.inject({ url: `/organisaties/${ORG}` });
    assert.equal([...first.body.matchAll(/class="ww-card ww-service-card"/g)].length, 20);
    assert.match(first.body, /Aanbod van deze organisatie \(29\)/);
    assert.match(first.body, /Pagina 1 van 2/);
    assert.match(first.body, /href="\/organisaties\/[^"?]+\?pagina=2"/);
    const second = await t.app.inject({ url: `/organisaties/${ORG}?pagina=2` });
    assert.equal([...second.body.matchAll(/class="ww-card ww-service-card"/g)].length, 9);
    assert.equal((await t.app.inject({ url: `/organisaties/${ORG}?pagina=3` })).statusCode, 404);
    assert.equal((await t.app.inject({ url: `/organisaties/${ORG}?pagina=abc` })).statusCode, 200);

    const muni = await t.app.inject({ url: '/gemeenten/GM0518' });
    assert.equal([...muni.body.matchAll(/class="ww-card ww-service-card"/g)].length, 50);
    assert.match(muni.body, /Informatie en zelfhulp \(26\)/);
    const muni2 = await t.app.inject({ url: '/gemeenten/GM0518?pagina=2' });
    assert.equal([...muni2.body.matchAll(/class="ww-card ww-service-card"/g)].length, 5);
    assert.match(muni2.body, /Dit aanbod staat op een andere pagina/);
  });
});

describe('stale marking on public pages follows STALE_AFTER_MONTHS', () => {
  it('marks an offering checked eight months ago as stale with 6 months, and not with 12', async () => {
    const eightMonthsAgo = new Date();
    eightMonthsAgo.setUTCMonth(eightMonthsAgo.getUTCMonth() - 8);
    const verified = eightMonthsAgo.toISOString().slice(0, 10);
    for (const [months, stale] of [['6', true], ['12', false]] as const) {
      const t = await createTestApp({ template: await demoTemplate(), env: { STALE_AFTER_MONTHS: months } });
      try {
        await t.database.db.updateTable('service').set({ last_verified: verified }).where('id', '=', A001).execute();
        const service = await t.app.inject({ url: `/aanbod/${A001}` });
        const organisation = await t.app.inject({ url: `/organisaties/${ORG}` });
        const card = /<li class="ww-card ww-service-card" data-service="([^"]+)".*?<\/li>/gs;
        const a001Card = [...organisation.body.matchAll(card)].find((m) => m[1] === A001)?.[0] ?? '';
        assert.ok(a001Card, 'the organisation page lists the offering');
        assert.equal(/ww-stale/.test(service.body), stale, `offering page, ${months} months`);
        assert.equal(/ww-stale/.test(a001Card), stale, `organisation page card, ${months} months`);
      } finally {
        await t.close();
      }
    }
  });
});

describe('deactivated organisations and locations on public pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ template: await demoTemplate() });
  });
  after(async () => {
    await t.close();
  });

  it('leaves a deactivated location out of the organisation and offering pages', async () => {
    const { db } = t.database;
    const location = await db
      .selectFrom('service_at_location as sal')
      .innerJoin('location as l', 'l.id', 'sal.location_id')
      .select(['l.id', 'l.address'])
      .where('sal.service_id', '=', A001)
      .executeTakeFirstOrThrow();
    for (const url of [`/organisaties/${ORG}`, `/aanbod/${A001}`]) assert.ok((await t.app.inject({ url })).body.includes(location.address), url);
    await db.updateTable('location').set({ status: 'inactive' }).where('id', '=', location.id).execute();
    for (const url of [`/organisaties/${ORG}`, `/aanbod/${A001}`]) assert.ok(!(await t.app.inject({ url })).body.includes(location.address), url);
  });

  it('says a deactivated organisation is no longer listed, without its contact details', async () => {
    await t.database.db.updateTable('organization').set({ status: 'inactive' }).where('id', '=', ORG).execute();
    const nl = await t.app.inject({ url: `/organisaties/${ORG}` });
    assert.equal(nl.statusCode, 200);
    assert.match(nl.body, /Deze organisatie staat niet meer in de Wegwijzer/);
    assert.doesNotMatch(nl.body, /mailto:info@samenverder\.example\.org/);
    assert.doesNotMatch(nl.body, /ww-service-card/);
    const en = await t.app.inject({ url: `/organisaties/${ORG}?lang=en` });
    assert.match(en.body, /This organisation is no longer listed/);
  });
});
