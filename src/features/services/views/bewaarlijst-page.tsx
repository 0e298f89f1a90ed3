import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { ServiceSummaryView } from '../../catalogue/catalogue.presenter.ts';
import { ServiceCardList } from '../../catalogue/views/service-card.tsx';
import { CsrfField } from '../../../web/forms.tsx';
import { SaveButton } from './parts.tsx';

export interface BewaarlijstPageProps {
  readonly services: readonly ServiceSummaryView[];
  /** A list opened from a share link: read-only, with a button to take it over. */
  readonly shared: boolean;
  readonly shareUrl: string;
}

export function BewaarlijstPage({ services, shared, shareUrl }: BewaarlijstPageProps) {
  const { t } = usePage();
  const title = shared ? t('services.list.sharedTitle') : t('services.list.title');
  return (
    <Layout title={title} mainClass="ww-bewaarlijst">
      <Heading1>{title}</Heading1>
      <Paragraph lead>{shared ? t('services.list.sharedLead') : t('services.list.lead')}</Paragraph>
      {services.length === 0 ? (
        <Paragraph>{shared ? t('services.list.sharedEmpty') : t('services.list.empty')}</Paragraph>
      ) : shared ? (
        <>
          <ServiceCardList services={services} headingLevel={2} />
          <form method="post" action="/bewaarlijst" class="ww-no-print ww-save-form">
            <CsrfField />
            <input type="hidden" name="ids" value={services.map((s) => s.id).join(',')} />
            <p class="utrecht-paragraph" id="vervang-uitleg">
              {t('services.list.saveSharedHint')}
            </p>
            <button type="submit" class="utrecht-button utrecht-button--primary-action" aria-describedby="vervang-uitleg">
              {t('services.list.saveShared')}
            </button>
          </form>
        </>
      ) : (
        <>
          <ServiceCardList services={services} headingLevel={2} actions={(s) => <SaveButton id={s.id} saved name={s.name} />} />
          <section class="ww-share ww-no-print" aria-labelledby="deel-lijst">
            <h2 class="utrecht-heading-2" id="deel-lijst">
              {t('services.list.share')}
            </h2>
            <p class="utrecht-paragraph">{t('services.list.shareText')}</p>
            <p class="utrecht-paragraph ww-share__link">
              <a class="utrecht-link" href={shareUrl}>
                {shareUrl}
              </a>
            </p>
            <p class="utrecht-paragraph ww-muted">{t('services.list.print')}</p>
          </section>
        </>
      )}
    </Layout>
  );
}
