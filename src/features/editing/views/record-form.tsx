import type { CatalogueEntity } from '../../../db/schema.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, CsrfField, SubmitButton } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { Snapshot } from '../editing.fields.ts';
import { FIELDS } from '../editing.fields.ts';
import type { FieldErrors, FormValues, OptionLists } from '../editing.input.ts';
import { DiffTable, EditErrorSummary, FieldControl, statusLabel } from './fields.tsx';

export interface RecordFormProps {
  readonly kind: CatalogueEntity;
  /** Editors save directly; provider editors send a proposal. */
  readonly mode: 'editor' | 'provider';
  readonly title: string;
  readonly action: string;
  readonly values: FormValues;
  readonly errors: FieldErrors;
  readonly options: OptionLists;
  /** The version the form is based on; null for a new record. */
  readonly version: number | null;
  readonly record?: { readonly id: string; readonly status: string; readonly historyHref: string; readonly statusAction: string | null };
  readonly notice?: 'saved' | 'proposed' | 'blocked' | null;
  /** Someone else saved first: their version (current) beside what this person typed (yours). */
  readonly conflict?: { readonly current: Snapshot; readonly yours: Snapshot } | null;
}

const NOTICES = { saved: 'editing.notice.saved', proposed: 'editing.notice.proposed', blocked: 'editing.notice.blocked' } as const;

export function RecordFormPage(props: RecordFormProps) {
  const { t } = usePage();
  const { kind, mode, values, errors, options, record, notice, conflict } = props;
  return (
    <Layout title={props.title}>
      <Heading1>{props.title}</Heading1>
      {notice && (
        <div class={`utrecht-alert ${notice === 'blocked' ? 'utrecht-alert--warning' : 'utrecht-alert--ok'}`} role="status">
          <p class="utrecht-paragraph">{t(NOTICES[notice])}</p>
        </div>
      )}
      {conflict && (
        <section class="ww-conflict" aria-labelledby="conflict-titel">
          <h2 class="utrecht-heading-2" id="conflict-titel">
            {t('editing.conflict.title')}
          </h2>
          <Paragraph>{t('editing.conflict.intro')}</Paragraph>
          <DiffTable kind={kind} before={conflict.current} after={conflict.yours} options={options} caption={t('editing.conflict.caption')} beforeHeading={t('editing.conflict.current')} afterHeading={t('editing.conflict.yours')} />
          <Paragraph>{t('editing.conflict.reapply')}</Paragraph>
        </section>
      )}
      {record && (
        <p class="utrecht-paragraph ww-muted">
          {t('editing.recordMeta', { status: statusLabel(t, record.status), version: props.version ?? 0 })}{' '}
          {mode === 'editor' && (
            <a class="utrecht-link" href={record.historyHref}>
              {t('editing.history.link')}
            </a>
          )}
        </p>
      )}
      {mode === 'provider' && <Paragraph>{t('editing.proposal.intro')}</Paragraph>}
      <EditErrorSummary kind={kind} errors={errors} />
      <form method="post" action={props.action} novalidate class="ww-record-form">
        <CsrfField />
        {props.version !== null && <input type="hidden" name="_version" value={String(props.version)} />}
        {FIELDS[kind].map((spec) => (
          <FieldControl key={spec.name} spec={spec} values={values} errors={errors} options={options} />
        ))}
        {kind === 'service' && mode === 'editor' && (
          <ChoiceGroup id="veld-verified" name="verified" legend={t('editing.verified.legend')} options={[{ value: 'ja', label: t('editing.verified.label') }]} checked={values['verified'] === 'ja' ? ['ja'] : []} />
        )}
        <SubmitButton>{t(mode === 'editor' ? (conflict ? 'editing.conflict.save' : 'editing.save') : 'editing.proposal.submit')}</SubmitButton>
      </form>
      {mode === 'editor' && record?.statusAction && (
        <form method="post" action={record.statusAction} class="ww-status-form">
          <CsrfField />
          <input type="hidden" name="_version" value={String(props.version ?? 0)} />
          <SubmitButton secondary>{t(record.status === 'active' ? 'editing.deactivate' : 'editing.activate')}</SubmitButton>
        </form>
      )}
    </Layout>
  );
}
