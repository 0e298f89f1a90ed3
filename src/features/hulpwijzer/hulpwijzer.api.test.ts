import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { demoTemplate } from '../../../test/db.ts';
import { hulpwijzerOpenApi } from './openapi.ts';

interface AdviceBody {
  safetyFirst: boolean;
  crisisLines: { id: string }[];
  levels: { primary: string; also: string[] };
  reasons: { rule: string; text: string }[];
  municipality: { code: string; name: string } | null;
  services: { id: string; level: string; why: string; national: boolean; recognition: { programme: string } | null }[];
}

describe('POST /api/v1/hulpwijzer (integration, demo region)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { PUBLIC_WRITE_RATE_LIMIT: '40' } });
  });
  after(async () => {
    await t.close();
  });

  const post = (payload: unknown, url = '/api/v1/hulpwijzer') => t.app.inject({ method: 'POST', url, payload: payload as object });

  it('advises levels and local offerings, recognised programmes first, with a reason per offering', async () => {
    const res = await post({ role: 'parent', gemeente: 'Delft', childAges: [7, 10], childSignals: ['sad_or_withdrawn'], wishes: ['group_for_child'] });
    assert.equal(res.statusCode, 200);
    const body = res.json<AdviceBody>();
    assert.equal(body.safetyFirst, false);
    assert.deepEqual(body.crisisLines, []);
    assert.deepEqual(body.levels, { primary: 'prevention', also: ['advice', 'information'] });
    assert.equal(body.reasons[0]?.rule, 'signs_in_child');
    assert.deepEqual(body.municipality, { code: 'GM0503', name: 'Delft' });
    assert.ok(body.services.length > 0 && body.services.length <= 10);
    assert.ok(body.services.every((s) => ['prevention', 'advice', 'information'].includes(s.level)));
    assert.ok(body.services.every((s) => s.why.startsWith('Voor ouders · ') && (s.national || s.why.includes('in Delft'))));
    assert.ok(body.services[0]?.recognition, 'a recognised programme (e.g. !JES, Dappere Dino\'s) comes first');
    const firstPlain = body.services.findIndex((s) => s.recognition === null);
    assert.ok(firstPlain === -1 || body.services.slice(firstPlain).every((s) => s.recognition === null), 'recognised first');
    const recognised = body.services.find((s) => s.recognition);
    if (recognised) assert.match(recognised.why, /erkend programma /);
  });

  it('puts 112, Veilig Thuis and the Kindertelefoon first for a child in danger, in English with ?lang=en', async () => {
    const res = await post({ role: 'child', postcode: '2611', childAges: [10], safety: ['violence_at_home'] }, '/api/v1/hulpwijzer?lang=en');
    const body = res.json<AdviceBody>();
    assert.equal(body.safetyFirst, true);
    assert.deepEqual(body.crisisLines.map((l) => l.id), ['112', 'veilig-thuis', 'kindertelefoon']);
    assert.equal(body.levels.primary, 'safety');
    assert.match(body.reasons[0]?.text ?? '', /Safety comes first/);
    assert.equal(body.municipality?.code, 'GM0503');
  });

  it('answers 400 with problem JSON naming each wrong field', async () => {
    const res = await post({ role: 'grandma', childAges: [4, 30], wishes: ['money'], colour: 'blue' });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const problem = res.json<{ status: number; errors: Record<string, string> }>();
    assert.equal(problem.status, 400);
    assert.deepEqual(Object.keys(problem.errors).sort(), ['childAges', 'colour', 'role', 'wishes']);
    const missing = await post({ phase: 'during' });
    assert.deepEqual(Object.keys(missing.json<{ errors: object }>().errors), ['role']);
    const unknownPlace = await post({ role: 'parent', gemeente: 'Atlantis' });
    assert.deepEqual(Object.keys(unknownPlace.json<{ errors: object }>().errors), ['gemeente']);
    const unknownPostcode = await post({ role: 'parent', postcode: '1000 AA' });
    assert.match(unknownPostcode.json<{ errors: Record<string, string> }>().errors['postcode'] ?? '', /gemeente/);
  });

  it('stores one anonymous demand row per call: age bands, no exact ages, no postcode', async () => {
    const { db } = t.database;
    await db.deleteFrom('hulpwijzer_demand').execute();
    await post({ role: 'parent', postcode: '2611 AB', phase: 'recent', childAges: [2, 9, 15], communication: 'often_conflict', childSignals: ['loyalty_conflict'], wishes: ['help_with_conflict'] });
    const rows = await db.selectFrom('hulpwijzer_demand').selectAll().execute();
    assert.equal(rows.length, 1);
    const row = rows[0];
    assert.ok(row);
    assert.equal(row.channel, 'api');
    assert.equal(row.municipality_code, 'GM0503');
    assert.deepEqual(row.age_bands, ['0-3', '8-12', '13-17']);
    assert.deepEqual(row.child_signals, ['loyalty_conflict']);
    assert.equal(row.primary_level, 'specialised');
    assert.deepEqual(row.also_levels, ['guidance']);
    const text = JSON.stringify(row);
    assert.doesNotMatch(text, /2611|"(2|9|15)"|\b15\b/);
    assert.ok(!('postcode' in row) && !('child_ages' in row));
  });

  it('is rate-limited per client', async () => {
    const limited = await createTestApp({ template: await demoTemplate(), env: { PUBLIC_WRITE_RATE_LIMIT: '2' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await limited.app.inject({ method: 'POST', url: '/api/v1/hulpwijzer', payload: { role: 'parent' } })).statusCode);
      assert.deepEqual(codes, [200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('documents itself in an OpenAPI 3.1 fragment with the same vocabulary', () => {
    const op = hulpwijzerOpenApi.paths['/api/v1/hulpwijzer'].post;
    assert.ok(op.responses['400']);
    const props = hulpwijzerOpenApi.components.schemas.HulpwijzerAnswers.properties;
    assert.deepEqual([...props.role.enum], ['parent', 'child', 'youth', 'professional', 'network']);
    assert.deepEqual([...hulpwijzerOpenApi.components.schemas.HulpwijzerLevel.enum], ['information', 'advice', 'prevention', 'guidance', 'specialised', 'safety']);
  });
});
