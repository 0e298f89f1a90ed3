import type { AuditResult } from '../../../db/schema.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { ErrorSummary, fieldErrors, Pagination, SelectField, SubmitButton, TextField } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { Cell, DataTable } from '../../beheer/beheer.parts.tsx';
import { formatMoment } from '../../beheer/beheer.query.ts';
import { AUDIT_FIELD_IDS, AUDIT_RESULTS, type AuditFilterField, type AuditFilterForm } from '../audit.input.ts';
import type { AuditRow } from '../audit.repository.ts';

export interface AuditPageProps {
  readonly rows: readonly AuditRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly form: AuditFilterForm;
  readonly errors: Partial<Record<AuditFilterField, MessageKey>>;
  readonly vocabulary: { readonly actions: readonly string[]; readonly objectTypes: readonly string[] };
  readonly exportHref: string;
}

const RESULT_KEYS: Record<AuditResult, MessageKey> = { ok: 'audit.result.ok', denied: 'audit.result.denied', failed: 'audit.result.failed' };

function AuditFilterForm({ form, errors, vocabulary }: Pick<AuditPageProps, 'form' | 'errors' | 'vocabulary'>) {
  const { t } = usePage();
  const values = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
  return (
    <form method="get" action="/beheer/audit" novalidate class="ww-form ww-filter" aria-label={t('audit.filter.title')}>
      <TextField id="audit-actor" name="actor" type="search" label={t('audit.filter.actor')} value={form.actor} maxLength={254} />
      <SelectField id="audit-actie" name="actie" label={t('audit.filter.action')} value={form.action} placeholder={t('audit.filter.anyAction')} options={values(vocabulary.actions)} />
      <SelectField id="audit-type" name="type" label={t('audit.filter.type')} value={form.type} placeholder={t('audit.filter.anyType')} options={values(vocabulary.objectTypes)} />
      <TextField id="audit-object" name="object" label={t('audit.filter.object')} value={form.object} maxLength={200} />
      <SelectField id="audit-resultaat" name="resultaat" label={t('audit.filter.result')} value={form.result} placeholder={t('audit.filter.anyResult')} options={AUDIT_RESULTS.map((r) => ({ value: r, label: t(RESULT_KEYS[r]) }))} />
      <TextField id={AUDIT_FIELD_IDS.from} name="van" type="date" label={t('audit.filter.from')} hint={t('audit.filter.dateHint')} value={form.from} error={errors.from} />
      <TextField id={AUDIT_FIELD_IDS.until} name="tot" type="date" label={t('audit.filter.until')} value={form.until} error={errors.until} />
      <SubmitButton secondary>{t('audit.filter.submit')}</SubmitButton>
    </form>
  );
}

function EventRow({ row }: { row: AuditRow }) {
  const { t, lang } = usePage();
  return (
    <tr class="utrecht-table__row" data-audit={row.id}>
      <Cell>
        <time dateTime={row.at.toISOString()}>{formatMoment(row.at, lang)}</time>
      </Cell>
      <Cell>{row.actorEmail ?? t('audit.system')}</Cell>
      <Cell>
        <code>{row.action}</code>
      </Cell>
      <Cell>{[row.objectType, row.objectId].filter(Boolean).join(' ')}</Cell>
      <Cell>{t(RESULT_KEYS[row.result])}</Cell>
      <Cell>{row.ip ?? ''}</Cell>
      <Cell>
        <code class="ww-audit-detail">{Object.keys(row.detail).length > 0 ? JSON.stringify(row.detail) : ''}</code>
      </Cell>
    </tr>
  );
}

export function AuditPage({ rows, total, page, pages, form, errors, vocabulary, exportHref }: AuditPageProps) {
  const { t } = usePage();
  const head = (['at', 'actor', 'action', 'object', 'result', 'ip', 'detail'] as const).map((c) => t(`audit.col.${c}`));
  return (
    <Layout title={t('audit.title')}>
      <Heading1>{t('audit.title')}</Heading1>
      <ErrorSummary errors={fieldErrors(errors, AUDIT_FIELD_IDS)} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditFilterForm form={form} errors={errors} vocabulary={vocabulary} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={exportHref} download>
          {t('audit.export')}
        </a>{' '}
        {t('audit.exportHint')}
      </p>
      {rows.length === 0 ? (
        <Paragraph>{t('audit.none')}</Paragraph>
      ) : (
        <DataTable id="audit" caption={t('audit.caption', { count: total })} head={head}>
          {rows.map((r) => (
            <EventRow key={r.id} row={r} />
          ))}
        </DataTable>
      )}
      <Pagination page={page} pages={pages} />
    </Layout>
  );
}
