import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, CsrfField, SubmitButton, TextArea } from '../../../web/forms.tsx';
import { Heading1, Layout } from '../../../web/layout.tsx';
import type { AgendaEntry } from './agenda-page.tsx';
import { BeheerNav } from './beheer-nav.tsx';

/** One booking for staff: details, attended / no-show, an internal note. */
export interface StaffBooking extends AgendaEntry {
  readonly statusCode: string;
  readonly topicNote: string;
  readonly staffNote: string;
  readonly editable: boolean;
  readonly saved: boolean;
}

export function StaffBookingPage({ booking }: { booking: StaffBooking }) {
  const { t } = usePage();
  return (
    <Layout title={t('spreekuur.admin.booking.title')}>
      <Heading1>{t('spreekuur.admin.booking.title')}</Heading1>
      <BeheerNav current="" />
      {booking.saved && (
        <div class="ww-notice" role="status">
          <p class="utrecht-paragraph">{t('spreekuur.admin.booking.saved')}</p>
        </div>
      )}
      <dl class="ww-facts">
        <div><dt>{t('spreekuur.manage.when')}</dt><dd>{booking.when}</dd></div>
        <div><dt>{t('spreekuur.manage.how')}</dt><dd>{booking.how}</dd></div>
        <div><dt>{t('spreekuur.manage.name')}</dt><dd>{booking.name}</dd></div>
        <div><dt>{t('spreekuur.manage.contact')}</dt><dd>{booking.contact}</dd></div>
        <div><dt>{t('spreekuur.manage.topic')}</dt><dd>{booking.topic}</dd></div>
        <div><dt>{t('spreekuur.form.topicNote')}</dt><dd>{booking.topicNote}</dd></div>
        <div><dt>{t('spreekuur.manage.status')}</dt><dd>{booking.status}</dd></div>
      </dl>
      {booking.editable && (
        <>
          <form method="post" action="/beheer/spreekuur/afspraak/status" class="ww-form">
            <CsrfField />
            <input type="hidden" name="id" value={booking.id} />
            <ChoiceGroup
              id="status"
              name="status"
              single
              legend={t('spreekuur.admin.booking.statusLegend')}
              options={[
                { value: 'booked', label: t('spreekuur.status.booked') },
                { value: 'attended', label: t('spreekuur.status.attended') },
                { value: 'no_show', label: t('spreekuur.status.no_show') },
              ]}
              checked={[booking.statusCode]}
            />
            <SubmitButton>{t('spreekuur.admin.booking.saveStatus')}</SubmitButton>
          </form>
          <form method="post" action="/beheer/spreekuur/afspraak/notitie" class="ww-form">
            <CsrfField />
            <input type="hidden" name="id" value={booking.id} />
            <TextArea id="note" name="note" label={t('spreekuur.admin.booking.note')} hint={t('spreekuur.admin.booking.noteHint')} value={booking.staffNote} maxLength={2000} rows={4} />
            <SubmitButton>{t('spreekuur.admin.booking.saveNote')}</SubmitButton>
          </form>
        </>
      )}
    </Layout>
  );
}
