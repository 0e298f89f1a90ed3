import type { CatalogueEntity } from '../../../db/schema.ts';
import { usePage } from '../../../web/context.ts';
import { Pagination, SelectField, SubmitButton, TextField, type Option } from '../../../web/forms.tsx';
import { Heading1, Layout } from '../../../web/layout.tsx';
import type { ListRow } from '../editing.repository.ts';
import { statusLabel } from './fields.tsx';

export interface RecordListProps {
  readonly kind: CatalogueEntity;
  readonly title: string;
  readonly basePath: string;
  readonly rows: readonly ListRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly filter: { readonly text: string; readonly status: string; readonly organizationId: string };
  readonly organizations: readonly Option[];
  readonly statuses: readonly string[];
  readonly canCreate: boolean;
}

/** A paginated list with a GET filter form (works without JavaScript, keeps the filter in the links). */
export function RecordListPage(props: RecordListProps) {
  const { t } = usePage();
  const { rows, filter } = props;
  return (
    <Layout title={props.title}>
      <Heading1>{props.title}</Heading1>
      {props.canCreate && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${props.basePath}/nieuw`}>
            {t(props.kind === 'service' ? 'editing.new.service' : props.kind === 'location' ? 'editing.new.location' : 'editing.new.organization')}
          </a>
        </p>
      )}
      <form method="get" action={props.basePath} class="ww-filter" role="search" aria-label={t('editing.filter.label')}>
        <TextField id="filter-tekst" name="q" label={t('editing.filter.text')} value={filter.text} type="search" maxLength={100} />
        <SelectField id="filter-status" name="status" label={t('editing.filter.status')} value={filter.status} placeholder={t('editing.filter.all')} options={props.statuses.map((s) => ({ value: s, label: statusLabel(t, s) }))} />
        {props.kind !== 'organization' && props.organizations.length > 1 && (
          <SelectField id="filter-organisatie" name="organisatie" label={t('editing.filter.organization')} value={filter.organizationId} placeholder={t('editing.filter.all')} options={props.organizations} />
        )}
        <SubmitButton secondary>{t('editing.filter.submit')}</SubmitButton>
      </form>
      <p class="utrecht-paragraph" role="status">
        {t('editing.list.count', { count: props.total })}
      </p>
      {rows.length > 0 && (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption ww-visually-hidden">{props.title}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('editing.list.name')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('editing.field.organization')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('editing.field.status')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('editing.list.updated')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rows.map((r) => (
              <tr class="utrecht-table__row" key={r.id} data-id={r.id}>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={`${props.basePath}/${r.id}`}>
                    {r.label}
                  </a>
                </td>
                <td class="utrecht-table__cell">{r.organizationName}</td>
                <td class="utrecht-table__cell">{statusLabel(t, r.status)}</td>
                <td class="utrecht-table__cell">{r.updatedAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={props.page} pages={props.pages} />
    </Layout>
  );
}
