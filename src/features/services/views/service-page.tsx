import type { ComponentChildren } from 'preact';
import { formatDate } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { DemoBadge } from '../../catalogue/views/service-card.tsx';
import type { ReportField, ReportValues } from '../services.input.ts';
import type { ServiceDetailView } from '../services.presenter.ts';
import { ErrorSummary, Notice } from '../../../web/forms.tsx';
import { ContactList, LocationList, SaveButton } from './parts.tsx';
import { REPORT_FIELD_IDS, ReportForm } from './report-form.tsx';

export interface ServicePageProps {
  readonly service: ServiceDetailView;
  readonly saved: boolean;
  readonly reported: boolean;
  readonly report: { readonly values: ReportValues; readonly errors: Partial<Record<ReportField, MessageKey>> };
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ages(service: ServiceDetailView, t: ReturnType<typeof usePage>['t']): string | null {
  const { min, max } = service.ages;
  if (min !== null && max !== null) return t('catalogue.ages', { min, max });
  if (min !== null) return t('services.agesFrom', { min });
  if (max !== null) return t('services.agesTo', { max });
  return null;
}

function Evidence({ service }: { service: ServiceDetailView }) {
  const { t, lang } = usePage();
  const { recognition } = service;
  const assessed = recognition.code !== 'none';
  return (
    <section aria-labelledby="onderbouwing">
      <h2 class="utrecht-heading-2" id="onderbouwing">
        {t('services.evidence')}
      </h2>
      {service.programme && <Paragraph>{t('services.programme', { programme: service.programme })}</Paragraph>}
      <p class="ww-recognition">
        <span class={`utrecht-badge-status ww-badge ${assessed ? 'utrecht-badge-status--valid' : 'utrecht-badge-status--neutral'}`}>
          {assessed && recognition.date
            ? t('catalogue.recognisedOn', { level: recognition.label, date: formatDate(recognition.date, lang) })
            : assessed
              ? t('catalogue.recognisedDateUnknown', { level: recognition.label })
              : recognition.label}
        </span>
      </p>
      <Paragraph>{t(`services.recognition.${recognition.code}` as MessageKey)}</Paragraph>
      {assessed && <p class="utrecht-paragraph ww-muted">{t('services.recognition.source')}</p>}
    </section>
  );
}

export function ServicePage({ service, saved, reported, report }: ServicePageProps) {
  const { t, lang } = usePage();
  const errors = (Object.keys(report.errors) as ReportField[]).flatMap((field) => {
    const key = report.errors[field];
    return key ? [{ field: REPORT_FIELD_IDS[field], key }] : [];
  });
  const ageText = ages(service, t);
  return (
    <Layout title={service.name} mainClass="ww-detail">
      <ErrorSummary errors={errors} />
      {reported && (
        <Notice text={t('services.report.thanks')} />
      )}
      <Heading1>{service.name}</Heading1>
      <p class="ww-card__meta">
        <span class={`ww-level ww-level--${service.level.code}`}>{t('services.level', { level: service.level.label })}</span>
        {service.demo && <DemoBadge />}
        {!service.active && (
          <span class="utrecht-badge-status utrecht-badge-status--warning ww-badge">
            {t('services.status', { status: t(`catalogue.status.${service.status}` as MessageKey) })}
          </span>
        )}
      </p>
      <Paragraph lead>{service.summary}</Paragraph>
      {saved ? <p class="utrecht-paragraph ww-saved">{t('services.saved')}</p> : null}
      <SaveButton id={service.id} saved={saved} />

      <h2 class="utrecht-heading-2">{t('services.whatHappens')}</h2>
      <p class="utrecht-paragraph ww-prose">{service.description}</p>

      <h2 class="utrecht-heading-2">{t('services.isItForYou')}</h2>
      <dl class="ww-facts ww-facts--wide">
        <Fact label={t('services.forWhom')}>{service.audiences.map((a) => a.label).join(', ')}</Fact>
        {ageText && <Fact label={t('services.ages')}>{ageText}</Fact>}
        {service.phases.length > 0 && <Fact label={t('services.phases')}>{service.phases.map((p) => p.label).join(', ')}</Fact>}
        {service.forms.length > 0 && <Fact label={t('services.forms')}>{service.forms.map((f) => f.label).join(', ')}</Fact>}
        {service.duration && <Fact label={t('services.duration')}>{service.duration}</Fact>}
        {service.languages.length > 0 && (
          <Fact label={t('services.languages')}>{service.languages.map((l) => l.label).join(', ')}</Fact>
        )}
        {service.themes.length > 0 && <Fact label={t('services.themes')}>{service.themes.map((x) => x.label).join(', ')}</Fact>}
      </dl>

      <h2 class="utrecht-heading-2">{t('services.signUp')}</h2>
      <dl class="ww-facts ww-facts--wide">
        {service.howToApply && <Fact label={t('services.howToApply')}>{service.howToApply}</Fact>}
        <Fact label={t('services.access')}>{service.access.label}</Fact>
        <Fact label={t('services.cost')}>
          {service.cost.label}
          {service.costNote && ` — ${service.costNote}`}
        </Fact>
        <Fact label={t('services.waiting')}>
          {service.waitingWeeks === null
            ? t('services.waitingUnknown')
            : service.waitingWeeks === 0
              ? t('services.waitingNone')
              : t('services.waitingWeeks', { weeks: service.waitingWeeks })}
        </Fact>
      </dl>

      <h2 class="utrecht-heading-2">{t('services.where')}</h2>
      <p class="utrecht-paragraph">
        <strong>{t('services.area')}:</strong> {service.national ? t('catalogue.national') : service.area.join(', ')}
      </p>
      {service.locations.length > 0 ? (
        <LocationList locations={service.locations} headingLevel={3} />
      ) : (
        <Paragraph>{t('services.noLocations')}</Paragraph>
      )}

      <h2 class="utrecht-heading-2">{t('services.contact')}</h2>
      <ContactList {...service.contact} />
      <p class="utrecht-paragraph">
        {t('services.organization')}:{' '}
        <a class="utrecht-link" href={service.organization.href}>
          {service.organization.name}
        </a>
      </p>

      <Evidence service={service} />

      <p class={`utrecht-paragraph ww-verified${service.freshness === 'fresh' ? ' ww-muted' : ' ww-stale'}`}>
        {t('catalogue.lastVerified', { date: formatDate(service.lastVerified, lang) })}.
        {service.freshness === 'stale' && ` ${t('catalogue.stale')}`}
        {service.freshness === 'very_stale' && ` ${t('catalogue.veryStale')}`}
      </p>

      <ReportForm serviceId={service.id} values={report.values} errors={report.errors} />
    </Layout>
  );
}
