import type { Kysely } from 'kysely';
import type { CatalogueEntity, DB } from '../../db/schema.ts';
import { bilingual, translator } from '../../i18n/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { queueEmail } from '../../platform/mail.ts';
import type { Principal } from '../auth/auth.policy.ts';
import { SEGMENT, type Snapshot } from '../editing/editing.fields.ts';
import { loadRecord, type RecordState } from '../editing/editing.repository.ts';
import { applyChange, createRecord, today, type Actor } from '../editing/editing.service.ts';
import { decideProposal, findProposal, insertProposal, markReport, type ProposalRow } from './moderation.repository.ts';

/**
 * Provider proposals and their review. A proposal is scoped by the organisation of the record it
 * changes (taken from the database, never from the form); approving applies it through the same
 * versioned, concurrency-checked path as an editor's save, and tells the proposer by e-mail.
 */
export type ProposeOutcome = { readonly kind: 'proposed'; readonly id: string } | { readonly kind: 'not_found' } | { readonly kind: 'forbidden' };

export async function proposeChange(
  db: Kysely<DB>,
  input: { kind: CatalogueEntity; id: string | null; snapshot: Snapshot; principal: Principal; ip: string | null },
): Promise<ProposeOutcome> {
  const scope = input.principal.organizationIds;
  const typedOrganization = input.kind === 'organization' ? null : String(input.snapshot['organization_id']);
  let record: RecordState | undefined;
  if (input.id) {
    record = await loadRecord(db, input.kind, input.id, scope);
    if (!record) return { kind: 'not_found' };
  }
  const organizationId = record?.organizationId ?? typedOrganization;
  // A changed hidden or selected organisation id must still be one of the proposer's own.
  if (!organizationId || !scope.includes(organizationId) || (typedOrganization !== null && !scope.includes(typedOrganization))) {
    await recordAudit(db, { actor: { id: input.principal.id, email: input.principal.email }, ip: input.ip, action: 'proposal.create', objectType: input.kind, objectId: input.id ?? undefined, result: 'denied', detail: { organization: typedOrganization } });
    return { kind: 'forbidden' };
  }
  const snapshot = record ? { ...record.snapshot, ...input.snapshot } : input.snapshot;
  const id = await db.transaction().execute(async (trx) => {
    const proposalId = await insertProposal(trx, { kind: input.kind, entityId: input.id, organizationId, baseVersion: record?.version ?? null, snapshot, proposer: input.principal });
    await recordAudit(trx, { actor: { id: input.principal.id, email: input.principal.email }, ip: input.ip, action: 'proposal.create', objectType: 'proposal', objectId: proposalId, result: 'ok', detail: { kind: input.kind, record: input.id, organization: organizationId } });
    return proposalId;
  });
  return { kind: 'proposed', id };
}

export type ReviewOutcome =
  | { readonly kind: 'approved'; readonly entityId: string }
  | { readonly kind: 'rejected' }
  | { readonly kind: 'conflict'; readonly proposal: ProposalRow; readonly current: RecordState }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'decided' };

export function proposalLabel(snapshot: Snapshot): string {
  return String(snapshot['name_nl'] ?? snapshot['name'] ?? '');
}

/**
 * Applies a pending proposal. `baseVersion` is the version it was based on, unless the reviewer
 * saw the conflict and chose to apply it over the current version anyway.
 */
export async function approveProposal(db: Kysely<DB>, id: string, reviewer: Actor, publicUrl: string, baseVersion?: number): Promise<ReviewOutcome> {
  return db.transaction().execute(async (trx): Promise<ReviewOutcome> => {
    const proposal = await findProposal(trx, id, true);
    if (!proposal) return { kind: 'not_found' };
    if (proposal.status !== 'pending') return { kind: 'decided' };
    let entityId = proposal.entityId;
    let version: number;
    // The provider looked at the whole record when proposing: it counts as checked today.
    const snapshot = proposal.kind === 'service' ? { ...proposal.snapshot, last_verified: today() } : proposal.snapshot;
    if (entityId) {
      const outcome = await applyChange(trx, { kind: proposal.kind, id: entityId, changes: snapshot, baseVersion: baseVersion ?? proposal.baseVersion ?? 0, source: 'proposal', proposalId: id, action: `${proposal.kind}.update`, actor: reviewer });
      if (outcome.kind === 'conflict') return { kind: 'conflict', proposal, current: outcome.current };
      if (outcome.kind !== 'saved') return { kind: 'not_found' };
      version = outcome.version;
    } else {
      const created = await createRecord(trx, proposal.kind, snapshot, { actor: reviewer, source: 'proposal', proposalId: id });
      entityId = created.id;
      version = created.version;
    }
    await decideProposal(trx, id, { status: 'approved', reason: null, decidedBy: reviewer.id, entityId, appliedVersion: version });
    const name = proposalLabel(proposal.snapshot);
    await queueEmail(trx, {
      purpose: 'moderation_result',
      to: proposal.proposerEmail,
      subject: `${bilingualSubject('approved')}: ${name}`,
      text: bilingual((t) => t('moderation.mail.approved.text', { name, link: `${publicUrl}/beheer/mijn/${SEGMENT[proposal.kind]}/${entityId}` })),
      // A back-office page behind sign-in, not a key.
      privateLink: false,
    });
    await recordAudit(trx, { actor: reviewer, ip: reviewer.ip, action: 'proposal.approve', objectType: 'proposal', objectId: id, result: 'ok', detail: { kind: proposal.kind, record: entityId, version } });
    return { kind: 'approved', entityId };
  });
}

function bilingualSubject(outcome: 'approved' | 'rejected'): string {
  const key = outcome === 'approved' ? 'moderation.mail.approved.subject' : 'moderation.mail.rejected.subject';
  return `${translator('nl')(key)} / ${translator('en')(key)}`;
}

export async function rejectProposal(db: Kysely<DB>, id: string, reason: string, reviewer: Actor): Promise<ReviewOutcome> {
  return db.transaction().execute(async (trx): Promise<ReviewOutcome> => {
    const proposal = await findProposal(trx, id, true);
    if (!proposal) return { kind: 'not_found' };
    if (proposal.status !== 'pending') return { kind: 'decided' };
    await decideProposal(trx, id, { status: 'rejected', reason, decidedBy: reviewer.id, entityId: proposal.entityId, appliedVersion: null });
    const name = proposalLabel(proposal.snapshot);
    await queueEmail(trx, {
      purpose: 'moderation_result',
      to: proposal.proposerEmail,
      subject: `${bilingualSubject('rejected')}: ${name}`,
      text: bilingual((t) => t('moderation.mail.rejected.text', { name, reason })),
      privateLink: false,
    });
    await recordAudit(trx, { actor: reviewer, ip: reviewer.ip, action: 'proposal.reject', objectType: 'proposal', objectId: id, result: 'ok', detail: { kind: proposal.kind, record: proposal.entityId } });
    return { kind: 'rejected' };
  });
}

export async function handleReport(db: Kysely<DB>, id: string, status: 'handled' | 'rejected', note: string | null, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const changed = await markReport(trx, id, status, note, actor.id);
    if (changed) await recordAudit(trx, { actor, ip: actor.ip, action: 'report.handle', objectType: 'service_report', objectId: id, result: 'ok', detail: { status } });
    return changed;
  });
}
