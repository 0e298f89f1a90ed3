import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { VALID } from '../src/features/questions/questions.fixtures.ts';
import { bookingBody, insertTestSlot } from '../src/features/spreekuur/spreekuur.fixtures.ts';
import { cookiesFrom, createTestApp, type TestApp } from './app.ts';
import { createTestUser } from './auth.ts';
import { demoTemplate } from './db.ts';

/**
 * Hostile values into every field the app has, found the way an attacker finds them: the forms
 * and links of every page (as a visitor, an admin and a provider), the path parameters of the
 * route table, and the parameters and bodies of the OpenAPI document. Never a 5xx; a 4xx never
 * stores anything (row counts and row versions of every table that holds submissions).
 */

interface Hostile {
  readonly label: string;
  readonly value: string;
}

const TEXT: readonly Hostile[] = [
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'bell', value: 'ring\u0007' },
  { label: 'escape', value: '\u001b[31mred' },
  { label: 'DEL', value: 'x\u007f' },
  { label: 'C1', value: 'next\u0085line' },
  { label: 'lone high surrogate', value: 'x\ud800' },
  { label: 'lone low surrogate', value: '\udc00x' },
  { label: 'noncharacter', value: '\uffff' },
  { label: 'huge', value: 'x'.repeat(20_000) },
  { label: 'year 9999', value: '9999-12-31' },
  { label: 'year 0', value: '0000-01-01' },
  { label: 'year 275760', value: '+275760-09-13' },
  { label: '30 February', value: '2024-02-30' },
  { label: 'huge number', value: '99999999999999999999' },
  { label: 'exponent', value: '1e309' },
  { label: 'negative', value: '-1' },
  { label: 'LIKE wildcards', value: '%_\\' },
];

/** Percent-encoding that keeps a lone surrogate as the (invalid) bytes an attacker would send. */
function encode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(value[i] ?? '');
  }
  return out;
}

function formBody(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|#39|lt|gt|#x27);/g, (_m, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>', '#x27': "'" })[e] ?? '');
}

