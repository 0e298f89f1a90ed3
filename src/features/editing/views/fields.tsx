import type { MessageKey, Translate } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField } from '../../../web/forms.tsx';
import { allFields, sameValue, type FieldSpec, type Snapshot, type Value } from '../editing.fields.ts';
import type { FieldErrors, FormValues, OptionLists } from '../editing.input.ts';
import type { CatalogueEntity } from '../../../db/schema.ts';

/** Record form fields, error summary and diff table: every form and comparison is built from the field lists. */
export const fieldId = (name: string) => `veld-${name.replace(/_/g, '-')}`;

const STATUS_LABELS: Readonly<Record<string, MessageKey>> = {
  active: 'editing.status.active',
  inactive: 'editing.status.inactive',
  temporarily_closed: 'editing.status.temporarily_closed',
  defunct: 'editing.status.defunct',
};

export function statusLabel(t: Translate, status: string): string {
  const key = STATUS_LABELS[status];
  return key ? t(key) : status;
}

function one(value: string | readonly string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : ((value as string | undefined) ?? '');
}

export function FieldControl({ spec, values, errors, options }: { spec: FieldSpec; values: FormValues; errors: FieldErrors; options: OptionLists }) {
  const { t } = usePage();
  const id = fieldId(spec.name);
  const common = { id, name: spec.name, label: t(spec.label), error: errors[spec.name], ...(spec.hint ? { hint: t(spec.hint) } : {}) };
  const value = values[spec.name];
  switch (spec.kind) {
    case 'textarea':
    case 'municipalities':
      return <TextArea {...common} value={one(value)} rows={spec.kind === 'municipalities' ? 3 : 4} maxLength={spec.kind === 'textarea' ? spec.max : undefined} />;
    case 'select':
      return <SelectField {...common} value={one(value)} options={spec.options ? options[spec.options] : []} placeholder={t(spec.required ? 'editing.choose' : 'editing.none')} />;
    case 'choices': {
      const list = spec.options ? options[spec.options] : [];
      if (list.length === 0) return <p class="utrecht-paragraph ww-muted">{t(spec.hint ?? spec.label)}</p>;
      return <ChoiceGroup id={id} name={spec.name} legend={t(spec.label)} error={errors[spec.name]} options={list} checked={Array.isArray(value) ? value : value ? [value as string] : []} />;
    }
    case 'boolean':
      return <ChoiceGroup id={id} name={spec.name} legend={t(spec.label)} error={errors[spec.name]} options={[{ value: 'ja', label: t('editing.yes') }]} checked={one(value) === 'ja' ? ['ja'] : []} />;
    case 'email':
      return <TextField {...common} type="email" value={one(value)} maxLength={spec.max} />;
    case 'url':
      return <TextField {...common} type="url" value={one(value)} maxLength={spec.max} />;
    case 'phone':
      return <TextField {...common} type="tel" value={one(value)} maxLength={spec.max} />;
    case 'integer':
    case 'decimal':
      return <TextField {...common} value={one(value)} inputMode={spec.kind === 'integer' ? 'numeric' : 'text'} maxLength={14} />;
    default:
      return <TextField {...common} value={one(value)} maxLength={spec.max} />;
  }
}

/** The error summary, each entry naming its field, linking to it. */
export function EditErrorSummary({ kind, errors }: { kind: CatalogueEntity; errors: FieldErrors }) {
  const { t } = usePage();
  const entries = allFields(kind).flatMap((f) => {
    const key = errors[f.name];
    return key ? [{ field: fieldId(f.name), key, text: t('editing.errorFor', { field: t(f.label), message: t(key) }) }] : [];
  });
  return <ErrorSummary errors={entries} />;
}

/** A snapshot value as readable text in the page's language. */
export function formatValue(t: Translate, spec: FieldSpec, value: Value | undefined, options: OptionLists): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('editing.empty');
  if (typeof value === 'boolean') return t(value ? 'editing.yes' : 'editing.no');
  if (spec.name === 'status') return statusLabel(t, String(value));
  const source = spec.kind === 'municipalities' ? options.municipalities : spec.options ? options[spec.options] : undefined;
  const label = (v: string) => source?.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return (value as string[]).map(label).join(', ');
  return label(String(value));
}

export interface DiffProps {
  readonly kind: CatalogueEntity;
  readonly before: Snapshot | null;
  readonly after: Snapshot;
  readonly options: OptionLists;
  readonly caption: string;
  readonly beforeHeading: string;
  readonly afterHeading: string;
  /** Show only the fields that differ (history); the conflict page shows every field. */
  readonly onlyChanged?: boolean;
}

export function DiffTable({ kind, before, after, options, caption, beforeHeading, afterHeading, onlyChanged = false }: DiffProps) {
  const { t } = usePage();
  const rows = allFields(kind).filter((f) => !onlyChanged || !sameValue(before?.[f.name], after[f.name]));
  if (rows.length === 0) return <p class="utrecht-paragraph ww-muted">{t('editing.noChanges')}</p>;
  return (
    <table class="utrecht-table ww-diff">
      <caption class="utrecht-table__caption">{caption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">
            {t('editing.diff.field')}
          </th>
          <th class="utrecht-table__header-cell" scope="col">
            {beforeHeading}
          </th>
          <th class="utrecht-table__header-cell" scope="col">
            {afterHeading}
          </th>
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {rows.map((f) => {
          const changed = !sameValue(before?.[f.name], after[f.name]);
          return (
            <tr class={`utrecht-table__row${changed ? ' ww-diff__changed' : ''}`} key={f.name}>
              <th class="utrecht-table__header-cell" scope="row">
                {t(f.label)}
                {changed && <span class="ww-visually-hidden">{` (${t('editing.diff.changed')})`}</span>}
              </th>
              <td class="utrecht-table__cell">{before ? formatValue(t, f, before[f.name], options) : t('editing.empty')}</td>
              <td class="utrecht-table__cell">{formatValue(t, f, after[f.name], options)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
