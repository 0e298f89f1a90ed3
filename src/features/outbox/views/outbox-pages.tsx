import type { OutboxStatus } from '../../../db/schema.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { CsrfField, Notice, Pagination, SelectField, SubmitButton } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { Cell, DataTable } from '../../beheer/beheer.parts.tsx';
import { formatMoment } from '../../beheer/beheer.query.ts';
import type { OutboxBody, OutboxRow } from '../outbox.repository.ts';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sent', 'failed'];
const STATUS_KEYS: Record<OutboxStatus, MessageKey> = { pending: 'outbox.status.pending', sent: 'outbox.status.sent', failed: 'outbox.status.failed' };

export interface OutboxListPageProps {
  readonly rows: readonly OutboxRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly status: OutboxStatus | '';
}

export function OutboxListPage({ rows, total, page, pages, status }: OutboxListPageProps) {
  const { t, lang } = usePage();
  const head = (['created', 'purpose', 'to', 'status', 'attempts', 'sent', 'error'] as const).map((c) => t(`outbox.col.${c}`));
  return (
    <Layout title={t('outbox.title')}>
      <Heading1>{t('outbox.title')}</Heading1>
      <Paragraph>{t('outbox.intro')}</Paragraph>
      <form method="get" action="/beheer/e-mail" class="ww-form ww-filter">
        <SelectField id="outbox-status" name="status" label={t('outbox.filter.status')} value={status} placeholder={t('outbox.filter.any')} options={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))} />
        <SubmitButton secondary>{t('outbox.filter.submit')}</SubmitButton>
      </form>
      {rows.length === 0 ? (
        <Paragraph>{t('outbox.none')}</Paragraph>
      ) : (
        <DataTable id="email" caption={t('outbox.caption', { count: total })} head={head}>
          {rows.map((r) => (
            <tr class="utrecht-table__row" key={r.id} data-email={r.id} data-status={r.status}>
              <Cell>
                <a class="utrecht-link" href={`/beheer/e-mail/${r.id}`}>
                  {formatMoment(r.createdAt, lang)}
                </a>
              </Cell>
              <Cell>{r.purpose}</Cell>
              <Cell>{r.to}</Cell>
              <Cell>{t(STATUS_KEYS[r.status])}</Cell>
              <Cell>{r.attempts}</Cell>
              <Cell>{r.sentAt ? formatMoment(r.sentAt, lang) : ''}</Cell>
              <Cell>{r.lastError ?? ''}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pages={pages} />
    </Layout>
  );
}

export interface OutboxDetailPageProps {
  readonly mail: OutboxRow;
  readonly body?: OutboxBody | undefined;
  readonly notice?: MessageKey | undefined;
  readonly problem?: MessageKey | undefined;
}

export function OutboxDetailPage({ mail, body, notice, problem }: OutboxDetailPageProps) {
  const { t, lang } = usePage();
  return (
    <Layout title={t('outbox.detail.title', { to: mail.to })}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/e-mail">
          {t('outbox.detail.back')}
        </a>
      </p>
      <Heading1>{t('outbox.detail.title', { to: mail.to })}</Heading1>
      {problem && <Notice kind="error" text={t(problem)} />}
      {notice && <Notice text={t(notice)} />}
      <dl class="ww-facts ww-facts--wide">
        <dt>{t('outbox.col.subject')}</dt>
        <dd>{mail.subject}</dd>
        <dt>{t('outbox.col.purpose')}</dt>
        <dd>{mail.purpose}</dd>
        <dt>{t('outbox.col.status')}</dt>
        <dd data-status={mail.status}>{t(STATUS_KEYS[mail.status])}</dd>
        <dt>{t('outbox.col.attempts')}</dt>
        <dd>{mail.attempts}</dd>
        <dt>{t('outbox.col.created')}</dt>
        <dd>{formatMoment(mail.createdAt, lang)}</dd>
        <dt>{mail.sentAt ? t('outbox.col.sent') : t('outbox.col.next')}</dt>
        <dd>{formatMoment(mail.sentAt ?? mail.nextAttemptAt, lang)}</dd>
        {mail.lastError && <dt>{t('outbox.col.error')}</dt>}
        {mail.lastError && <dd>{mail.lastError}</dd>}
      </dl>
      {mail.status === 'failed' && (
        <form method="post" action={`/beheer/e-mail/${mail.id}/opnieuw`} class="ww-form">
          <CsrfField />
          <Paragraph>{t('outbox.retryHint')}</Paragraph>
          <SubmitButton>{t('outbox.retry')}</SubmitButton>
        </form>
      )}
      <h2 class="utrecht-heading-2">{t('outbox.detail.body')}</h2>
      {mail.bodyPurgedAt || body?.kind === 'purged' ? (
        <Paragraph>{t('outbox.detail.bodyPurged')}</Paragraph>
      ) : body ? (
        <>
          <pre class="ww-mail-body">{body.text}</pre>
          {body.attachments.length > 0 && <Paragraph>{t('outbox.detail.attachments', { names: body.attachments.join(', ') })}</Paragraph>}
        </>
      ) : (
        <>
          <Paragraph>{t('outbox.detail.showBodyHint')}</Paragraph>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/beheer/e-mail/${mail.id}/inhoud`} rel="nofollow">
              {t('outbox.detail.showBody')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}
