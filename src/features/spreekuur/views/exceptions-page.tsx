import { usePage } from '../../../web/context.ts';
import { CsrfField, ErrorSummary, fieldErrors, Pagination, SubmitButton, TextField } from '../../../web/forms.tsx';
import { Heading1, Layout } from '../../../web/layout.tsx';
import type { ExceptionErrors, ExceptionValues } from '../spreekuur-admin.input.ts';
import { AgendaList, type AgendaEntry } from './agenda-page.tsx';
import { BeheerNav } from './beheer-nav.tsx';

/** /beheer/spreekuur/uitzonderingen: closures, and the people booked on a closed day. */
export interface ExceptionItem {
  readonly id: string;
  readonly days: string;
  readonly reason: string;
}

export interface ExceptionsPageProps {
  readonly items: readonly ExceptionItem[];
  readonly page: number;
  readonly pages: number;
  readonly toContact: readonly AgendaEntry[];
  readonly values: ExceptionValues;
  readonly errors: ExceptionErrors;
}

const IDS = { firstDay: 'firstDay', lastDay: 'lastDay', reason: 'reason' } as const;

export function ExceptionsPage({ items, page, pages, toContact, values, errors }: ExceptionsPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('spreekuur.admin.exceptions.title')}>
      <Heading1>{t('spreekuur.admin.exceptions.title')}</Heading1>
      <BeheerNav current="/beheer/spreekuur/uitzonderingen" />
      <h2 class="utrecht-heading-2">{t('spreekuur.admin.exceptions.toContact')}</h2>
      {toContact.length === 0 ? <p class="utrecht-paragraph">{t('spreekuur.admin.exceptions.noneToContact')}</p> : <AgendaList entries={toContact} />}
      <h2 class="utrecht-heading-2">{t('spreekuur.admin.exceptions.heading')}</h2>
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{t('spreekuur.admin.exceptions.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {items.map((item) => (
            <li key={item.id}>
              {item.days}: {item.reason}{' '}
              <form method="post" action="/beheer/spreekuur/uitzonderingen/verwijderen" class="ww-inline-form">
                <CsrfField />
                <input type="hidden" name="id" value={item.id} />
                <SubmitButton secondary>{t('spreekuur.admin.exceptions.remove')}</SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} />
      <h2 class="utrecht-heading-2">{t('spreekuur.admin.exceptions.add')}</h2>
      <ErrorSummary errors={fieldErrors(errors, IDS)} />
      <form method="post" action="/beheer/spreekuur/uitzonderingen" novalidate class="ww-form">
        <CsrfField />
        <TextField id="firstDay" name="firstDay" type="date" label={t('spreekuur.admin.exceptions.firstDay')} value={values.firstDay} error={errors.firstDay} />
        <TextField id="lastDay" name="lastDay" type="date" label={t('spreekuur.admin.exceptions.lastDay')} hint={t('spreekuur.admin.exceptions.lastDayHint')} value={values.lastDay} error={errors.lastDay} />
        <TextField id="reason" name="reason" label={t('spreekuur.admin.exceptions.reason')} hint={t('spreekuur.admin.exceptions.reasonHint')} value={values.reason} error={errors.reason} maxLength={200} />
        <SubmitButton>{t('spreekuur.admin.exceptions.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
