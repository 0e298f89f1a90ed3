import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, fieldErrors, Pagination, SelectField, SubmitButton, TextField, type Option } from '../../../web/forms.tsx';
import { Heading1, Layout } from '../../../web/layout.tsx';
import type { HoursErrors, HoursValues } from '../spreekuur-admin.input.ts';
import { BeheerNav } from './beheer-nav.tsx';

/** /beheer/spreekuur: the recurring hours, and a form to add some. */
export interface HoursItem {
  readonly id: string;
  readonly days: string;
  readonly times: string;
  readonly how: string;
  readonly capacity: number;
  readonly valid: string;
  readonly ended: boolean;
}

export interface HoursPageProps {
  readonly items: readonly HoursItem[];
  readonly page: number;
  readonly pages: number;
  readonly weekdays: readonly Option[];
  readonly locations: readonly Option[];
  readonly values: HoursValues;
  readonly errors: HoursErrors;
  readonly today: string;
}

const IDS = {
  weekdays: 'weekdays',
  startTime: 'startTime',
  endTime: 'endTime',
  slotMinutes: 'slotMinutes',
  capacity: 'capacity',
  mode: 'mode',
  locationId: 'locationId',
  locationText: 'locationText',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
} as const;

function HoursTable({ items, today }: { items: readonly HoursItem[]; today: string }) {
  const { t } = usePage();
  if (items.length === 0) return <p class="utrecht-paragraph">{t('spreekuur.admin.hours.none')}</p>;
  return (
    <table class="utrecht-table ww-table">
      <caption class="ww-visually-hidden">{t('spreekuur.admin.hours.heading')}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">{t('spreekuur.admin.hours.days')}</th>
          <th class="utrecht-table__header-cell" scope="col">{t('spreekuur.admin.hours.times')}</th>
          <th class="utrecht-table__header-cell" scope="col">{t('spreekuur.admin.hours.how')}</th>
          <th class="utrecht-table__header-cell" scope="col">{t('spreekuur.admin.hours.capacity')}</th>
          <th class="utrecht-table__header-cell" scope="col">{t('spreekuur.admin.hours.valid')}</th>
          <th class="utrecht-table__header-cell" scope="col">{t('spreekuur.admin.actions')}</th>
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {items.map((item) => (
          <tr class="utrecht-table__row" key={item.id}>
            <td class="utrecht-table__cell">{item.days}</td>
            <td class="utrecht-table__cell">{item.times}</td>
            <td class="utrecht-table__cell">{item.how}</td>
            <td class="utrecht-table__cell">{item.capacity}</td>
            <td class="utrecht-table__cell">{item.valid}</td>
            <td class="utrecht-table__cell">
              {!item.ended && (
                <form method="post" action="/beheer/spreekuur/tijden/beeindigen" class="ww-inline-form">
                  <CsrfField />
                  <input type="hidden" name="id" value={item.id} />
                  <input type="hidden" name="lastDay" value={today} />
                  <SubmitButton secondary>{t('spreekuur.admin.hours.end')}</SubmitButton>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HoursPage({ items, page, pages, weekdays, locations, values, errors, today }: HoursPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('spreekuur.admin.title')}>
      <Heading1>{t('spreekuur.admin.title')}</Heading1>
      <BeheerNav current="/beheer/spreekuur" />
      <h2 class="utrecht-heading-2">{t('spreekuur.admin.hours.heading')}</h2>
      <HoursTable items={items} today={today} />
      <Pagination page={page} pages={pages} />
      <h2 class="utrecht-heading-2" id="nieuw">{t('spreekuur.admin.hours.add')}</h2>
      <ErrorSummary errors={fieldErrors(errors, IDS)} />
      <form method="post" action="/beheer/spreekuur/tijden" novalidate class="ww-form">
        <CsrfField />
        <ChoiceGroup id="weekdays" name="weekdays" legend={t('spreekuur.admin.hours.weekdays')} options={weekdays} checked={values.weekdays} error={errors.weekdays} />
        <TextField id="startTime" name="startTime" type="time" label={t('spreekuur.admin.hours.start')} value={values.startTime} error={errors.startTime} />
        <TextField id="endTime" name="endTime" type="time" label={t('spreekuur.admin.hours.endTime')} value={values.endTime} error={errors.endTime} />
        <TextField id="slotMinutes" name="slotMinutes" type="number" inputMode="numeric" min="5" max="240" label={t('spreekuur.admin.hours.slotMinutes')} value={values.slotMinutes} error={errors.slotMinutes} />
        <TextField id="capacity" name="capacity" type="number" inputMode="numeric" min="1" max="50" label={t('spreekuur.admin.hours.capacityLabel')} hint={t('spreekuur.admin.hours.capacityHint')} value={values.capacity} error={errors.capacity} />
        <ChoiceGroup
          id="mode"
          name="mode"
          single
          legend={t('spreekuur.admin.hours.mode')}
          options={[
            { value: 'phone', label: t('spreekuur.mode.phone') },
            { value: 'video', label: t('spreekuur.mode.video') },
            { value: 'location', label: t('spreekuur.mode.location') },
          ]}
          checked={[values.mode]}
          error={errors.mode}
        />
        <SelectField id="locationId" name="locationId" label={t('spreekuur.admin.hours.location')} options={locations} value={values.locationId} error={errors.locationId} placeholder={t('spreekuur.admin.hours.locationNone')} />
        <TextField id="locationText" name="locationText" label={t('spreekuur.admin.hours.locationText')} hint={t('spreekuur.admin.hours.locationTextHint')} value={values.locationText} error={errors.locationText} maxLength={200} />
        <TextField id="validFrom" name="validFrom" type="date" label={t('spreekuur.admin.hours.validFrom')} value={values.validFrom} error={errors.validFrom} />
        <TextField id="validUntil" name="validUntil" type="date" label={t('spreekuur.admin.hours.validUntil')} hint={t('spreekuur.admin.hours.validUntilHint')} value={values.validUntil} error={errors.validUntil} />
        <SubmitButton>{t('spreekuur.admin.hours.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
