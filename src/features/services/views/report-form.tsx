import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { MESSAGE_MAX, type ReportField, type ReportValues } from '../services.input.ts';
import { CsrfField } from '../../../web/forms.tsx';

export const REPORT_FIELD_IDS: Record<ReportField, string> = { message: 'melding-bericht', email: 'melding-email' };

export interface ReportFormProps {
  readonly serviceId: string;
  readonly values: ReportValues;
  readonly errors: Partial<Record<ReportField, MessageKey>>;
}

/** "Meld een fout": works without JavaScript; errors come back from the server with the typed values. */
export function ReportForm({ serviceId, values, errors }: ReportFormProps) {
  const { t } = usePage();
  const field = (name: ReportField) => {
    const error = errors[name];
    const id = REPORT_FIELD_IDS[name];
    return {
      id,
      error,
      invalid: error ? ('true' as const) : undefined,
      describedBy: [`${id}-hint`, error ? `${id}-fout` : ''].filter(Boolean).join(' '),
      className: `utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`,
    };
  };
  const message = field('message');
  const email = field('email');
  return (
    <section class="ww-report ww-no-print" aria-labelledby="meld-een-fout">
      <h2 class="utrecht-heading-2" id="meld-een-fout">
        {t('services.report.heading')}
      </h2>
      <p class="utrecht-paragraph">{t('services.report.intro')}</p>
      <form method="post" action={`/aanbod/${serviceId}/meld-een-fout#meld-een-fout`} novalidate>
        <CsrfField />
        <div class={message.className}>
          <label class="utrecht-form-label" for={message.id}>
            {t('services.report.message')}
          </label>
          <p class="utrecht-form-field-description" id={`${message.id}-hint`}>
            {t('services.report.messageHint')}
          </p>
          {message.error && (
            <p class="utrecht-form-field-error-message" id={`${message.id}-fout`}>
              {t(message.error)}
            </p>
          )}
          <textarea
            class={`utrecht-textarea${message.error ? ' utrecht-textarea--invalid' : ''}`}
            id={message.id}
            name="message"
            rows={5}
            required
            maxLength={MESSAGE_MAX}
            aria-invalid={message.invalid}
            aria-describedby={message.describedBy}
          >
            {values.message}
          </textarea>
        </div>
        <div class={email.className}>
          <label class="utrecht-form-label" for={email.id}>
            {t('services.report.email')}
          </label>
          <p class="utrecht-form-field-description" id={`${email.id}-hint`}>
            {t('services.report.emailHint')}
          </p>
          {email.error && (
            <p class="utrecht-form-field-error-message" id={`${email.id}-fout`}>
              {t(email.error)}
            </p>
          )}
          <input
            class={`utrecht-textbox${email.error ? ' utrecht-textbox--invalid' : ''}`}
            type="email"
            id={email.id}
            name="email"
            autoComplete="email"
            value={values.email}
            aria-invalid={email.invalid}
            aria-describedby={email.describedBy}
          />
        </div>
        <div class="ww-visually-hidden" aria-hidden="true">
          <label for="melding-website">{t('services.report.honeypot')}</label>
          <input type="text" id="melding-website" name="website" tabIndex={-1} autoComplete="off" value="" />
        </div>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {t('services.report.submit')}
        </button>
      </form>
    </section>
  );
}
