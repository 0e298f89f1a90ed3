import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { ServiceSummaryView } from '../../catalogue/catalogue.presenter.ts';
import { DemoBadge, ServiceCardList } from '../../catalogue/views/service-card.tsx';
import type { LocationView, OrganizationView } from '../services.presenter.ts';
import { Notice, Pagination } from '../../../web/forms.tsx';
import { ContactList, LocationList } from './parts.tsx';

export interface OrganizationPageProps {
  readonly organization: OrganizationView;
  readonly locations: readonly LocationView[];
  readonly services: readonly ServiceSummaryView[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

export function OrganizationPage(props: OrganizationPageProps) {
  const { t } = usePage();
  const { organization } = props;
  return (
    <Layout title={organization.name}>
      <Heading1>{organization.name}</Heading1>
      {organization.demo && (
        <p class="ww-card__meta">
          <DemoBadge />
        </p>
      )}
      {organization.description && <Paragraph lead>{organization.description}</Paragraph>}
      {organization.active ? (
        <ActiveOrganization {...props} />
      ) : (
        <>
          <Notice kind="warning" text={t('services.org.inactive')} />
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/zoeken">
              {t('search.title')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}

function ActiveOrganization({ organization, locations, services, total, page, pages }: OrganizationPageProps) {
  const { t } = usePage();
  return (
    <>
      <h2 class="utrecht-heading-2">{t('services.contact')}</h2>
      <ContactList email={organization.email} website={organization.website} phone={organization.phone} />

      {locations.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t('services.org.locations')}</h2>
          <LocationList locations={locations} headingLevel={3} />
        </>
      )}

      <h2 class="utrecht-heading-2">{t('services.org.services', { count: total })}</h2>
      {services.length > 0 ? <ServiceCardList services={services} /> : <Paragraph>{t('services.org.noServices')}</Paragraph>}
      <Pagination page={page} pages={pages} />
    </>
  );
}
