import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { safeWebsite, telHref, type LocationView } from '../services.presenter.ts';

export function CsrfField() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken()} />;
}

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
    <nav class="utrecht-pagination ww-pagination ww-no-print" aria-label={t('services.pagination')}>
      {page > 1 && (
        <a class="utrecht-link" href={href(page - 1)} rel="prev">
          {t('services.pagination.previous')}
        </a>
      )}
      <span aria-current="page">{t('services.pagination.current', { page, pages })}</span>
      {page < pages && (
        <a class="utrecht-link" href={href(page + 1)} rel="next">
          {t('services.pagination.next')}
        </a>
      )}
    </nav>
  );
}

export interface FieldError {
  readonly field: string;
  readonly key: MessageKey;
}

/** GOV.UK pattern: a heading and links to every field that needs attention. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  const { t } = usePage();
  if (errors.length === 0) return null;
  return (
    <div class="ww-error-summary" role="alert" aria-labelledby="foutoverzicht-titel" tabIndex={-1} id="foutoverzicht">
      <h2 class="utrecht-heading-2" id="foutoverzicht-titel">
        {t('services.report.errorSummary')}
      </h2>
      <ul class="utrecht-unordered-list">
        {errors.map((e) => (
          <li key={e.field}>
            <a class="utrecht-link" href={`#${e.field}`}>
              {t(e.key)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
