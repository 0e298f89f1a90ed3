import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { Notice, Pagination } from '../../../web/forms.tsx';
import { Heading1, Layout } from '../../../web/layout.tsx';
import type { ProposalRow, ReportRow } from '../moderation.repository.ts';
import { proposalLabel } from '../moderation.service.ts';

/** The moderation queue: proposals and reports, each a paginated list with a status filter as links. */
export const KIND_LABELS = { service: 'moderation.kind.service', organization: 'moderation.kind.organization', location: 'moderation.kind.location' } as const;

export function QueueTabs({ current }: { current: 'proposals' | 'reports' }) {
  const { t } = usePage();
  return (
    <nav class="ww-tabs" aria-label={t('moderation.tabs')}>
      <ul>
        <li>
          <a class="utrecht-link" href="/beheer/moderatie" aria-current={current === 'proposals' ? 'page' : undefined}>
            {t('moderation.proposals.title')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/beheer/moderatie/meldingen" aria-current={current === 'reports' ? 'page' : undefined}>
            {t('moderation.reports.title')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

function StatusLinks({ base, statuses, current }: { base: string; statuses: readonly [string, MessageKey][]; current: string }) {
  const { t } = usePage();
  return (
    <ul class="ww-status-links">
      {statuses.map(([value, label]) => (
        <li key={value}>
          <a class="utrecht-link" href={`${base}?status=${value}`} aria-current={value === current ? 'true' : undefined}>
            {t(label)}
          </a>
        </li>
      ))}
    </ul>
  );
}

const PROPOSAL_STATUSES: [string, MessageKey][] = [['pending', 'moderation.status.pending'], ['approved', 'moderation.status.approved'], ['rejected', 'moderation.status.rejected']];
const REPORT_STATUSES: [string, MessageKey][] = [['new', 'moderation.status.new'], ['handled', 'moderation.status.handled'], ['rejected', 'moderation.status.rejected']];

export interface ProposalListProps {
  readonly title: string;
  readonly base: string;
  /** Where one proposal opens; null for the provider's own list (read only). */
  readonly detailBase: string | null;
  readonly rows: readonly ProposalRow[];
  readonly total: number;
  readonly status: string;
  readonly page: number;
  readonly pages: number;
  readonly tabs: boolean;
  readonly notice?: boolean;
}

export function ProposalListPage(props: ProposalListProps) {
  const { t } = usePage();
  return (
    <Layout title={props.title}>
      <Heading1>{props.title}</Heading1>
      {props.notice && (
        <Notice text={t('editing.notice.proposed')} />
      )}
      {props.tabs && <QueueTabs current="proposals" />}
      <StatusLinks base={props.base} statuses={PROPOSAL_STATUSES} current={props.status} />
      <p class="utrecht-paragraph" role="status">
        {t('editing.list.count', { count: props.total })}
      </p>
      <ul class="ww-queue">
        {props.rows.map((p) => (
          <li key={p.id} data-id={p.id}>
            {props.detailBase ? (
              <a class="utrecht-link" href={`${props.detailBase}/${p.id}`}>
                {proposalLabel(p.snapshot)}
              </a>
            ) : (
              <strong>{proposalLabel(p.snapshot)}</strong>
            )}{' '}
            {t('moderation.proposals.meta', { kind: t(KIND_LABELS[p.kind]), organization: p.organizationName, email: p.proposerEmail, date: p.createdAt.toISOString().slice(0, 10) })}
            {p.entityId === null && ` ${t('moderation.proposals.new')}`}
            {p.reason && <p class="utrecht-paragraph">{t('moderation.proposals.reason', { reason: p.reason })}</p>}
          </li>
        ))}
      </ul>
      <Pagination page={props.page} pages={props.pages} />
    </Layout>
  );
}

export function ReportListPage(props: { rows: readonly ReportRow[]; total: number; status: string; page: number; pages: number }) {
  const { t } = usePage();
  return (
    <Layout title={t('moderation.reports.title')}>
      <Heading1>{t('moderation.reports.title')}</Heading1>
      <QueueTabs current="reports" />
      <StatusLinks base="/beheer/moderatie/meldingen" statuses={REPORT_STATUSES} current={props.status} />
      <p class="utrecht-paragraph" role="status">
        {t('editing.list.count', { count: props.total })}
      </p>
      <ul class="ww-queue">
        {props.rows.map((r) => (
          <li key={r.id} data-id={r.id}>
            <a class="utrecht-link" href={`/beheer/moderatie/meldingen/${r.id}`}>
              {r.serviceName}
            </a>{' '}
            {t('moderation.reports.meta', { date: r.createdAt.toISOString().slice(0, 10) })}
          </li>
        ))}
      </ul>
      <Pagination page={props.page} pages={props.pages} />
    </Layout>
  );
}
