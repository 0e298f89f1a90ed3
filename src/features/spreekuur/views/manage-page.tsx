import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { CsrfField, ErrorSummary, SubmitButton } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { DayList, SlotRadios, type DayLink, type SlotOption } from './parts.tsx';

/** What the private link shows: the appointment, and (while it is ahead) cancel and rebook. */
export interface ManagedBooking {
  readonly token: string;
  readonly when: string;
  readonly how: string;
  readonly topic: string;
  readonly name: string;
  readonly contact: string;
  readonly statusLabel: string;
  readonly live: boolean;
}

export function ManagePage({ booking, notice }: { booking: ManagedBooking; notice: MessageKey | null }) {
  const { t } = usePage();
  return (
    <Layout title={t('spreekuur.manage.title')}>
      <Heading1>{t('spreekuur.manage.title')}</Heading1>
      {notice && (
        <div class="ww-notice" role="status">
          <p class="utrecht-paragraph">{t(notice)}</p>
        </div>
      )}
      <dl class="ww-facts">
        <div>
          <dt>{t('spreekuur.manage.when')}</dt>
          <dd>{booking.when}</dd>
        </div>
        <div>
          <dt>{t('spreekuur.manage.how')}</dt>
          <dd>{booking.how}</dd>
        </div>
        <div>
          <dt>{t('spreekuur.manage.topic')}</dt>
          <dd>{booking.topic}</dd>
        </div>
        <div>
          <dt>{t('spreekuur.manage.name')}</dt>
          <dd>{booking.name}</dd>
        </div>
        <div>
          <dt>{t('spreekuur.manage.contact')}</dt>
          <dd>{booking.contact}</dd>
        </div>
        <div>
          <dt>{t('spreekuur.manage.status')}</dt>
          <dd>{booking.statusLabel}</dd>
        </div>
      </dl>
      <Paragraph>{t('spreekuur.manage.keepLink')}</Paragraph>
      {booking.live && (
        <>
          <h2 class="utrecht-heading-2">{t('spreekuur.manage.changeHeading')}</h2>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/spreekuur/afspraak/verzetten?sleutel=${booking.token}`}>
              {t('spreekuur.manage.rebook')}
            </a>
          </p>
          <form method="post" action="/spreekuur/afspraak/annuleren" class="ww-form">
            <CsrfField />
            <input type="hidden" name="sleutel" value={booking.token} />
            <SubmitButton secondary>{t('spreekuur.manage.cancel')}</SubmitButton>
          </form>
        </>
      )}
    </Layout>
  );
}

export interface RebookPageProps {
  readonly token: string;
  readonly current: string;
  /** Choosing a day, or a time on `day`. */
  readonly step: { readonly kind: 'days'; readonly days: readonly DayLink[]; readonly page: number; readonly pages: number } | { readonly kind: 'slots'; readonly day: string; readonly dayLabel: string; readonly slots: readonly SlotOption[] };
  readonly error?: MessageKey | undefined;
}

export function RebookPage({ token, current, step, error }: RebookPageProps) {
  const { t } = usePage();
  const back = `/spreekuur/afspraak/verzetten?sleutel=${token}`;
  return (
    <Layout title={t('spreekuur.rebook.title')}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/spreekuur/afspraak?sleutel=${token}`}>
          {t('spreekuur.rebook.backToBooking')}
        </a>
      </p>
      <Heading1>{t('spreekuur.rebook.title')}</Heading1>
      <Paragraph>{t('spreekuur.rebook.current', { when: current })}</Paragraph>
      <ErrorSummary errors={error ? [{ field: 'slotId', key: error }] : []} />
      {step.kind === 'days' ? (
        <DayList days={step.days} hrefFor={(day) => `${back}&datum=${day}`} page={step.page} pages={step.pages} />
      ) : step.slots.length === 0 ? (
        <Paragraph>{t('spreekuur.book.noSlots')}</Paragraph>
      ) : (
        <form method="post" action="/spreekuur/afspraak/verzetten" class="ww-form">
          <CsrfField />
          <input type="hidden" name="sleutel" value={token} />
          <input type="hidden" name="datum" value={step.day} />
          <h2 class="utrecht-heading-2">{step.dayLabel}</h2>
          <SlotRadios slots={step.slots} checked="" error={error} />
          <SubmitButton>{t('spreekuur.rebook.submit')}</SubmitButton>
        </form>
      )}
    </Layout>
  );
}
