import type { Params } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/nl.ts';
import { usePage } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import {
  CHILD_SIGNALS, COMMUNICATIONS, HW_PHASES, isYoung, ROLES, SAFETY, WISHES, type Draft,
} from '../answers.ts';
import { optionKey } from '../hulpwijzer.presenter.ts';
import type { Field } from '../parse.ts';
import { answerPairs, STEP_FIELDS, type StepId } from '../steps.ts';

export interface StepError {
  readonly field: Field;
  readonly message: MessageKey;
  readonly params?: Params;
}

export interface StepPageProps {
  readonly step: StepId;
  readonly position: number;
  readonly total: number;
  readonly draft: Draft;
  readonly action: string;
  readonly backHref: string | null;
  readonly error: StepError | null;
  readonly municipalityName?: string;
}

function questionKey(step: StepId, young: boolean): MessageKey {
  const youngKey = `hulpwijzer.young.q.${step}`;
  return (young && ['place', 'phase', 'ages', 'childSignals', 'safety', 'wishes'].includes(step) ? youngKey : `hulpwijzer.q.${step}`) as MessageKey;
}

function Choices({ name, values, chosen, multiple, draft }: {
  name: Field; values: readonly string[]; chosen: readonly string[]; multiple: boolean; draft: Draft;
}) {
  const { t } = usePage();
  return (
    <div class="ww-choices">
      {values.map((value) => {
        const id = `${name}-${value}`;
        return (
          <div key={value} class={`utrecht-form-field utrecht-form-field--${multiple ? 'checkbox' : 'radio'}`}>
            <div class="utrecht-form-field__input">
              <input
                class={multiple ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input'}
                type={multiple ? 'checkbox' : 'radio'}
                id={id}
                name={name}
                value={value}
                checked={chosen.includes(value)}
              />
            </div>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={id}>
                {t(optionKey(name, value, draft.role))}
              </label>
            </div>
          </div>
        );
      })}
    </div>
  );
}

function TextField({ id, label, hint, value, error, inputMode, autoComplete }: {
  id: Field; label: string; hint: string; value: string; error?: string; inputMode?: 'numeric' | 'text'; autoComplete?: string;
}) {
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field-description" id={`${id}-hint`}>
        {hint}
      </div>
      {error && (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          type="text"
          id={id}
          name={id}
          value={value}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
    </div>
  );
}

function Question({ step, draft, error, municipalityName }: { step: StepId; draft: Draft; error: string | undefined; municipalityName?: string }) {
  const { t } = usePage();
  const young = isYoung(draft.role);
  switch (step) {
    case 'role':
      return <Choices name="role" values={ROLES} chosen={draft.role ? [draft.role] : []} multiple={false} draft={draft} />;
    case 'place':
      return (
        <>
          <p class="utrecht-paragraph">{t('hulpwijzer.place.hint')}</p>
          <TextField id="postcode" label={t('hulpwijzer.place.postcode')} hint={t('hulpwijzer.place.postcodeHint')} value={draft.postcode ?? ''} autoComplete="postal-code" />
          <TextField id="gemeente" label={t('hulpwijzer.place.gemeente')} hint={t('hulpwijzer.place.gemeenteHint')} value={municipalityName ?? draft.gemeente ?? ''} {...(error ? { error } : {})} />
        </>
      );
    case 'ages':
      return (
        <TextField
          id="childAges"
          label={t(young ? 'hulpwijzer.young.ages.label' : 'hulpwijzer.ages.label')}
          hint={t(young ? 'hulpwijzer.young.ages.hint' : 'hulpwijzer.ages.hint')}
          value={draft.childAges.join(', ')}
          inputMode="numeric"
        />
      );
    case 'phase':
      return <Choices name="phase" values={HW_PHASES} chosen={draft.phase ? [draft.phase] : []} multiple={false} draft={draft} />;
    case 'communication':
      return <Choices name="communication" values={COMMUNICATIONS} chosen={draft.communication ? [draft.communication] : []} multiple={false} draft={draft} />;
    case 'childSignals':
      return <Choices name="childSignals" values={CHILD_SIGNALS} chosen={draft.childSignals} multiple draft={draft} />;
    case 'safety':
      return <Choices name="safety" values={SAFETY} chosen={draft.safety} multiple draft={draft} />;
    case 'wishes':
      return <Choices name="wishes" values={WISHES} chosen={draft.wishes} multiple draft={draft} />;
  }
}

/** One question per page: a GET form that carries the earlier answers along in hidden fields. */
export function StepPage({ step, position, total, draft, action, backHref, error, municipalityName }: StepPageProps) {
  const { t } = usePage();
  const title = t(questionKey(step, isYoung(draft.role)));
  const errorText = error ? t(error.message, error.params) : undefined;
  const multiple = step === 'childSignals' || step === 'safety' || step === 'wishes';
  const grouped = step !== 'place' && step !== 'ages';
  const errorTarget = error ? (error.field === 'role' ? 'role-parent' : error.field) : '';
  return (
    <Layout title={errorText ? `${title} — ${errorText}` : title}>
      <p class="utrecht-paragraph ww-muted">{t('hulpwijzer.stepOf', { n: position, total })}</p>
      {errorText && (
        <div class="ww-error-summary" role="alert" aria-labelledby="fouten">
          <h2 class="utrecht-heading-2" id="fouten">
            {t('hulpwijzer.errorSummary')}
          </h2>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`#${errorTarget}`}>
              {errorText}
            </a>
          </p>
        </div>
      )}
      <form method="get" action={action} class="ww-hulpwijzer-form" novalidate>
        {answerPairs(draft, STEP_FIELDS[step]).map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        {grouped ? (
          <fieldset class="utrecht-form-fieldset" aria-describedby={step === 'role' ? undefined : 'vraag-hint'}>
            <legend class="utrecht-form-fieldset__legend">
              <h1 class="utrecht-heading-1">{title}</h1>
            </legend>
            {step !== 'role' && (
              <p class="utrecht-paragraph ww-muted" id="vraag-hint">
                {multiple ? `${t('hulpwijzer.optional')} ${t('hulpwijzer.noneFine')}` : t('hulpwijzer.optional')}
              </p>
            )}
            {step === 'role' && <p class="utrecht-paragraph">{t('hulpwijzer.lead')}</p>}
            <Question step={step} draft={draft} error={errorText} />
          </fieldset>
        ) : (
          <>
            <h1 class="utrecht-heading-1">{title}</h1>
            <p class="utrecht-paragraph ww-muted">{t('hulpwijzer.optional')}</p>
            <Question step={step} draft={draft} error={errorText} {...(municipalityName ? { municipalityName } : {})} />
          </>
        )}
        <p class="utrecht-button-group">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            {action.endsWith('/uitkomst') ? t('hulpwijzer.toResult') : t('hulpwijzer.next')}
          </button>
        </p>
      </form>
      {backHref && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={backHref} rel="prev">
            {t('hulpwijzer.back')}
          </a>
        </p>
      )}
    </Layout>
  );
}
