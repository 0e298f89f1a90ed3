import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { demoTemplate } from '../../../test/db.ts';
import { demoId } from '../../demo/seed.ts';
import { formSession } from './services.fixtures.ts';

const A001 = demoId.service('demo-svc-a001');
const A002 = demoId.service('demo-svc-a002');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

function listCookie(setCookie: string | string[] | undefined): string | undefined {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.find((c) => c.startsWith('bewaarlijst='));
}

function cookieIds(header: string | undefined): string[] {
  const value = decodeURIComponent(header?.split(';')[0]?.slice('bewaarlijst='.length) ?? '');
  return value ? value.split(',') : [];
}

describe('bewaarlijst (integration, demo data)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ template: await demoTemplate() });
  });
  after(async () => {
    await t.close();
  });

  async function post(url: string, payload: Record<string, string>, cookie = '', headers: Record<string, string> = {}) {
    const s = await formSession(t, `/aanbod/${A001}`, cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, ...headers }, payload: { _csrf: s.token, ...payload } });
  }

  it('adds an offering to a cookie list and goes back to the page it came from', async () => {
    const res = await post('/bewaarlijst', { id: A001, terug: `/aanbod/${A001}` });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/aanbod/${A001}`);
    const cookie = listCookie(res.headers['set-cookie']);
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Max-Age=7776000/);
    assert.deepEqual(cookieIds(cookie), [A001]);

    const page = await t.app.inject({ url: '/bewaarlijst', headers: { cookie: cookie.split(';')[0] ?? '' } });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`href="/aanbod/${A001}"`));
    assert.match(page.body, /action="\/bewaarlijst\/verwijder"/);
    assert.match(page.body, new RegExp(`/bewaarlijst\\?ids=${A001}`));
    const detail = await t.app.inject({ url: `/aanbod/${A001}`, headers: { cookie: cookie.split(';')[0] ?? '' } });
    assert.match(detail.body, /Dit aanbod staat in je bewaarlijst/);
  });

  it('removes an offering, and clears the cookie when the list is empty', async () => {
    const start = `bewaarlijst=${encodeURIComponent(`${A001},${A002}`)}`;
    const res = await post('/bewaarlijst/verwijder', { id: A001 }, start);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/bewaarlijst');
    assert.deepEqual(cookieIds(listCookie(res.headers['set-cookie'])), [A002]);
    const empty = await post('/bewaarlijst/verwijder', { id: A002 }, `bewaarlijst=${A002}`);
    assert.match(listCookie(empty.headers['set-cookie']) ?? '', /bewaarlijst=;/);
  });

  it('ignores unknown and invalid ids silently', async () => {
    for (const id of [UNKNOWN, 'not-a-uuid', '']) {
      const res = await post('/bewaarlijst', { id });
      assert.equal(res.statusCode, 303);
      assert.equal(listCookie(res.headers['set-cookie']), undefined, id);
    }
    const page = await t.app.inject({ url: '/bewaarlijst', headers: { cookie: `bewaarlijst=${encodeURIComponent(`junk,${UNKNOWN},${A002}`)}` } });
    assert.equal(page.statusCode, 200);
    assert.equal([...page.body.matchAll(/class="ww-card ww-service-card"/g)].length, 1);
  });

  it('keeps at most 50 ids, even from a 60-id cookie', async () => {
    const sixty = Array.from({ length: 60 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const res = await post('/bewaarlijst', { id: A001 }, `bewaarlijst=${encodeURIComponent(sixty.join(','))}`);
    const ids = cookieIds(listCookie(res.headers['set-cookie']));
    assert.equal(ids.length, 50);
    assert.equal(ids.at(-1), A001);
    const page = await t.app.inject({ url: '/bewaarlijst', headers: { cookie: `bewaarlijst=${encodeURIComponent(sixty.join(','))}` } });
    assert.equal(page.statusCode, 200);
  });

  it('never redirects to another site', async () => {
    for (const terug of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await post('/bewaarlijst', { id: A001, terug });
      assert.equal(res.headers.location, '/bewaarlijst', terug);
    }
    const foreign = await post('/bewaarlijst', { id: A001 }, '', { referer: 'https://evil.example/aanbod' });
    assert.equal(foreign.headers.location, '/bewaarlijst');
    const own = await post('/bewaarlijst', { id: A001 }, '', { referer: 'http://localhost:80/gemeenten/GM0518?pagina=1' });
    assert.equal(own.headers.location, '/gemeenten/GM0518?pagina=1');
  });

  it('shows a shared list read-only and lets the visitor take it over', async () => {
    const page = await t.app.inject({ url: `/bewaarlijst?ids=${A002},nonsense,${A001}&lang=en` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Shared list/);
    assert.doesNotMatch(page.body, /action="\/bewaarlijst\/verwijder"/);
    assert.match(page.body, new RegExp(`name="ids" value="${A002},${A001}"`));
    const res = await post('/bewaarlijst', { ids: `${A002},${UNKNOWN},${A001}` }, `bewaarlijst=${demoId.service('demo-svc-a003')}`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/bewaarlijst');
    assert.deepEqual(cookieIds(listCookie(res.headers['set-cookie'])), [A002, A001]);
  });

  it('refuses changes without a CSRF token', async () => {
    for (const url of ['/bewaarlijst', '/bewaarlijst/verwijder']) {
      const res = await t.app.inject({ method: 'POST', url, payload: { id: A001 } });
      assert.equal(res.statusCode, 403, url);
      assert.equal(listCookie(res.headers['set-cookie']), undefined);
    }
  });
});
