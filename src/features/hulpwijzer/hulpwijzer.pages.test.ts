import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { demoTemplate } from '../../../test/db.ts';

/** The GET form on a page: where it goes and the hidden answers it carries. */
function formOf(html: string): { action: string; hidden: [string, string][] } {
  const action = /<form method="get" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as [string, string]);
  return { action, hidden };
}

const decode = (s: string) => s.replaceAll('&amp;', '&');

/** Submits the form of `html` like a browser without JavaScript: hidden answers plus this step's fields. */
function submit(html: string, fields: [string, string][]): string {
  const { action, hidden } = formOf(html);
  return `${action}?${new URLSearchParams([...hidden, ...fields]).toString()}`;
}

describe('Hulpwijzer pages (integration, no JavaScript)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ template: await demoTemplate() });
  });
  after(async () => {
    await t.close();
  });
  const get = (url: string, lang = 'nl') => t.app.inject({ url, headers: { cookie: `lang=${lang}` } });

  it('walks a parent through every step to the result, one question per page', async () => {
    let page = await get('/hulpwijzer');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Wie ben je\?/);
    assert.match(page.body, /href="\/hulpwijzer" aria-current="page"/);
    const answers: [string, string][][] = [
      [['role', 'parent']],
      [['postcode', '2611 AB'], ['gemeente', '']],
      [['phase', 'recent']],
      [['childAges', '6, 10']],
      [['communication', 'often_conflict']],
      [['childSignals', 'loyalty_conflict'], ['childSignals', 'school_problems']],
      [],
      [['wishes', 'help_with_conflict']],
    ];
    const visited: string[] = [];
    for (const fields of answers) {
      const url = submit(page.body, fields);
      visited.push(url.split('?')[0] ?? '');
      page = await get(url);
      assert.equal(page.statusCode, 200, url);
    }
    assert.deepEqual(visited, ['/hulpwijzer/stap/2', '/hulpwijzer/stap/3', '/hulpwijzer/stap/4', '/hulpwijzer/stap/5', '/hulpwijzer/stap/6', '/hulpwijzer/stap/7', '/hulpwijzer/stap/8', '/hulpwijzer/uitkomst']);
    assert.match(page.body, /Hulp die bij jullie past/);
    assert.match(page.body, /Past het best: Gespecialiseerde hulp/);
    assert.match(page.body, /data-rule="lasting_conflict_with_signs"/);
    assert.match(page.body, /Aanbod dat past, in en rond Delft/);
    assert.match(page.body, /class="utrecht-paragraph ww-why">Voor ouders · in Delft/);
    assert.doesNotMatch(page.body, /eerst-veilig/);
    // The shareable link holds only coded answers: the municipality code, no postcode.
    const share = decode(/class="utrecht-link ww-print-url ww-share-link" href="([^"]+)"/.exec(page.body)?.[1] ?? '');
    assert.match(share, /^\/hulpwijzer\/uitkomst\?role=parent&gemeente=GM0503&phase=recent&childAges=6%2C10&communication=often_conflict/);
    assert.doesNotMatch(share, /2611|postcode/);
    // Next steps link to the question desk and the consultation hours; not to a knowledge base that does not exist yet.
    assert.match(page.body, /href="\/vraag">Stel ons een vraag/);
    assert.match(page.body, /href="\/spreekuur">/);
    assert.doesNotMatch(page.body, /href="\/kennisbank"/);
  });

  it('keeps the answers when going back and forward', async () => {
    const step6 = await get('/hulpwijzer/stap/6?role=parent&gemeente=GM0518&phase=during&childAges=4&childSignals=sad_or_withdrawn&wishes=information');
    assert.match(step6.body, /value="sad_or_withdrawn" checked/);
    const back = decode(/href="([^"]+)" rel="prev"/.exec(step6.body)?.[1] ?? '');
    assert.match(back, /^\/hulpwijzer\/stap\/5\?/);
    const step5 = await get(back);
    assert.match(step5.body, /Hoe gaat het praten tussen de ouders\?/);
    // Answers of later steps travel along, so going forward again shows them still chosen.
    const forward = submit(step5.body, [['communication', 'good']]);
    const again = await get(forward);
    assert.match(again.body, /value="sad_or_withdrawn" checked/);
    assert.match(again.body, /name="wishes" value="information"/);
    const step2 = await get(decode(/href="([^"]+)" rel="prev"/.exec((await get('/hulpwijzer/stap/3?role=parent&gemeente=GM0518')).body)?.[1] ?? ''));
    assert.match(step2.body, /id="gemeente" name="gemeente" value="Den Haag"/);
  });

  it('gives children their own words, skips the question about the parents, and shows the Kindertelefoon', async () => {
    const step4 = await get('/hulpwijzer/stap/4?role=child');
    assert.match(step4.body, /Hoe oud ben je\?/);
    assert.match(step4.body, /Vraag 4 van 7/);
    assert.equal(formOf(step4.body).action, '/hulpwijzer/stap/6');
    const skipped = await get('/hulpwijzer/stap/5?role=child&childAges=9');
    assert.equal(skipped.statusCode, 303);
    assert.equal(skipped.headers['location'], '/hulpwijzer/stap/6?role=child&childAges=9');
    const step6 = await get('/hulpwijzer/stap/6?role=child');
    assert.match(step6.body, /Hoe gaat het met jou\?/);
    assert.match(step6.body, /Ik ben vaak verdrietig/);
    const result = await get('/hulpwijzer/uitkomst?role=child&gemeente=Delft&childAges=9&childSignals=sad_or_withdrawn');
    assert.match(result.body, /Hulp voor jou/);
    assert.match(result.body, /data-line="kindertelefoon"/);
  });

  it('puts the crisis routes first on the result page when there is danger, in English too', async () => {
    const res = await get('/hulpwijzer/uitkomst?role=parent&safety=violence_at_home&childSignals=self_harm_thoughts', 'en');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="en">/);
    const safety = res.body.indexOf('id="eerst-veilig"');
    assert.ok(safety > 0 && safety < res.body.indexOf('id="niveaus"'));
    const lines = [...res.body.matchAll(/data-line="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(lines, ['112', 'veilig-thuis', '113']);
    assert.match(res.body, /Is there danger right now\? Call 112 straight away\./);
    assert.match(res.body, /Fits best: Safety and crisis/);
  });

  it('records one demand row per result page view', async () => {
    const { db } = t.database;
    await db.deleteFrom('hulpwijzer_demand').execute();
    await get('/hulpwijzer/uitkomst?role=youth&gemeente=GM0637&childAges=16&wishes=someone_to_talk_to');
    const rows = await db.selectFrom('hulpwijzer_demand').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.channel, 'page');
    assert.deepEqual(rows[0]?.age_bands, ['13-17']);
    assert.equal(rows[0]?.municipality_code, 'GM0637');
  });

  it('asks for the municipality when a well-formed postcode is not known, and for the role when it is missing', async () => {
    const res = await get('/hulpwijzer/stap/3?role=parent&postcode=1000');
    assert.match(res.body, /Waar woont het gezin\?/);
    assert.match(res.body, /We kennen postcode 1000 niet/);
    const fixed = await get(submit(res.body, [['gemeente', 'Den Haag'], ['postcode', '1000']]));
    assert.match(fixed.body, /Hoe ver zijn jullie met de scheiding\?/);
    assert.match(fixed.body, /name="gemeente" value="GM0518"/);
    const noRole = await get('/hulpwijzer/stap/2');
    assert.match(noRole.body, /Kies wie je bent/);
  });

  it('answers 400 naming the field for an unknown value in the address', async () => {
    const res = await get('/hulpwijzer/uitkomst?role=parent&wishes=pony&phase=later');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /data-field="wishes"/);
    assert.match(res.body, /data-field="phase"/);
    assert.equal((await get('/hulpwijzer/stap/9?role=parent')).statusCode, 404);
  });

  it('shows the rules table for professionals in both languages', async () => {
    const nl = await get('/hulpwijzer/regels');
    assert.match(nl.body, /Regels van de Hulpwijzer/);
    assert.equal([...nl.body.matchAll(/<tr class="utrecht-table__row" id="regel-/g)].length, 13);
    assert.match(nl.body, /Altijd, als geen regel hierboven past/);
    const en = await get('/hulpwijzer/regels', 'en');
    assert.match(en.body, /Rules of the help finder/);
    assert.match(en.body, /Safety comes first/);
  });
});
