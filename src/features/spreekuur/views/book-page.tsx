import type { Option } from '../../../web/forms.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, fieldErrors, Notice, SelectField, SubmitButton, TextArea, TextField } from '../../../web/forms.tsx';
import { usePage } from '../../../web/context.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { BookingErrors, BookingValues } from '../spreekuur.input.ts';
import { NAME_MAX, NOTE_MAX } from '../spreekuur.input.ts';
import { Honeypot, SlotRadios, type SlotOption } from './parts.tsx';

export interface BookPageProps {
  readonly day: string;
  readonly dayLabel: string;
  readonly slots: readonly SlotOption[];
  readonly topics: readonly Option[];
  readonly values: BookingValues;
  readonly errors: BookingErrors;
  /** A message about the whole form, above it. */
  readonly notice?: MessageKey | undefined;
}

const FIELD_IDS = {
  slotId: 'slotId',
  name: 'name',
  email: 'email',
  phone: 'phone',
  topic: 'topic',
  topicNote: 'topicNote',
  consent: 'consent',
  idempotencyKey: 'slotId',
} as const;

/** /spreekuur/dag: the free times of one day as radio buttons, and the few details we need. */
export function BookPage({ day, dayLabel, slots, topics, values, errors, notice }: BookPageProps) {
  const { t } = usePage();
  const title = t('spreekuur.book.title', { day: dayLabel });
  return (
    <Layout title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/spreekuur">
          {t('spreekuur.book.back')}
        </a>
      </p>
      <Heading1>{title}</Heading1>
      <ErrorSummary errors={fieldErrors(errors, FIELD_IDS)} />
      {notice && <Notice kind="warning" urgent text={t(notice)} />}
      {slots.length === 0 ? (
        <Paragraph>{t('spreekuur.book.noSlots')}</Paragraph>
      ) : (
        <form method="post" action="/spreekuur/boeken" novalidate class="ww-form">
          <CsrfField />
          <input type="hidden" name="datum" value={day} />
          <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
          <SlotRadios slots={slots} checked={values.slotId} error={errors.slotId ?? errors.idempotencyKey} />
          <TextField id="name" name="name" label={t('spreekuur.form.name')} hint={t('spreekuur.form.nameHint')} value={values.name} error={errors.name} autoComplete="name" maxLength={NAME_MAX} />
          <TextField id="email" name="email" type="email" label={t('spreekuur.form.email')} hint={t('spreekuur.form.contactHint')} value={values.email} error={errors.email} autoComplete="email" />
          <TextField id="phone" name="phone" type="tel" label={t('spreekuur.form.phone')} value={values.phone} error={errors.phone} autoComplete="tel" />
          <SelectField id="topic" name="topic" label={t('spreekuur.form.topic')} options={topics} value={values.topic} error={errors.topic} placeholder={t('spreekuur.form.topicChoose')} />
          <TextArea id="topicNote" name="topicNote" label={t('spreekuur.form.topicNote')} hint={t('spreekuur.form.topicNoteHint')} value={values.topicNote} error={errors.topicNote} rows={3} maxLength={NOTE_MAX} />
          <p class="utrecht-paragraph">
            {t('spreekuur.form.privacyIntro')}{' '}
            <a class="utrecht-link" href="/privacy">
              {t('spreekuur.form.privacyLink')}
            </a>
          </p>
          <ChoiceGroup id="consent" name="consent" legend={t('spreekuur.form.consentLegend')} error={errors.consent} options={[{ value: 'ja', label: t('spreekuur.form.consent') }]} checked={values.consent ? ['ja'] : []} />
          <Honeypot />
          <SubmitButton>{t('spreekuur.form.submit')}</SubmitButton>
        </form>
      )}
    </Layout>
  );
}
