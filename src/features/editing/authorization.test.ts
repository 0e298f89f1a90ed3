import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser } from '../../../test/auth.ts';
import { demoTemplate } from '../../../test/db.ts';
import type { Role } from '../../db/schema.ts';
import { demoId } from '../../demo/seed.ts';
import { can, type Permission, type Principal } from '../auth/auth.policy.ts';
import { formSession } from '../services/services.fixtures.ts';
import { KINDS, SEGMENT } from './editing.fields.ts';
import { encode } from './editing.testkit.ts';

/**
 * Every route this feature adds × every role × the own and another organisation's object:
 * allowed or denied as designed, and nothing changes in the database on any denial.
 */
const OWN_ORG = demoId.organization('demo-org-a01');
const OTHER_ORG = demoId.organization('demo-org-a02');
const ROLES: (Role | 'signed_out')[] = ['professional', 'provider_editor', 'staff', 'editor', 'municipality_analyst', 'admin', 'signed_out'];

interface RouteCase {
  readonly method: 'GET' | 'POST';
  /** `:id` is replaced by the own or the other organisation's object. */
  readonly path: string;
  readonly permission: Permission;
  readonly kind: 'service' | 'organization' | 'location' | 'proposal' | 'report' | null;
  /** Scoped to the provider's organisations: another organisation's object is a 404. */
  readonly scoped?: boolean;
}

function routes(): RouteCase[] {
  const list: RouteCase[] = [];
  for (const kind of KINDS) {
    const base = `/beheer/${SEGMENT[kind]}`;
    list.push({ method: 'GET', path: base, permission: 'catalogue.edit', kind: null });
    list.push({ method: 'GET', path: `${base}/nieuw`, permission: 'catalogue.edit', kind: null });
    list.push({ method: 'POST', path: `${base}/nieuw`, permission: 'catalogue.edit', kind: null });
    for (const suffix of ['', '/geschiedenis']) list.push({ method: 'GET', path: `${base}/:id${suffix}`, permission: 'catalogue.edit', kind });
    for (const suffix of ['', '/deactiveren', '/activeren', '/herstellen']) list.push({ method: 'POST', path: `${base}/:id${suffix}`, permission: 'catalogue.edit', kind });
    const own = `/beheer/mijn/${SEGMENT[kind]}`;
    list.push({ method: 'GET', path: own, permission: 'catalogue.propose', kind: null });
    if (kind !== 'organization') {
      list.push({ method: 'GET', path: `${own}/nieuw`, permission: 'catalogue.propose', kind: null });
      list.push({ method: 'POST', path: `${own}/nieuw`, permission: 'catalogue.propose', kind: null });
    }
    list.push({ method: 'GET', path: `${own}/:id`, permission: 'catalogue.propose', kind, scoped: true });
    list.push({ method: 'POST', path: `${own}/:id`, permission: 'catalogue.propose', kind, scoped: true });
  }
  list.push({ method: 'GET', path: '/beheer/mijn/voorstellen', permission: 'catalogue.propose', kind: null });
  list.push({ method: 'GET', path: '/beheer/moderatie', permission: 'moderation.review', kind: null });
  list.push({ method: 'GET', path: '/beheer/moderatie/voorstellen/:id', permission: 'moderation.review', kind: 'proposal' });
  list.push({ method: 'POST', path: '/beheer/moderatie/voorstellen/:id/goedkeuren', permission: 'moderation.review', kind: 'proposal' });
  list.push({ method: 'POST', path: '/beheer/moderatie/voorstellen/:id/afwijzen', permission: 'moderation.review', kind: 'proposal' });
  list.push({ method: 'GET', path: '/beheer/moderatie/meldingen', permission: 'moderation.review', kind: null });
  list.push({ method: 'GET', path: '/beheer/moderatie/meldingen/:id', permission: 'moderation.review', kind: 'report' });
  list.push({ method: 'POST', path: '/beheer/moderatie/meldingen/:id', permission: 'moderation.review', kind: 'report' });
  list.push({ method: 'GET', path: '/beheer/actualiteit', permission: 'moderation.review', kind: null });
  return list;
}

function principalOf(role: Role): Principal {
  return { id: 'x', email: 'x@example.org', displayName: '', roles: [role], organizationIds: [OWN_ORG], municipalityCodes: [] };
}

