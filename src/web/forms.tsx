import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../i18n/index.ts';
import { usePage } from './context.ts';

/** Shared form and list parts: every form in the product is built from these, so they look and behave alike. */

export function CsrfField() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken()} />;
}

/** Previous/next links with "page x of y"; nothing when everything fits on one page. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t, path, query } = usePage();
  if (pages <= 1) return null;
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const href = (p: number) => {
    const next = new URLSearchParams(params);
    if (p === 1) next.delete('pagina');
    else next.set('pagina', String(p));
    const qs = next.toString();
    return `${path}${qs ? `?${qs}` : ''}`;
  };
  return (
    <nav class="utrecht-pagination ww-pagination ww-no-print" aria-label={t('pagination.label')}>
      {page > 1 && (
        <a class="utrecht-link" href={href(page - 1)} rel="prev">
          {t('pagination.previous')}
        </a>
      )}
      <span aria-current="page">{t('pagination.current', { page, pages })}</span>
      {page < pages && (
        <a class="utrecht-link" href={href(page + 1)} rel="next">
          {t('pagination.next')}
        </a>
      )}
    </nav>
  );
}

export interface FieldError {
  readonly field: string;
  readonly key: MessageKey;
  /** The entry's text when it says more than the message alone (e.g. which field, by name). */
  readonly text?: string;
}

/** GOV.UK pattern: a heading and links to every field that needs attention. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  const { t } = usePage();
  if (errors.length === 0) return null;
  return (
    <div class="ww-error-summary" role="alert" aria-labelledby="foutoverzicht-titel" tabIndex={-1} id="foutoverzicht">
      <h2 class="utrecht-heading-2" id="foutoverzicht-titel">
        {t('form.errorSummary')}
      </h2>
      <ul class="utrecht-unordered-list">
        {errors.map((e) => (
          <li key={e.field}>
            <a class="utrecht-link" href={`#${e.field}`}>
              {e.text ?? t(e.key)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Field errors of a form as summary entries, in the order the fields appear. */
export function fieldErrors<F extends string>(errors: Partial<Record<F, MessageKey>>, ids: Readonly<Record<F, string>>): FieldError[] {
  return (Object.keys(ids) as F[]).flatMap((name) => {
    const key = errors[name];
    return key ? [{ field: ids[name], key }] : [];
  });
}

export interface FieldFrameProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: MessageKey | undefined;
  readonly children: ComponentChildren;
}

/** The ids of a control's hint and error message, for aria-describedby. */
export function describedBy(id: string, hint: string | undefined, error: MessageKey | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-fout` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** A control's hint and error message, with the ids `describedBy` names. */
function FieldMessages({ id, hint, error }: { id: string; hint?: string | undefined; error?: MessageKey | undefined }) {
  const { t } = usePage();
  return (
    <>
      {hint && (
        <p class="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="utrecht-form-field-error-message" id={`${id}-fout`}>
          {t(error)}
        </p>
      )}
    </>
  );
}

/** Label, hint and error message around one control (NL Design System form field). */
export function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

export interface TextFieldProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: MessageKey | undefined;
  readonly value?: string;
  readonly type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'time' | 'number' | 'search' | 'url';
  readonly autoComplete?: string;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  readonly min?: string;
  readonly max?: string;
}

export function TextField({ id, name, label, hint, error, value = '', type = 'text', autoComplete, required, maxLength, inputMode, min, max }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        class={`utrecht-textbox${error ? ' utrecht-textbox--invalid' : ''}`}
        // Preact types each input type separately; the props below are valid for all of ours.
        type={type as 'text'}
        id={id}
        name={name}
        value={type === 'password' ? '' : value}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        min={min}
        max={max}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export interface TextAreaProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: MessageKey | undefined;
  readonly value?: string;
  readonly rows?: number;
  readonly required?: boolean;
  readonly maxLength?: number;
}

export function TextArea({ id, name, label, hint, error, value = '', rows = 5, required, maxLength }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        class={`utrecht-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        id={id}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {value}
      </textarea>
    </FieldFrame>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: MessageKey | undefined;
  readonly value?: string;
  readonly options: readonly Option[];
  /** Text of an empty first option ("choose…"); none when absent. */
  readonly placeholder?: string;
}

export function SelectField({ id, name, label, hint, error, value = '', options, placeholder }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        class={`utrecht-select${error ? ' utrecht-select--invalid' : ''}`}
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface ChoiceGroupProps {
  readonly id: string;
  readonly name: string;
  readonly legend: string;
  readonly hint?: string;
  readonly error?: MessageKey | undefined;
  readonly options: readonly Option[];
  readonly checked: readonly string[];
  /** Radio buttons (one answer) instead of checkboxes (several). */
  readonly single?: boolean;
}

/** A fieldset of checkboxes or radio buttons; the first control carries the id the error summary links to. */
export function ChoiceGroup({ id, name, legend, hint, error, options, checked, single = false }: ChoiceGroupProps) {
  return (
    <fieldset
      class={`utrecht-form-fieldset ww-choice-group${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend class="utrecht-form-fieldset__legend">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {options.map((o, index) => {
        const controlId = index === 0 ? id : `${id}-${index}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--checkbox" key={o.value}>
            <input
              class={single ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input'}
              type={single ? 'radio' : 'checkbox'}
              id={controlId}
              name={name}
              value={o.value}
              checked={checked.includes(o.value)}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={controlId}>
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function SubmitButton({ children, secondary = false, name, value }: { children: ComponentChildren; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button type="submit" name={name} value={value} class={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}>
      {children}
    </button>
  );
}

/**
 * A short message after an action or about the page (NL Design System alert). Errors, and
 * anything `urgent` (a warning that stops what the person asked for), are announced at once.
 */
export function Notice({ text, kind = 'ok', urgent = false }: { text: string; kind?: 'info' | 'ok' | 'warning' | 'error'; urgent?: boolean }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${kind} ww-alert`} role={kind === 'error' || urgent ? 'alert' : 'status'}>
      <p class="utrecht-paragraph">{text}</p>
    </div>
  );
}
