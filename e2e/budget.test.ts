import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { demoId } from '../src/demo/seed.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { demoTemplate } from '../test/db.ts';

/** Every public page, HTML plus its stylesheet, fits in 40 KB over the wire, and needs no JavaScript. */
const BUDGET = 40 * 1024;
const PAGES = [
  '/',
  '/direct-hulp',
  '/privacy',
  '/toegankelijkheid',
  '/contact',
  '/zoeken',
  '/zoeken?q=scheiding',
  '/zoeken?q=kinderen&gemeente=GM0518&afstand=10',
  `/aanbod/${demoId.service('demo-svc-a001')}`,
  `/organisaties/${demoId.organization('demo-org-a01')}`,
  '/gemeenten/GM0518',
  '/bewaarlijst',
  '/hulpwijzer',
  '/hulpwijzer/regels',
  '/hulpwijzer/uitkomst?role=parent&gemeente=GM0518&communication=often_conflict&childSignals=loyalty_conflict',
];

/** Bytes on the wire with `accept-encoding: gzip`: the compressed body, or the body gzipped when the server left it small. */
function gzippedBytes(res: LightMyRequestResponse): number {
  if (res.headers['content-encoding'] === 'gzip') return res.rawPayload.length;
  assert.equal(res.headers['content-encoding'], undefined, 'only gzip was offered');
  return gzipSync(res.rawPayload).length;
}

function withLang(path: string, lang: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

describe('byte budget and no-JavaScript pages', () => {
  let t: TestApp;
  const sizes: string[] = [];
  before(async () => {
    t = await createTestApp({ template: await demoTemplate() });
  });
  after(async () => {
    if (sizes.length > 0) console.log(`# page (lang): html + css = total bytes gzipped\n${sizes.map((s) => `# ${s}`).join('\n')}`);
    await t?.close();
  });

  for (const path of PAGES) {
    for (const lang of ['nl', 'en']) {
      it(`${path} (${lang}) fits ${BUDGET / 1024} KB and works without JavaScript`, async () => {
        const page = await t.app.inject({ url: withLang(path, lang), headers: { 'accept-encoding': 'gzip' } });
        assert.equal(page.statusCode, 200, path);
        const plain = await t.app.inject({ url: withLang(path, lang) });
        const html = plain.body;

        const css = html.match(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/)?.[1];
        assert.ok(css, 'the page links its stylesheet');
        const style = await t.app.inject({ url: css, headers: { 'accept-encoding': 'gzip' } });
        assert.equal(style.statusCode, 200);

        const htmlBytes = gzippedBytes(page);
        const cssBytes = gzippedBytes(style);
        sizes.push(`${withLang(path, lang)}: ${htmlBytes} + ${cssBytes} = ${htmlBytes + cssBytes}`);
        assert.ok(htmlBytes + cssBytes <= BUDGET, `${htmlBytes} + ${cssBytes} bytes exceeds ${BUDGET}`);

        // Scripts may only enhance: every one is deferred, none is inline.
        for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
          assert.match(tag, /\sdefer\b/, `script without defer: ${tag}`);
          assert.match(tag, /\ssrc=/, `inline script: ${tag}`);
        }
        // The main content is in the HTML itself: a <main> with a heading and text.
        const main = html.match(/<main\b[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? '';
        assert.match(main, /<h1\b[^>]*>[\s\S]*?\S[\s\S]*?<\/h1>/, 'main has a heading');
        const text = main.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
        assert.ok(text.length >= 80, `main holds its content as text (${text.length} characters)`);
      });
    }
  }
});
