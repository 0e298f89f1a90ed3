import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, Notice, SubmitButton, TextArea } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { Snapshot } from '../../editing/editing.fields.ts';
import type { OptionLists } from '../../editing/editing.input.ts';
import { DiffTable } from '../../editing/views/fields.tsx';
import type { ProposalRow, ReportRow } from '../moderation.repository.ts';
import { proposalLabel } from '../moderation.service.ts';
import { KIND_LABELS, QueueTabs } from './queue.tsx';

export interface ProposalPageProps {
  readonly proposal: ProposalRow;
  /** The record as it is now; null for a proposed new record. */
  readonly current: { readonly snapshot: Snapshot; readonly version: number } | null;
  readonly options: OptionLists;
  readonly reasonError?: MessageKey | undefined;
  readonly reason?: string;
  /** The record changed after the proposal was made: approving again applies it over this version. */
  readonly conflict?: boolean;
  readonly editHref: string | null;
}

/** One proposal: field-by-field against the live record, approve, or reject with a reason. */
export function ProposalPage({ proposal, current, options, reasonError, reason = '', conflict = false, editHref }: ProposalPageProps) {
  const { t } = usePage();
  const title = t('moderation.proposal.title', { name: proposalLabel(proposal.snapshot) });
  const base = `/beheer/moderatie/voorstellen/${proposal.id}`;
  return (
    <Layout title={title}>
      <Heading1>{title}</Heading1>
      <QueueTabs current="proposals" />
      <Paragraph>{t('moderation.proposals.meta', { kind: t(KIND_LABELS[proposal.kind]), organization: proposal.organizationName, email: proposal.proposerEmail, date: proposal.createdAt.toISOString().slice(0, 10) })}</Paragraph>
      {conflict && (
        <Notice kind="warning" urgent text={t('moderation.proposal.conflict', { base: proposal.baseVersion ?? 0, current: current?.version ?? 0 })} />
      )}
      <ErrorSummary errors={reasonError ? [{ field: 'reden', key: reasonError }] : []} />
      <DiffTable kind={proposal.kind} before={current?.snapshot ?? null} after={proposal.snapshot} options={options} caption={t('moderation.proposal.caption')} beforeHeading={t('moderation.proposal.current')} afterHeading={t('moderation.proposal.proposed')} />
      {editHref && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={editHref}>
            {t('moderation.editRecord')}
          </a>
        </p>
      )}
      {proposal.status === 'pending' ? (
        <div class="ww-review-actions">
          <form method="post" action={`${base}/goedkeuren`}>
            <CsrfField />
            {conflict && current && <input type="hidden" name="basis" value={String(current.version)} />}
            <SubmitButton>{t(conflict ? 'moderation.proposal.approveAnyway' : 'moderation.proposal.approve')}</SubmitButton>
          </form>
          <form method="post" action={`${base}/afwijzen`} novalidate>
            <CsrfField />
            <TextArea id="reden" name="reden" label={t('moderation.proposal.reason')} hint={t('moderation.proposal.reasonHint')} error={reasonError} value={reason} rows={3} maxLength={2000} />
            <SubmitButton secondary>{t('moderation.proposal.reject')}</SubmitButton>
          </form>
        </div>
      ) : (
        <Paragraph>{t('moderation.proposal.decided')}</Paragraph>
      )}
    </Layout>
  );
}

export interface ReportPageProps {
  readonly report: ReportRow;
  readonly editHref: string | null;
  readonly values: { readonly status: string; readonly note: string };
  readonly errors: Partial<Record<'status' | 'note', MessageKey>>;
}

export function ReportPage({ report, editHref, values, errors }: ReportPageProps) {
  const { t } = usePage();
  const title = t('moderation.report.title', { name: report.serviceName });
  return (
    <Layout title={title}>
      <Heading1>{title}</Heading1>
      <QueueTabs current="reports" />
      <ErrorSummary errors={[errors.status ? { field: 'status', key: errors.status } : null, errors.note ? { field: 'notitie', key: errors.note } : null].filter((e) => e !== null)} />
      <dl class="utrecht-data-list">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{t('moderation.report.message')}</dt>
          <dd class="utrecht-data-list__item-value ww-pre">{report.message}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{t('moderation.report.email')}</dt>
          <dd class="utrecht-data-list__item-value">{report.email ?? t('editing.empty')}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{t('moderation.report.date')}</dt>
          <dd class="utrecht-data-list__item-value">{report.createdAt.toISOString().slice(0, 10)}</dd>
        </div>
      </dl>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/aanbod/${report.serviceId}`}>
          {t('moderation.report.public')}
        </a>
        {editHref && ' · '}
        {editHref && (
          <a class="utrecht-link" href={editHref}>
            {t('moderation.editRecord')}
          </a>
        )}
      </p>
      {report.status === 'new' ? (
        <form method="post" action={`/beheer/moderatie/meldingen/${report.id}`} novalidate>
          <CsrfField />
          <ChoiceGroup id="status" name="status" legend={t('moderation.report.outcome')} single error={errors.status} checked={[values.status]} options={[{ value: 'handled', label: t('moderation.status.handled') }, { value: 'rejected', label: t('moderation.status.rejected') }]} />
          <TextArea id="notitie" name="notitie" label={t('moderation.report.note')} hint={t('moderation.report.noteHint')} error={errors.note} value={values.note} rows={3} maxLength={2000} />
          <SubmitButton>{t('moderation.report.submit')}</SubmitButton>
        </form>
      ) : (
        <Paragraph>{t('moderation.report.decided', { note: report.note ?? t('editing.empty') })}</Paragraph>
      )}
    </Layout>
  );
}