function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}(?=[\\s>/])`).exec(tag);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? '');
}

interface Form {
  readonly method: 'GET' | 'POST';
  readonly action: string;
  readonly fields: [string, string][];
  readonly names: string[];
}

/** The forms of a page as a browser would submit them (checked boxes, selected options, the first named button). */
function formsIn(html: string, pagePath: string): Form[] {
  const forms: Form[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, tag = '', inner = ''] = match;
    const method = (attr(tag, 'method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
    const action = attr(tag, 'action') || pagePath;
    if (!action.startsWith('/')) continue;
    const fields: [string, string][] = [];
    const names = new Set<string>();
    const radios = new Set<string>();
    let buttonTaken = false;
    for (const control of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>|<(input|button)\b([^>]*)>/g)) {
      const kind = control[1] !== undefined ? 'textarea' : control[3] !== undefined ? 'select' : (control[5] ?? 'input');
      const controlTag = control[1] ?? control[3] ?? control[6] ?? '';
      const body = control[2] ?? control[4] ?? '';
      const name = attr(controlTag, 'name');
      if (!name) continue;
      names.add(name);
      const type = (attr(controlTag, 'type') ?? (kind === 'button' ? 'submit' : 'text')).toLowerCase();
      if (kind === 'textarea') fields.push([name, decodeEntities(body)]);
      else if (kind === 'select') {
        const options = [...body.matchAll(/<option\b([^>]*)>/g)].map((o) => o[1] ?? '');
        const chosen = options.find((o) => /\sselected/.test(o)) ?? options[0];
        if (chosen !== undefined) fields.push([name, attr(chosen, 'value') ?? '']);
      } else if (type === 'checkbox' || type === 'radio') {
        if (/\schecked/.test(controlTag) && !(type === 'radio' && radios.has(name))) {
          fields.push([name, attr(controlTag, 'value') ?? 'on']);
          if (type === 'radio') radios.add(name);
        }
      } else if (type === 'submit') {
        // Only the button that is pressed is sent: the first named one.
        if (!buttonTaken) fields.push([name, attr(controlTag, 'value') ?? '']);
        buttonTaken = true;
      } else fields.push([name, attr(controlTag, 'value') ?? '']);
    }
    forms.push({ method, action: decodeEntities(action).split('#')[0] ?? action, fields, names: [...names].filter((n) => n !== '_csrf') });
  }
  return forms;
}

/** Links with a query string on the page: the query parameters a route reads. */
function queryLinksIn(html: string): { path: string; params: [string, string][] }[] {
  const found: { path: string; params: [string, string][] }[] = [];
  for (const match of html.matchAll(/href="(\/[^"#]*\?[^"#]*)"/g)) {
    const url = new URL(decodeEntities(match[1] ?? ''), 'http://x');
    found.push({ path: url.pathname, params: [...url.searchParams.entries()] });
  }
  return found;
}

const SUBMISSION_TABLES = [
  'question',
  'question_message',
  'catalogue_version',
  'catalogue_proposal',
  'app_user',
  'user_organization',
  'user_municipality',
  'account_token',
  'recovery_code',
  'outbox_email',
  'job',
  'spreekuur_hours',
  'spreekuur_exception',
  'spreekuur_slot',
  'spreekuur_booking',
  'organization',
  'location',
  'service',
  'service_area',
  'service_at_location',
  'service_report',
  'hulpwijzer_demand',
  'hsds_attribute',
] as const;

describe('fuzz: hostile values into every field of every route (integration)', () => {
  let t: TestApp;
  let signature: () => Promise<string>;
  const failures: string[] = [];
  let requests = 0;
  /** Answers per method and status class, printed so a walk that only met 403s would show. */
  const tally = new Map<string, number>();

  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
    const query = sql.raw(SUBMISSION_TABLES.map((table) => `(select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from ${table})`).join(" || '|' || "));
    signature = async () => (await sql<{ s: string }>`select ${query} as s`.execute(t.database.db)).rows[0]?.s ?? '';
  });
  after(async () => t.close());

  /** Sends one request; a 5xx is a failure, and so is a 4xx that changed a submission table. */
  async function probe(label: string, request: InjectOptions): Promise<number> {
    const before = await signature();
    requests += 1;
    // Each probe from its own client: rate limits and sign-in throttles are tested elsewhere.
    const remoteAddress = `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
    const res = await t.app.inject({ ...request, remoteAddress });
    const bucket = `${request.method ?? 'GET'} ${res.statusCode}`;
    tally.set(bucket, (tally.get(bucket) ?? 0) + 1);
    if (res.statusCode >= 500) failures.push(`${label} → ${res.statusCode}`);
    else if (res.statusCode >= 400 && (await signature()) !== before) failures.push(`${label} → ${res.statusCode} but something was stored`);
    return res.statusCode;
  }

  interface Visitor {
    readonly name: string;
    /** A fresh session each time: a fuzzed sign-out form must not end the walk. */
    session(): Promise<string>;
  }

  async function visitors(): Promise<Visitor[]> {
    const org = await t.database.db.selectFrom('organization').select('id').limit(1).executeTakeFirstOrThrow();
    return [
      { name: 'visitor', session: async () => '' },
      { name: 'admin', session: async () => (await createTestUser(t.database.db, { roles: ['admin'] })).cookie },
      { name: 'provider', session: async () => (await createTestUser(t.database.db, { roles: ['provider_editor'], organizationIds: [org.id] })).cookie },
    ];
  }

  /** Pages worth crawling: every GET route made concrete with real ids, plus the private pages of a question and a booking. */
  async function pages(): Promise<string[]> {
    const db = t.database.db;
    const ids = {
      service: (await db.selectFrom('service').select('id').limit(1).executeTakeFirstOrThrow()).id,
      organization: (await db.selectFrom('organization').select('id').limit(1).executeTakeFirstOrThrow()).id,
      location: (await db.selectFrom('location').select('id').limit(1).executeTakeFirstOrThrow()).id,
    };
    const asked = await t.app.inject({ method: 'POST', url: '/api/v1/questions', payload: { ...VALID, gemeente: 'GM0503', email: 'fuzz@example.org', idempotencyKey: randomUUID() } });
    assert.equal(asked.statusCode, 201, asked.body);
    const question = asked.json<{ id: string; followUpUrl: string }>();
    const slot = await insertTestSlot(db, { capacity: 5 });
    const booked = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slot, randomUUID(), { email: 'fuzz-booking@example.org' }) });
    assert.equal(booked.statusCode, 201, booked.body);
    const booking = booked.json<{ id: string; manageUrl: string }>();
    const mail = (await db.selectFrom('outbox_email').select('id').limit(1).executeTakeFirst())?.id ?? randomUUID();
    const user = (await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst())?.id ?? randomUUID();
    const report = (
      await db.insertInto('service_report').values({ service_id: ids.service, message: 'Het telefoonnummer klopt niet meer.', email: null, lang: 'nl' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const byParam: Record<string, string> = { id: ids.service, code: 'GM0503', n: '1', token: new URL(question.followUpUrl).pathname.split('/').pop() ?? 'x' };
    const extra = [
      new URL(question.followUpUrl).pathname,
      new URL(booking.manageUrl).pathname + new URL(booking.manageUrl).search,
      `/spreekuur/afspraak/verzetten${new URL(booking.manageUrl).search}`,
      `/beheer/vragen/${question.id}`,
      `/beheer/spreekuur/afspraak?id=${booking.id}`,
      `/beheer/e-mail/${mail}`,
      `/beheer/gebruikers/${user}`,
      `/beheer/moderatie/meldingen/${report}`,
      `/organisaties/${ids.organization}`,
      `/beheer/organisaties/${ids.organization}`,
      `/beheer/locaties/${ids.location}`,
      `/beheer/aanbod/${ids.service}`,
      `/beheer/mijn/organisaties/${ids.organization}`,
      `/beheer/mijn/locaties/${ids.location}`,
      `/beheer/mijn/aanbod/${ids.service}`,
      `/spreekuur/dag?datum=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`,
      '/hulpwijzer/stap/2?rol=parent',
      '/wachtwoord-instellen?token=not-a-real-token',
      '/nog-actueel?code=not-a-real-code',
      '/beheer/audit?van=2026-01-01&tot=2026-02-01',
      '/zoeken?q=scheiding&gemeente=Delft',
    ];
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && !r.url.startsWith('/assets/') && !r.url.startsWith('/api/hsds'));
    const concrete = routes.map((r) => r.url.replace(/:([A-Za-z_]+)/g, (_m, name: string) => byParam[name] ?? ids.service));
    return [...new Set([...concrete, ...extra])];
  }

  it('sends every hostile value to every form field, query parameter and path parameter of the pages', async (context) => {
    const who = await visitors();
    const urls = await pages();
    const seenForms = new Set<string>();
    const seenLinks = new Set<string>();
    let forms = 0;
    for (const visitor of who) {
      for (const url of urls) {
        const session = await visitor.session();
        const page = await t.app.inject({ url, headers: session ? { cookie: session } : {} });
        if (page.statusCode >= 500) failures.push(`${visitor.name} GET ${url} → ${page.statusCode}`);
        if (!String(page.headers['content-type']).startsWith('text/html')) continue;
        const cookie = [session, cookiesFrom(page.headers['set-cookie'])].filter(Boolean).join('; ');
        const path = url.split('?')[0] ?? url;
        // Destructive forms last, so the walk keeps its objects as long as it can.
        const found = formsIn(page.body, path).sort((a, b) => Number(/verwijder|annuleren|uitlog|sluiten/.test(a.action)) - Number(/verwijder|annuleren|uitlog|sluiten/.test(b.action)));
        for (const form of found) {
          const key = `${form.method} ${form.action} ${form.names.join(',')}`;
          if (seenForms.has(key)) continue;
          seenForms.add(key);
          forms += 1;
          for (const name of form.names) {
            for (const hostile of TEXT) {
              const replaced = form.fields.filter(([n]) => n !== name).concat([[name, hostile.value]]);
              const label = `${visitor.name} ${form.method} ${form.action} ${name}=${hostile.label}`;
              if (form.method === 'GET') await probe(label, { url: `${form.action.split('?')[0]}?${formBody(replaced)}`, headers: cookie ? { cookie } : {} });
              else await probe(label, { method: 'POST', url: form.action, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(replaced) });
            }
            // The same field twice: once as rendered, once hostile.
            const original = form.fields.find(([n]) => n === name)?.[1] ?? '';
            const twice = form.fields.concat([[name, `${original}\u0000`], [name, 'x'.repeat(300)]]);
            const label = `${visitor.name} ${form.method} ${form.action} ${name} repeated`;
            if (form.method === 'GET') await probe(label, { url: `${form.action.split('?')[0]}?${formBody(twice)}`, headers: cookie ? { cookie } : {} });
            else await probe(label, { method: 'POST', url: form.action, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(twice) });
          }
        }
        const own = url.includes('?') ? [{ path, params: [...new URLSearchParams(url.split('?')[1]).entries()] }] : [];
        for (const link of [...own, ...queryLinksIn(page.body)]) {
          for (const [name] of link.params) {
            const key = `${link.path} ${name}`;
            if (seenLinks.has(key)) continue;
            seenLinks.add(key);
            for (const hostile of [...TEXT, { label: 'repeated', value: '' }]) {
              const params: [string, string][] =
                hostile.label === 'repeated'
                  ? link.params.concat(link.params.filter(([n]) => n === name))
                  : link.params.filter(([n]) => n !== name).concat([[name, hostile.value]]);
              await probe(`${visitor.name} GET ${link.path} ?${name}=${hostile.label}`, { url: `${link.path}?${formBody(params)}`, headers: cookie ? { cookie } : {} });
            }
          }
        }
      }
    }
    const admin = await who[1]?.session();
    for (const route of t.app.routeTable.filter((r) => /:[A-Za-z_]+/.test(r.url))) {
      for (const raw of ['%00', 'a%00b', '%ED%A0%80', '%FF', '%', 'x'.repeat(250), '9999-12-31', '..%2F..%2Fetc%2Fpasswd']) {
        const url = route.url.replace(/:[A-Za-z_]+/g, raw);
        await probe(`${route.method} ${url.slice(0, 120)}`, { method: route.method as 'GET', url, headers: admin ? { cookie: admin } : {}, ...(route.method === 'GET' ? {} : { payload: {} }) });
      }
    }
    context.diagnostic(`${forms} forms, ${seenLinks.size} link parameters, ${requests} requests`);
    context.diagnostic(`answers: ${[...tally].sort().map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    tally.clear();
    assert.ok(forms >= 40, `walked ${forms} forms`);
    assert.deepEqual(failures.splice(0), []);
  });

  it('sends every hostile value to every parameter and body field of the JSON API', async (context) => {
    const before = requests;
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
      components?: { schemas?: Record<string, unknown> };
    }>();
    const resolve = (schema: unknown): { properties?: Record<string, unknown> } => {
      const ref = (schema as { $ref?: string } | undefined)?.$ref;
      if (ref) return resolve(doc.components?.schemas?.[ref.split('/').pop() ?? '']);
      return (schema ?? {}) as { properties?: Record<string, unknown> };
    };
    const JSON_VALUES: { label: string; value: unknown }[] = [
      ...TEXT.map((h) => ({ label: h.label, value: h.value })),
      { label: 'array', value: ['a', 'b'] },
      { label: 'object', value: { $gt: '' } },
      { label: 'number', value: 1e308 },
      { label: 'null', value: null },
      { label: 'true', value: true },
      { label: 'deep', value: JSON.parse('['.repeat(500) + ']'.repeat(500)) as unknown },
    ];
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations += 1;
        const concrete = path.replace(/\{[^}]+\}/g, randomUUID());
        for (const parameter of operation.parameters ?? []) {
          for (const hostile of TEXT) {
            const url =
              parameter.in === 'path' ? path.replace(`{${parameter.name}}`, encode(hostile.value)).replace(/\{[^}]+\}/g, randomUUID()) : `${concrete}?${formBody([[parameter.name, hostile.value]])}`;
            await probe(`${method.toUpperCase()} ${path} ${parameter.in} ${parameter.name}=${hostile.label}`, { method: method.toUpperCase() as 'GET', url });
          }
          if (parameter.in === 'query') await probe(`${method.toUpperCase()} ${path} ${parameter.name} repeated`, { method: method.toUpperCase() as 'GET', url: `${concrete}?${formBody([[parameter.name, '1'], [parameter.name, '2']])}` });
        }
        const schema = resolve(operation.requestBody?.content?.['application/json']?.schema);
        for (const property of Object.keys(schema.properties ?? {})) {
          for (const hostile of JSON_VALUES) {
            await probe(`${method.toUpperCase()} ${path} body.${property}=${hostile.label}`, {
              method: method.toUpperCase() as 'POST',
              url: concrete,
              headers: { 'content-type': 'application/json' },
              payload: JSON.stringify({ idempotencyKey: randomUUID(), [property]: hostile.value }),
            });
          }
        }
        if (operation.requestBody) {
          for (const raw of ['{"text":"a\\u0000b"}', '{"text":"\\ud800"}', '{', '[]', '"just a string"', `{"text":"${'x'.repeat(2_000_000)}"}`]) {
            await probe(`${method.toUpperCase()} ${path} raw ${raw.slice(0, 30)}`, { method: method.toUpperCase() as 'POST', url: concrete, headers: { 'content-type': 'application/json' }, payload: raw });
          }
        }
      }
    }
    // The open HSDS API follows the official OpenAPI document (not served here): its parameters by name.
    const hsdsParams = ['page', 'per_page', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'minimal', 'full', 'format', 'search', 'postcode', 'proximity'];
    for (const path of ['/api/hsds/services', '/api/hsds/service_at_locations', '/api/hsds/organizations', '/api/hsds/taxonomies', '/api/hsds/taxonomy_terms']) {
      operations += 1;
      for (const name of hsdsParams) {
        for (const hostile of TEXT) await probe(`GET ${path} ${name}=${hostile.label}`, { url: `${path}?${formBody([[name, hostile.value]])}` });
        await probe(`GET ${path} ${name} repeated`, { url: `${path}?${formBody([[name, '1'], [name, '2']])}` });
      }
    }
    context.diagnostic(`${operations} API operations, ${requests - before} requests`);
    context.diagnostic(`answers: ${[...tally].sort().map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    assert.ok(operations >= 6, `walked ${operations} operations`);
    assert.deepEqual(failures.splice(0), []);
  });
});