describe('authorisation matrix of catalogue editing, moderation and freshness', () => {
  let t: TestApp;
  const objects: Record<string, { own: string; other: string }> = {};
  const cookies = new Map<string, { cookie: string; token: string }>();

  async function fingerprint(): Promise<string> {
    const db = t.database.db;
    const [versions, proposals, mails, services, orgs, places, reports] = await Promise.all([
      db.selectFrom('catalogue_version').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('catalogue_proposal').select(['id', 'status']).orderBy('id').execute(),
      db.selectFrom('outbox_email').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('service').select(['id', 'version', 'status']).orderBy('id').execute(),
      db.selectFrom('organization').select(['id', 'version', 'status']).orderBy('id').execute(),
      db.selectFrom('location').select(['id', 'version', 'status']).orderBy('id').execute(),
      db.selectFrom('service_report').select(['id', 'status']).orderBy('id').execute(),
    ]);
    return JSON.stringify({ versions, proposals, mails, services, orgs, places, reports });
  }

  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
    const db = t.database.db;
    const firstOf = async (table: 'service' | 'location', org: string) => (await db.selectFrom(table).select('id').where('organization_id', '=', org).orderBy('id').executeTakeFirstOrThrow()).id;
    objects['service'] = { own: await firstOf('service', OWN_ORG), other: await firstOf('service', OTHER_ORG) };
    objects['location'] = { own: await firstOf('location', OWN_ORG), other: await firstOf('location', OTHER_ORG) };
    objects['organization'] = { own: OWN_ORG, other: OTHER_ORG };
    // Decided proposals and handled reports: an allowed request reaches the handler, which refuses to decide twice.
    const proposal = async (org: string, service: string) =>
      (await db.insertInto('catalogue_proposal').values({ entity_type: 'service', entity_id: service, organization_id: org, base_version: 1, snapshot: '{"name_nl":"x"}', proposer_email: 'p@example.org', status: 'rejected', decision_reason: 'test' }).returning('id').executeTakeFirstOrThrow()).id;
    objects['proposal'] = { own: await proposal(OWN_ORG, objects['service'].own), other: await proposal(OTHER_ORG, objects['service'].other) };
    const report = async (service: string) => (await db.insertInto('service_report').values({ service_id: service, message: 'Een melding voor de test.', email: null, lang: 'nl', status: 'handled' }).returning('id').executeTakeFirstOrThrow()).id;
    objects['report'] = { own: await report(objects['service'].own), other: await report(objects['service'].other) };
    for (const role of ROLES) {
      const user = role === 'signed_out' ? null : await createTestUser(db, { roles: [role], organizationIds: role === 'provider_editor' ? [OWN_ORG] : [] });
      cookies.set(role, await formSession(t, `/aanbod/${objects['service'].own}`, user?.cookie ?? ''));
    }
  });
  after(async () => {
    await t.close();
  });

  it('allows or denies every route for every role and object, and denials change nothing', async () => {
    const expected: string[] = [];
    const actual: string[] = [];
    const before = await fingerprint();
    for (const route of routes()) {
      for (const which of route.kind ? (['own', 'other'] as const) : (['own'] as const)) {
        const url = route.kind ? route.path.replace(':id', objects[route.kind]?.[which] ?? '') : route.path;
        for (const role of ROLES) {
          const session = cookies.get(role);
          assert.ok(session);
          const request: InjectOptions = route.method === 'POST'
            ? { method: 'POST', url, headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encode({ _csrf: session.token }) }
            : { method: 'GET', url, headers: { cookie: session.cookie } };
          const res = await t.app.inject(request);
          const outcome = res.statusCode === 303 && String(res.headers.location).startsWith('/inloggen') ? 'login' : res.statusCode === 403 ? 'forbidden' : res.statusCode === 404 ? 'not_found' : 'allowed';
          const allowed = role !== 'signed_out' && can(principalOf(role), route.permission);
          const want = role === 'signed_out' ? 'login' : !allowed ? 'forbidden' : route.scoped && which === 'other' && role !== 'admin' ? 'not_found' : route.scoped && role === 'admin' ? 'not_found' : 'allowed';
          expected.push(`${route.method} ${route.path} ${which} ${role}: ${want}`);
          actual.push(`${route.method} ${route.path} ${which} ${role}: ${outcome}`);
        }
      }
    }
    assert.deepEqual(actual, expected);
    // Allowed POSTs above carried no valid form (no version, no fields): refused by validation, so nothing changes either.
    assert.equal(await fingerprint(), before);
  });

  it('rejects every state-changing route without a valid CSRF token, even for an admin', async () => {
    const admin = cookies.get('admin');
    assert.ok(admin);
    const before = await fingerprint();
    for (const route of routes().filter((r) => r.method === 'POST')) {
      const url = route.kind ? route.path.replace(':id', objects[route.kind]?.own ?? '') : route.path;
      const request: InjectOptions = { method: 'POST', url, headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encode({ _csrf: 'forged' }) };
      const res = await t.app.inject(request);
      assert.equal(res.statusCode, 403, `${route.path}`);
    }
    const confirm = await t.app.inject({ method: 'POST', url: '/nog-actueel', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'code=x' });
    assert.equal(confirm.statusCode, 403);
    assert.equal(await fingerprint(), before);
  });

  it('never shows another organisation’s records to a provider editor, whatever the query string says', async () => {
    const provider = cookies.get('provider_editor');
    assert.ok(provider);
    for (const kind of KINDS) {
      const res: { statusCode: number; body: string } = await t.app.inject({ url: `/beheer/mijn/${SEGMENT[kind]}?organisatie=${OTHER_ORG}&q=`, headers: { cookie: provider.cookie } });
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes(`data-id="${objects[kind]?.other ?? ''}"`), kind);
      assert.match(res.body, /0 resultaten/);
    }
    const own = await t.app.inject({ url: '/beheer/mijn/voorstellen?status=rejected', headers: { cookie: provider.cookie } });
    assert.ok(!own.body.includes(`data-id="${objects['proposal']?.other ?? ''}"`));
    assert.ok(own.body.includes(`data-id="${objects['proposal']?.own ?? ''}"`));
  });
});
