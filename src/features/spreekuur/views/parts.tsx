import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, Pagination } from '../../../web/forms.tsx';

/** Pieces shared by the booking and rebooking pages. */
export interface DayLink {
  readonly day: string;
  readonly label: string;
  readonly free: number;
}

export interface SlotOption {
  readonly id: string;
  readonly label: string;
}

export function DayList({ days, hrefFor, page, pages }: { days: readonly DayLink[]; hrefFor: (day: string) => string; page: number; pages: number }) {
  const { t } = usePage();
  if (days.length === 0) return <p class="utrecht-paragraph">{t('spreekuur.days.none')}</p>;
  return (
    <>
      <ul class="utrecht-unordered-list ww-spreekuur-days">
        {days.map((d) => (
          <li key={d.day}>
            <a class="utrecht-link" href={hrefFor(d.day)}>
              {d.label}
            </a>{' '}
            <span class="ww-muted">{t('spreekuur.days.free', { count: d.free })}</span>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </>
  );
}

export function SlotRadios({ slots, checked, error }: { slots: readonly SlotOption[]; checked: string; error?: MessageKey | undefined }) {
  const { t } = usePage();
  return (
    <ChoiceGroup
      id="slotId"
      name="slotId"
      legend={t('spreekuur.form.slot')}
      error={error}
      single
      options={slots.map((s) => ({ value: s.id, label: s.label }))}
      checked={[checked]}
    />
  );
}

export function Honeypot() {
  const { t } = usePage();
  return (
    <div class="ww-visually-hidden" aria-hidden="true">
      <label for="spreekuur-website">{t('spreekuur.form.honeypot')}</label>
      <input type="text" id="spreekuur-website" name="website" tabIndex={-1} autoComplete="off" value="" />
    </div>
  );
}
