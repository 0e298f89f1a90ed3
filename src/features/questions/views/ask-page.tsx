import { AUDIENCES } from '../../../db/schema.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, fieldErrors, Notice, SelectField, SubmitButton, TextArea, TextField, type Option } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { CrisisLineView } from '../../crisis/crisis.presenter.ts';
import { EMAIL_MAX, TEXT_MAX, type AskErrors, type AskField, type AskValues } from '../questions.input.ts';
import { KidsHelp } from './kids-help.tsx';
import { ROLE_LABELS } from './labels.ts';

export const ASK_FIELD_IDS: Record<AskField, string> = {
  topic: 'vraag-thema',
  text: 'vraag-tekst',
  role: 'vraag-rol',
  gemeente: 'vraag-gemeente',
  email: 'vraag-email',
  consent: 'vraag-toestemming',
  idempotencyKey: 'vraag-verstuur',
};

export interface AskPageProps {
  /** The version for children and young people: simple words, the Kindertelefoon alongside. */
  readonly kid: boolean;
  readonly values: AskValues;
  readonly errors: AskErrors;
  readonly topics: readonly Option[];
  readonly municipalities: readonly Option[];
  readonly retentionMonths: number;
  readonly kidsLine: CrisisLineView | null;
  /** A message about the whole form, above it. */
  readonly notice?: MessageKey | undefined;
}

const KID_ROLES = ['children', 'youth'] as const;

/** /vraag: one form, no JavaScript needed; the hidden key makes a repeated submit harmless. */
export function AskPage({ kid, values, errors, topics, municipalities, retentionMonths, kidsLine, notice }: AskPageProps) {
  const { t } = usePage();
  const ids = ASK_FIELD_IDS;
  const roles = (kid ? KID_ROLES : AUDIENCES).map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }));
  return (
    <Layout title={t(kid ? 'questions.kid.title' : 'questions.ask.title')}>
      <Heading1>{t(kid ? 'questions.kid.title' : 'questions.ask.title')}</Heading1>
      <ErrorSummary errors={fieldErrors(errors, ids)} />
      {notice && <Notice kind="warning" urgent text={t(notice)} />}
      <Paragraph lead>{t(kid ? 'questions.kid.intro' : 'questions.ask.intro')}</Paragraph>
      <Paragraph>{t('questions.ask.when')}</Paragraph>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={kid ? '/vraag' : '/vraag?voor=kind'}>
          {t(kid ? 'questions.ask.adultLink' : 'questions.ask.kidLink')}
        </a>
      </p>
      {kid && <KidsHelp line={kidsLine} />}
      <form method="post" action="/vraag" novalidate class="ww-form">
        <CsrfField />
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
        {kid && <input type="hidden" name="voor" value="kind" />}
        <SelectField id={ids.topic} name="topic" label={t('questions.field.topic')} error={errors.topic} value={values.topic} options={topics} placeholder={t('questions.field.topicPlaceholder')} />
        <TextArea
          id={ids.text}
          name="text"
          label={t(kid ? 'questions.kid.text' : 'questions.field.text')}
          hint={t(kid ? 'questions.kid.textHint' : 'questions.field.textHint')}
          error={errors.text}
          value={values.text}
          rows={8}
          maxLength={TEXT_MAX}
          required
        />
        <ChoiceGroup id={ids.role} name="role" legend={t(kid ? 'questions.kid.role' : 'questions.field.role')} error={errors.role} options={roles} checked={[values.role]} single />
        <SelectField
          id={ids.gemeente}
          name="gemeente"
          label={t('questions.field.gemeente')}
          hint={t('questions.field.gemeenteHint')}
          error={errors.gemeente}
          value={values.gemeente}
          options={municipalities}
          placeholder={t('questions.field.gemeentePlaceholder')}
        />
        <TextField
          id={ids.email}
          name="email"
          type="email"
          label={t('questions.field.email')}
          hint={t(kid ? 'questions.kid.emailHint' : 'questions.field.emailHint')}
          error={errors.email}
          value={values.email}
          autoComplete="email"
          maxLength={EMAIL_MAX}
        />
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/privacy">
            {t('questions.field.privacyLink')}
          </a>
        </p>
        <ChoiceGroup
          id={ids.consent}
          name="consent"
          legend={t('questions.field.consent')}
          hint={kid ? t('questions.kid.consentHint') : t('questions.field.consentHint', { months: retentionMonths })}
          error={errors.consent}
          options={[{ value: 'yes', label: t('questions.field.consentLabel') }]}
          checked={[values.consent]}
        />
        <div class="ww-visually-hidden" aria-hidden="true">
          <label for="vraag-website">{t('questions.field.honeypot')}</label>
          <input type="text" id="vraag-website" name="website" tabIndex={-1} autoComplete="off" value="" />
        </div>
        <span id={ids.idempotencyKey}>
          <SubmitButton>{t('questions.submit')}</SubmitButton>
        </span>
      </form>
    </Layout>
  );
}
