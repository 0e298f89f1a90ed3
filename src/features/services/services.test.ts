import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { demoTemplate } from '../../../test/db.ts';
import { demoId, readDemoData } from '../../demo/seed.ts';
import { formSession } from './services.fixtures.ts';

const A001 = demoId.service('demo-svc-a001');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('offering detail, report and API (integration, demo data)', () => {
  let t: TestApp;
  const reports = async () => Number((await t.database.db.selectFrom('service_report').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { PUBLIC_WRITE_RATE_LIMIT: '1000' } });
  });
  after(async () => {
    await t.close();
  });

  it('shows everything needed to decide and get in, in Dutch', async () => {
    const res = await t.app.inject({ url: `/aanbod/${A001}` });
    assert.equal(res.statusCode, 200);
    const body = res.body;
    for (const text of [
      'Informatieavond', 'Demo: verzonnen aanbod', 'Wat gebeurt er?', 'Eén keer per maand', 'Ouders', 'Vóór de scheiding',
      'In een groep', 'Eén avond van 2 uur', 'Meld je aan via de website', 'Vrij toegankelijk', 'Gratis', 'Nederlands, Engels',
      'Ouderschapsplan', 'Kastanjehofstraat 14', '2512 KT', 'Inloopspreekuur', 'Ingang zonder drempel', 'Delft, Den Haag, Zoetermeer',
      'mailto:info@samenverder.example.org', 'Laatst gecontroleerd', 'Niet beoordeeld', 'Meld een fout', 'Bewaar in je bewaarlijst',
      `/organisaties/${demoId.organization('demo-org-a01')}`,
    ]) {
      assert.ok(body.includes(text), `missing ${text}`);
    }
    assert.doesNotMatch(body, /search_document|search_words/);
  });

  it('shows English texts, language names and the recognition meaning of a programme', async () => {
    const kies = readDemoData().services.find((s) => s.interventionName === 'KIES (Kinderen In Een Scheiding)');
    assert.ok(kies);
    const res = await t.app.inject({ url: `/aanbod/${demoId.service(kies.id)}?lang=en` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="en">/);
    assert.ok(res.body.includes(kies.name.en));
    assert.match(res.body, /Effective: good indications \(recognised on 11 December 2020\)/);
    assert.match(res.body, /Good research shows that this approach helps/);
    const a001 = await t.app.inject({ url: `/aanbod/${A001}?lang=en` });
    assert.match(a001.body, /Dutch, English/);
  });

  it('answers a malformed or unknown id with the 404 page, never 500', async () => {
    for (const id of ['abc', '1234', `${A001}x`, "'%20or%201=1", UNKNOWN]) {
      const res = await t.app.inject({ url: `/aanbod/${id}` });
      assert.equal(res.statusCode, 404, id);
      assert.match(res.headers['content-type'] as string, /text\/html/);
    }
  });

  it('stores a valid report with its language and confirms after a redirect', async () => {
    const before = await reports();
    const s = await formSession(t, `/aanbod/${A001}?lang=en`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/aanbod/${A001}/meld-een-fout`,
      headers: { cookie: s.cookie },
      payload: { _csrf: s.token, message: 'The opening hours are wrong.', email: 'ouder@example.org', website: '' },
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/aanbod/${A001}?gemeld=1`);
    assert.equal(await reports(), before + 1);
    const row = await t.database.db.selectFrom('service_report').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    assert.equal(row.lang, 'en');
    assert.equal(row.email, 'ouder@example.org');
    const done = await t.app.inject({ url: `/aanbod/${A001}?gemeld=1` });
    assert.match(done.body, /Bedankt voor je melding/);
  });

  it('re-renders with status 400, an error summary and the typed values; stores nothing', async () => {
    const before = await reports();
    const s = await formSession(t, `/aanbod/${A001}`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/aanbod/${A001}/meld-een-fout`,
      headers: { cookie: s.cookie },
      payload: { _csrf: s.token, message: 'te kort', email: 'geen-adres' },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="ww-error-summary"/);
    assert.match(res.body, /href="#melding-bericht"/);
    assert.match(res.body, /href="#melding-email"/);
    assert.match(res.body, /utrecht-form-field-error-message[^>]*>Je melding is te kort/);
    assert.match(res.body, /Vul een geldig e-mailadres in/);
    assert.match(res.body, />te kort<\/textarea>/);
    assert.match(res.body, /value="geen-adres"/);
    const long = await t.app.inject({
      method: 'POST',
      url: `/aanbod/${A001}/meld-een-fout`,
      headers: { cookie: s.cookie },
      payload: { _csrf: s.token, message: 'x'.repeat(4001) },
    });
    assert.equal(long.statusCode, 400);
    assert.equal(await reports(), before);
  });

  it('refuses a post without CSRF token (403) and for an unknown offering (404); stores nothing', async () => {
    const before = await reports();
    const res = await t.app.inject({
      method: 'POST',
      url: `/aanbod/${A001}/meld-een-fout`,
      payload: { message: 'A perfectly valid message.' },
    });
    assert.equal(res.statusCode, 403);
    const s = await formSession(t, `/aanbod/${A001}`);
    for (const id of [UNKNOWN, 'not-a-uuid']) {
      const missing = await t.app.inject({
        method: 'POST',
        url: `/aanbod/${id}/meld-een-fout`,
        headers: { cookie: s.cookie },
        payload: { _csrf: s.token, message: 'A perfectly valid message.' },
      });
      assert.equal(missing.statusCode, 404, id);
    }
    assert.equal(await reports(), before);
  });

  it('pretends success for a filled honeypot and stores nothing', async () => {
    const before = await reports();
    const s = await formSession(t, `/aanbod/${A001}`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/aanbod/${A001}/meld-een-fout`,
      headers: { cookie: s.cookie },
      payload: { _csrf: s.token, message: 'Buy cheap things at my site now', website: 'https://spam.example' },
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/aanbod/${A001}?gemeld=1`);
    assert.equal(await reports(), before);
  });

  it('serves one offering as JSON in Dutch or English, never the raw row', async () => {
    const nl = await t.app.inject({ url: `/api/v1/services/${A001}` });
    assert.equal(nl.statusCode, 200);
    const body = nl.json<Record<string, unknown>>();
    assert.equal(body['id'], A001);
    assert.equal(body['lang'], 'nl');
    assert.match(String(body['name']), /Informatieavond/);
    assert.ok(!('search_document' in body) && !('search_words' in body) && !('name_nl' in body));
    assert.doesNotMatch(nl.body, /search_document|search_words/);
    const en = await t.app.inject({ url: `/api/v1/services/${A001}?lang=en` });
    assert.match(String(en.json<Record<string, unknown>>()['name']), /Information evening/);
  });

  it('answers unknown or malformed ids in the API with problem JSON', async () => {
    for (const id of [UNKNOWN, 'nope']) {
      const res = await t.app.inject({ url: `/api/v1/services/${id}` });
      assert.equal(res.statusCode, 404);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      assert.equal(res.json<{ status: number }>().status, 404);
    }
  });
});
