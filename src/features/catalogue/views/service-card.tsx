import type { ComponentChildren } from 'preact';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import type { ServiceSummaryView } from '../catalogue.presenter.ts';

export function RecognitionText({ recognition }: { recognition: NonNullable<ServiceSummaryView['recognition']> }) {
  const { t, lang } = usePage();
  return (
    <>
      {recognition.date
        ? t('catalogue.recognisedOn', { level: recognition.label, date: formatDate(recognition.date, lang) })
        : t('catalogue.recognisedDateUnknown', { level: recognition.label })}
    </>
  );
}

export function DemoBadge() {
  const { t } = usePage();
  return <span class="utrecht-badge-status utrecht-badge-status--warning ww-badge">{t('catalogue.demo')}</span>;
}

/** One offering in a list: enough to decide whether to open it. */
export function ServiceCard({
  service,
  headingLevel = 3,
  why,
  actions,
}: {
  service: ServiceSummaryView;
  headingLevel?: 2 | 3;
  why?: string;
  /** Buttons below the card, e.g. "remove from bewaarlijst". */
  actions?: ComponentChildren;
}) {
  const { t, lang } = usePage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li
      class="ww-card ww-service-card"
      data-service={service.id}
      data-level={service.level}
      data-lat={service.point ? String(service.point.lat) : undefined}
      data-lon={service.point ? String(service.point.lon) : undefined}
    >
      <Heading class={`utrecht-heading-${headingLevel}`}>
        <a class="utrecht-link" href={service.href}>
          {service.name}
        </a>
      </Heading>
      <p class="ww-card__meta">
        <span class={`ww-level ww-level--${service.level}`}>{service.levelLabel}</span>
        {service.demo && <DemoBadge />}
        {!service.active && (
          <span class="utrecht-badge-status utrecht-badge-status--neutral ww-badge">{t(`catalogue.status.${service.status}` as MessageKey)}</span>
        )}
      </p>
      <p class="utrecht-paragraph">{service.summary}</p>
      {why && <p class="utrecht-paragraph ww-why">{why}</p>}
      <dl class="ww-facts">
        <div>
          <dt>{t('catalogue.organization')}</dt>
          <dd>{service.organizationName}</dd>
        </div>
        <div>
          <dt>{t('catalogue.forWhom')}</dt>
          <dd>
            {service.audiences.join(', ')}
            {service.ages && ` (${t('catalogue.ages', service.ages)})`}
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.where')}</dt>
          <dd>
            {service.national ? t('catalogue.national') : service.places.join(', ')}
            {service.distanceKm !== null && ` — ${t('catalogue.distance', { km: formatNumber(service.distanceKm, lang, 1) })}`}
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.cost')}</dt>
          <dd>{service.cost}</dd>
        </div>
        <div>
          <dt>{t('catalogue.access')}</dt>
          <dd>{service.access}</dd>
        </div>
      </dl>
      {service.recognition && (
        <p class="ww-recognition">
          <RecognitionText recognition={service.recognition} />
        </p>
      )}
      {service.freshness !== 'fresh' && (
        <p class="ww-muted ww-stale">
          {t('catalogue.lastVerified', { date: formatDate(service.lastVerified, lang) })}.{' '}
          {service.freshness === 'very_stale' ? t('catalogue.veryStale') : t('catalogue.stale')}
        </p>
      )}
      {actions}
    </li>
  );
}

export function ServiceCardList({
  services,
  actions,
  headingLevel = 3,
}: {
  services: readonly ServiceSummaryView[];
  actions?: (service: ServiceSummaryView) => ComponentChildren;
  headingLevel?: 2 | 3;
}) {
  return (
    <ol class="ww-results">
      {services.map((s) => (
        <ServiceCard key={s.id} service={s} headingLevel={headingLevel} actions={actions?.(s)} />
      ))}
    </ol>
  );
}
