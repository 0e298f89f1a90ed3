import { QUESTION_STATUSES } from '../../../db/schema.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, Pagination, SelectField, SubmitButton, TextField, type Option } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { formatCode } from '../questions.crypto.ts';
import { AGE_FILTERS, type InboxFilter } from '../questions.input.ts';
import type { InboxItemView } from '../questions.presenter.ts';
import { roleLabel, STATUS_LABELS } from './labels.ts';

export interface DeskInboxProps {
  readonly filter: InboxFilter;
  readonly items: readonly InboxItemView[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly topics: readonly Option[];
  readonly municipalities: readonly Option[];
}

const AGE_LABELS: Record<(typeof AGE_FILTERS)[number], MessageKey> = {
  2: 'questions.desk.filter.age2',
  7: 'questions.desk.filter.age7',
  30: 'questions.desk.filter.age30',
};

function Filters({ filter, topics, municipalities }: Pick<DeskInboxProps, 'filter' | 'topics' | 'municipalities'>) {
  const { t } = usePage();
  const all = t('questions.desk.filter.all');
  const statuses = [{ value: 'open', label: t('questions.desk.filter.open') }, ...QUESTION_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABELS[s]) }))];
  return (
    <form method="get" action="/beheer/vragen" class="ww-form ww-question-filters">
      <h2 class="utrecht-heading-2">{t('questions.desk.filters')}</h2>
      <SelectField id="filter-status" name="status" label={t('questions.desk.filter.status')} value={filter.status ?? ''} options={statuses} placeholder={all} />
      <SelectField id="filter-thema" name="thema" label={t('questions.desk.filter.topic')} value={filter.topic ?? ''} options={topics} placeholder={all} />
      <SelectField id="filter-gemeente" name="gemeente" label={t('questions.desk.filter.gemeente')} value={filter.gemeente ?? ''} options={municipalities} placeholder={all} />
      <SelectField
        id="filter-ouder"
        name="ouder"
        label={t('questions.desk.filter.age')}
        value={filter.olderThanDays === null ? '' : String(filter.olderThanDays)}
        options={AGE_FILTERS.map((d) => ({ value: String(d), label: t(AGE_LABELS[d]) }))}
        placeholder={all}
      />
      <TextField id="filter-code" name="code" label={t('questions.desk.filter.code')} value={filter.code ? formatCode(filter.code) : ''} maxLength={12} />
      <ChoiceGroup id="filter-mijn" name="mijn" legend={t('questions.desk.col.assigned')} options={[{ value: '1', label: t('questions.desk.filter.mine') }]} checked={filter.mine ? ['1'] : []} />
      <SubmitButton secondary>{t('questions.desk.filter.submit')}</SubmitButton>
    </form>
  );
}

/** The desk's inbox: oldest first, filtered by GET parameters, paginated. No question text in the list. */
export function DeskInboxPage({ filter, items, total, page, pages, topics, municipalities }: DeskInboxProps) {
  const { t } = usePage();
  return (
    <Layout title={t('questions.desk.title')}>
      <Heading1>{t('questions.desk.title')}</Heading1>
      <Paragraph>{t('questions.desk.intro')}</Paragraph>
      <Filters filter={filter} topics={topics} municipalities={municipalities} />
      <p class="utrecht-paragraph" role="status">
        {t('questions.desk.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <Paragraph>{t('questions.desk.empty')}</Paragraph>
      ) : (
        <table class="utrecht-table ww-question-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('questions.desk.col.code')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('questions.desk.col.topic')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('questions.desk.col.role')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('questions.desk.col.gemeente')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('questions.desk.col.status')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('questions.desk.col.received')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('questions.desk.col.assigned')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {items.map((q) => (
              <tr class="utrecht-table__row" key={q.id} data-question={q.id}>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={`/beheer/vragen/${q.id}`}>
                    {q.code}
                  </a>
                </td>
                <td class="utrecht-table__cell">{q.topic}</td>
                <td class="utrecht-table__cell">{t(roleLabel(q.role))}</td>
                <td class="utrecht-table__cell">{q.municipality ?? t('questions.desk.unknown')}</td>
                <td class="utrecht-table__cell">{t(STATUS_LABELS[q.status])}</td>
                <td class="utrecht-table__cell">{q.received}</td>
                <td class="utrecht-table__cell">{q.assignedName ?? t('questions.desk.unassigned')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pages={pages} />
    </Layout>
  );
}
