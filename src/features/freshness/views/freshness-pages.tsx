import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { CsrfField, Notice, Pagination, SelectField, SubmitButton, type Option } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { StaleRow } from '../freshness.repository.ts';

export interface StalePageProps {
  readonly rows: readonly StaleRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly months: number;
  readonly organizationId: string;
  readonly organizations: readonly Option[];
  readonly canEdit: boolean;
}

/** Offerings not checked for too long, by organisation, for editors and moderators. */
export function StalePage(props: StalePageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('freshness.stale.title')}>
      <Heading1>{t('freshness.stale.title')}</Heading1>
      <Paragraph>{t('freshness.stale.intro', { months: props.months })}</Paragraph>
      <form method="get" action="/beheer/actualiteit" class="ww-filter">
        <SelectField id="filter-organisatie" name="organisatie" label={t('editing.filter.organization')} value={props.organizationId} placeholder={t('editing.filter.all')} options={props.organizations} />
        <SubmitButton secondary>{t('editing.filter.submit')}</SubmitButton>
      </form>
      <p class="utrecht-paragraph" role="status">
        {t('editing.list.count', { count: props.total })}
      </p>
      {props.rows.length > 0 && (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption ww-visually-hidden">{t('freshness.stale.title')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('editing.field.organization')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('editing.list.name')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('editing.field.lastVerified')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('freshness.stale.reminded')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.rows.map((r) => (
              <tr class="utrecht-table__row" key={r.id} data-id={r.id}>
                <td class="utrecht-table__cell">{r.organizationName}</td>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={props.canEdit ? `/beheer/aanbod/${r.id}` : `/aanbod/${r.id}`}>
                    {r.name}
                  </a>
                </td>
                <td class="utrecht-table__cell">{r.lastVerified}</td>
                <td class="utrecht-table__cell">{r.remindedAt ? r.remindedAt.toISOString().slice(0, 10) : t('editing.empty')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={props.page} pages={props.pages} />
    </Layout>
  );
}

export type ConfirmState =
  | { readonly kind: 'ask'; readonly code: string; readonly name: string; readonly lastVerified: string }
  | { readonly kind: 'done'; readonly name: string }
  | { readonly kind: 'expired' }
  | { readonly kind: 'invalid' };

const FAILURES: Readonly<Record<'expired' | 'invalid', MessageKey>> = { expired: 'freshness.confirm.expired', invalid: 'freshness.confirm.invalid' };

/** The public page behind the e-mailed link: one button, no sign-in. */
export function ConfirmPage({ state }: { state: ConfirmState }) {
  const { t } = usePage();
  const title = t(state.kind === 'ask' || state.kind === 'done' ? 'freshness.confirm.title' : 'freshness.confirm.failedTitle');
  return (
    <Layout title={title}>
      <Heading1>{title}</Heading1>
      {state.kind === 'ask' && (
        <>
          <Paragraph>{t('freshness.confirm.intro', { name: state.name, date: state.lastVerified })}</Paragraph>
          <form method="post" action="/nog-actueel">
            <CsrfField />
            <input type="hidden" name="code" value={state.code} />
            <SubmitButton>{t('freshness.confirm.submit')}</SubmitButton>
          </form>
          <Paragraph>{t('freshness.confirm.changes')}</Paragraph>
        </>
      )}
      {state.kind === 'done' && (
        <Notice text={t('freshness.confirm.done', { name: state.name })} />
      )}
      {(state.kind === 'expired' || state.kind === 'invalid') && <Paragraph>{t(FAILURES[state.kind])}</Paragraph>}
    </Layout>
  );
}
