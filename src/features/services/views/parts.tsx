import { usePage } from '../../../web/context.ts';
import { CsrfField } from '../../../web/forms.tsx';
import { safeWebsite, telHref, type LocationView } from '../services.presenter.ts';

/** The current page, so a bewaarlijst form can bring the visitor back to it. */
export function ReturnField() {
  const { path, query } = usePage();
  return <input type="hidden" name="terug" value={`${path}${query}`} />;
}

/** Add to, or remove from, the bewaarlijst: a plain form, no JavaScript. */
export function SaveButton({ id, saved, name }: { id: string; saved: boolean; name?: string }) {
  const { t } = usePage();
  return (
    <form method="post" action={saved ? '/bewaarlijst/verwijder' : '/bewaarlijst'} class="ww-save-form ww-no-print">
      <CsrfField />
      <ReturnField />
      <input type="hidden" name="id" value={id} />
      <button type="submit" class={`utrecht-button ${saved ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}>
        {saved ? (name ? t('services.list.remove', { name }) : t('services.unsave')) : t('services.saveLong')}
      </button>
    </form>
  );
}

export function ContactList({ email, website, phone }: { email: string | null; website: string | null; phone: string | null }) {
  const { t } = usePage();
  const site = safeWebsite(website);
  if (!email && !website && !phone) return <p class="utrecht-paragraph">{t('services.noContact')}</p>;
  return (
    <dl class="ww-facts">
      {email && (
        <div>
          <dt>{t('services.email')}</dt>
          <dd>
            <a class="utrecht-link" href={`mailto:${email}`}>
              {email}
            </a>
          </dd>
        </div>
      )}
      {website && (
        <div>
          <dt>{t('services.website')}</dt>
          <dd>
            {site ? (
              <a class="utrecht-link ww-print-url" href={site}>
                {website}
              </a>
            ) : (
              website
            )}
          </dd>
        </div>
      )}
      {phone && (
        <div>
          <dt>{t('services.phone')}</dt>
          <dd>
            <a class="utrecht-link" href={telHref(phone)}>
              {phone}
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}

export function LocationList({ locations, headingLevel }: { locations: readonly LocationView[]; headingLevel: 3 | 4 }) {
  const { t } = usePage();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul class="ww-locations">
      {locations.map((l) => (
        <li key={l.id} class="ww-card ww-location">
          <Heading class={`utrecht-heading-${headingLevel}`}>{l.name}</Heading>
          <p class="utrecht-paragraph ww-address">
            {l.address}
            <br />
            {l.postcode} {l.city}
          </p>
          <dl class="ww-facts">
            {l.openingHours && (
              <div>
                <dt>{t('services.openingHours')}</dt>
                <dd>{l.openingHours}</dd>
              </div>
            )}
            {l.accessibility && (
              <div>
                <dt>{t('services.accessibility')}</dt>
                <dd>{l.accessibility}</dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
