import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser, type TestUser } from '../../../test/auth.ts';
import { demoTemplate } from '../../../test/db.ts';
import { demoId } from '../../demo/seed.ts';
import { countRows, formOf, submit } from '../editing/editing.testkit.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { REPORT_RETENTION_JOB } from './moderation.routes.ts';

const OWN_SERVICE = demoId.service('demo-svc-a001');
const OWN_ORG = demoId.organization('demo-org-a01');
const OTHER_ORG = demoId.organization('demo-org-a02');

describe('provider proposals and the moderation queue (integration, demo data)', () => {
  let t: TestApp;
  let provider: TestUser;
  let editor: TestUser;
  let otherService: string;
  const live = () => t.database.db.selectFrom('service').selectAll().where('id', '=', OWN_SERVICE).executeTakeFirstOrThrow();
  const proposals = () => t.database.db.selectFrom('catalogue_proposal').selectAll().orderBy('created_at', 'desc').execute();
  before(async () => {
    t = await createTestApp({ template: await demoTemplate(), env: { PUBLIC_WRITE_RATE_LIMIT: '1000' } });
    provider = await createTestUser(t.database.db, { roles: ['provider_editor'], organizationIds: [OWN_ORG] });
    editor = await createTestUser(t.database.db, { roles: ['editor'] });
    otherService = (await t.database.db.selectFrom('service').select('id').where('organization_id', '=', OTHER_ORG).executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await t.close();
  });

  async function propose(name: string) {
    const { fields } = await formOf(t, 'service', OWN_SERVICE);
    return submit(t, `/beheer/mijn/aanbod/${OWN_SERVICE}`, `/beheer/mijn/aanbod/${OWN_SERVICE}`, provider.cookie, { ...fields, name_nl: name });
  }

  it('lists only the own organisation’s records, scoped in the query', async () => {
    const res = await t.app.inject({ url: '/beheer/mijn/aanbod', headers: { cookie: provider.cookie } });
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(`data-id="${OWN_SERVICE}"`));
    assert.ok(!res.body.includes(`data-id="${otherService}"`));
    const foreign = await t.app.inject({ url: `/beheer/mijn/aanbod?organisatie=${OTHER_ORG}`, headers: { cookie: provider.cookie } });
    assert.match(foreign.body, /0 resultaten/);
  });

  it('proposal → queue with a diff → approve: live, a new version, and an e-mail to the provider', async () => {
    const before = await live();
    const res = await propose('Informatieavond door aanbieder');
    assert.equal(res.statusCode, 303);
    assert.equal((await live()).name_nl, before.name_nl, 'nothing live before approval');
    const [proposal] = await proposals();
    assert.ok(proposal);
    assert.equal(proposal.status, 'pending');
    assert.equal(proposal.organization_id, OWN_ORG);
    const queue = await t.app.inject({ url: '/beheer/moderatie', headers: { cookie: editor.cookie } });
    assert.ok(queue.body.includes(proposal.id));
    const detail = await t.app.inject({ url: `/beheer/moderatie/voorstellen/${proposal.id}`, headers: { cookie: editor.cookie } });
    assert.match(detail.body, /Informatieavond door aanbieder/);
    assert.match(detail.body, /ww-diff__changed/);
    const approved = await submit(t, `/beheer/moderatie/voorstellen/${proposal.id}`, `/beheer/moderatie/voorstellen/${proposal.id}/goedkeuren`, editor.cookie, {});
    assert.equal(approved.statusCode, 303);
    const after = await live();
    assert.equal(after.name_nl, 'Informatieavond door aanbieder');
    assert.equal(after.version, before.version + 1);
    const version = await t.database.db.selectFrom('catalogue_version').selectAll().where('entity_id', '=', OWN_SERVICE).where('version', '=', after.version).executeTakeFirstOrThrow();
    assert.equal(version.source, 'proposal');
    assert.equal(version.proposal_id, proposal.id);
    const mail = await t.database.db.selectFrom('outbox_email').selectAll().where('to_address', '=', provider.email).executeTakeFirstOrThrow();
    assert.match(mail.subject, /Je voorstel is verwerkt/);
    assert.match(mail.text_body, /Informatieavond door aanbieder/);
    assert.ok(await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'proposal.approve').where('object_id', '=', proposal.id).executeTakeFirst());
  });

  it('reject: nothing live, and the provider gets the reason by e-mail; an empty reason is refused', async () => {
    await propose('Afgewezen naam');
    const [proposal] = await proposals();
    assert.ok(proposal);
    const empty = await submit(t, `/beheer/moderatie/voorstellen/${proposal.id}`, `/beheer/moderatie/voorstellen/${proposal.id}/afwijzen`, editor.cookie, { reden: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Schrijf kort waarom/);
    const res = await submit(t, `/beheer/moderatie/voorstellen/${proposal.id}`, `/beheer/moderatie/voorstellen/${proposal.id}/afwijzen`, editor.cookie, { reden: 'De naam klopt niet met de folder.' });
    assert.equal(res.statusCode, 303);
    assert.notEqual((await live()).name_nl, 'Afgewezen naam');
    const mails = await t.database.db.selectFrom('outbox_email').selectAll().where('to_address', '=', provider.email).where('subject', 'like', '%niet overgenomen%').execute();
    assert.equal(mails.length, 1);
    assert.match(mails[0]?.text_body ?? '', /De naam klopt niet met de folder\./);
    const again = await submit(t, `/beheer/aanbod/${OWN_SERVICE}`, `/beheer/moderatie/voorstellen/${proposal.id}/goedkeuren`, editor.cookie, {});
    assert.equal(again.statusCode, 409, 'a decided proposal cannot be approved');
  });

  it('approving a proposal based on an old version shows the conflict, and applies only when confirmed', async () => {
    await propose('Voorstel op oude versie');
    const [proposal] = await proposals();
    assert.ok(proposal);
    const { fields, version } = await formOf(t, 'service', OWN_SERVICE);
    await submit(t, `/beheer/aanbod/${OWN_SERVICE}`, `/beheer/aanbod/${OWN_SERVICE}`, editor.cookie, { ...fields, summary_nl: 'Intussen door redacteur gewijzigd.', _version: String(version) });
    const conflict = await submit(t, `/beheer/moderatie/voorstellen/${proposal.id}`, `/beheer/moderatie/voorstellen/${proposal.id}/goedkeuren`, editor.cookie, {});
    assert.equal(conflict.statusCode, 409);
    assert.match(conflict.body, /intussen gewijzigd/);
    assert.equal((await live()).summary_nl, 'Intussen door redacteur gewijzigd.');
    const basis = /name="basis" value="(\d+)"/.exec(conflict.body)?.[1];
    assert.equal(basis, String(version + 1));
    const applied = await submit(t, `/beheer/moderatie/voorstellen/${proposal.id}`, `/beheer/moderatie/voorstellen/${proposal.id}/goedkeuren`, editor.cookie, { basis: String(basis) });
    assert.equal(applied.statusCode, 303);
    assert.equal((await live()).name_nl, 'Voorstel op oude versie');
  });

  it('refuses a proposal for another organisation made by changing the organisation id in the form', async () => {
    const before = await countRows(t, 'catalogue_proposal');
    const { fields } = await formOf(t, 'service', OWN_SERVICE);
    const created = await submit(t, '/beheer/mijn/aanbod/nieuw', '/beheer/mijn/aanbod/nieuw', provider.cookie, { ...fields, organization_id: OTHER_ORG, location_ids: [] });
    assert.equal(created.statusCode, 403);
    const moved = await submit(t, `/beheer/mijn/aanbod/${OWN_SERVICE}`, `/beheer/mijn/aanbod/${OWN_SERVICE}`, provider.cookie, { ...fields, organization_id: OTHER_ORG });
    assert.equal(moved.statusCode, 403);
    const foreign = await formOf(t, 'service', otherService);
    const other = await submit(t, `/beheer/mijn/aanbod/${OWN_SERVICE}`, `/beheer/mijn/aanbod/${otherService}`, provider.cookie, foreign.fields);
    assert.equal(other.statusCode, 404);
    assert.equal(await countRows(t, 'catalogue_proposal'), before);
    assert.ok(await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'proposal.create').where('result', '=', 'denied').executeTakeFirst());
  });

  it('a proposed new offering is created on approval', async () => {
    const { fields } = await formOf(t, 'service', OWN_SERVICE);
    const res = await submit(t, '/beheer/mijn/aanbod/nieuw', '/beheer/mijn/aanbod/nieuw', provider.cookie, { ...fields, name_nl: 'Gloednieuw aanbod' });
    assert.equal(res.statusCode, 303);
    const [proposal] = await proposals();
    assert.ok(proposal && proposal.entity_id === null);
    await submit(t, `/beheer/moderatie/voorstellen/${proposal.id}`, `/beheer/moderatie/voorstellen/${proposal.id}/goedkeuren`, editor.cookie, {});
    const created = await t.database.db.selectFrom('service').select(['id', 'organization_id']).where('name_nl', '=', 'Gloednieuw aanbod').executeTakeFirstOrThrow();
    assert.equal(created.organization_id, OWN_ORG);
    const own = await t.app.inject({ url: '/beheer/mijn/voorstellen?status=approved', headers: { cookie: provider.cookie } });
    assert.match(own.body, /Gloednieuw aanbod/);
  });

  it('"meld een fout" reports land in the queue and are marked handled with a note', async () => {
    const page = await submit(t, `/aanbod/${OWN_SERVICE}`, `/aanbod/${OWN_SERVICE}/meld-een-fout`, '', { message: 'Het telefoonnummer is veranderd.', email: '', website: '' });
    assert.equal(page.statusCode, 303);
    const report = await t.database.db.selectFrom('service_report').selectAll().executeTakeFirstOrThrow();
    const list = await t.app.inject({ url: '/beheer/moderatie/meldingen', headers: { cookie: editor.cookie } });
    assert.ok(list.body.includes(`data-id="${report.id}"`));
    const detail = await t.app.inject({ url: `/beheer/moderatie/meldingen/${report.id}`, headers: { cookie: editor.cookie } });
    assert.match(detail.body, /Het telefoonnummer is veranderd\./);
    assert.ok(detail.body.includes(`/beheer/aanbod/${OWN_SERVICE}`), 'links to editing the offering');
    const bad = await submit(t, `/beheer/moderatie/meldingen/${report.id}`, `/beheer/moderatie/meldingen/${report.id}`, editor.cookie, { notitie: 'x' });
    assert.equal(bad.statusCode, 400);
    const res = await submit(t, `/beheer/moderatie/meldingen/${report.id}`, `/beheer/moderatie/meldingen/${report.id}`, editor.cookie, { status: 'handled', notitie: 'Nummer aangepast.' });
    assert.equal(res.statusCode, 303);
    const row = await t.database.db.selectFrom('service_report').selectAll().where('id', '=', report.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'handled');
    assert.equal(row.note, 'Nummer aangepast.');
    assert.equal(row.handled_by, editor.id);
  });

  it('deletes decided reports RETENTION_MONTHS after handling, and keeps new and recent ones', async () => {
    const db = t.database.db;
    const now = new Date('2031-03-10T04:00:00Z');
    const values = (message: string, status: 'new' | 'handled' | 'rejected', handledAt: Date | null) => ({ service_id: OWN_SERVICE, message, email: 'melder@example.nl', lang: 'nl', status, handled_at: handledAt });
    await db.insertInto('service_report').values([
      values('oud en afgehandeld', 'handled', new Date('2030-02-01T00:00:00Z')),
      values('oud en afgewezen', 'rejected', new Date('2030-03-01T00:00:00Z')),
      values('recent afgehandeld', 'handled', new Date('2030-04-01T00:00:00Z')),
      values('nog niet bekeken', 'new', null),
    ]).execute();
    await t.app.jobs.enqueueScheduled(db, now);
    const summary = await runDueJobs(db, t.app.jobs.handlers, { now: () => now });
    assert.equal(summary.failed + summary.retried, 0);
    const left = await db.selectFrom('service_report').select('message').where('message', 'in', ['oud en afgehandeld', 'oud en afgewezen', 'recent afgehandeld', 'nog niet bekeken']).orderBy('message').execute();
    assert.deepEqual(left.map((r) => r.message), ['nog niet bekeken', 'recent afgehandeld']);
    const audit = await db.selectFrom('audit_event').select('detail').where('action', '=', 'report.retention').executeTakeFirstOrThrow();
    assert.ok(Number(audit.detail['count']) >= 2);
    assert.ok(t.app.jobs.schedules.some((s) => s.kind === REPORT_RETENTION_JOB));
  });
});
