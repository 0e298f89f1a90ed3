import type { Level } from '../../../db/schema.ts';
import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { ServiceSummaryView } from '../../catalogue/catalogue.presenter.ts';
import { ServiceCardList } from '../../catalogue/views/service-card.tsx';
import { Pagination } from '../../../web/forms.tsx';

export interface LevelGroup {
  readonly level: Level;
  readonly label: string;
  /** Over all pages. */
  readonly count: number;
  /** On this page. */
  readonly services: readonly ServiceSummaryView[];
}

export interface MunicipalityPageProps {
  readonly name: string;
  readonly code: string;
  readonly total: number;
  readonly groups: readonly LevelGroup[];
  readonly page: number;
  readonly pages: number;
}

/** Every active offering for one municipality, grouped by hulpniveau in ladder order. */
export function MunicipalityPage({ name, code, total, groups, page, pages }: MunicipalityPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('services.muni.title', { name })}>
      <Heading1>{t('services.muni.title', { name })}</Heading1>
      <Paragraph lead>{t('services.muni.lead', { name })}</Paragraph>
      <p class="utrecht-paragraph ww-muted" data-municipality={code}>
        {t('services.muni.total', { count: total })}
      </p>
      {groups.map((group) => (
        <section key={group.level} class="ww-level-group" data-level={group.level} aria-labelledby={`niveau-${group.level}`}>
          <h2 class="utrecht-heading-2" id={`niveau-${group.level}`}>
            {t('services.muni.levelCount', { level: group.label, count: group.count })}
          </h2>
          {group.count === 0 ? (
            <Paragraph>{t('services.muni.levelEmpty')}</Paragraph>
          ) : group.services.length === 0 ? (
            <p class="utrecht-paragraph ww-muted">{t('services.muni.levelOnOtherPage')}</p>
          ) : (
            <ServiceCardList services={group.services} />
          )}
        </section>
      ))}
      <Pagination page={page} pages={pages} />
    </Layout>
  );
}
