import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { DayList, type DayLink } from './parts.tsx';

/** /spreekuur: what the consultation hour is, and the days with a free time. */
export function DaysPage({ days, page, pages }: { days: readonly DayLink[]; page: number; pages: number }) {
  const { t } = usePage();
  return (
    <Layout title={t('spreekuur.title')}>
      <Heading1>{t('spreekuur.title')}</Heading1>
      <Paragraph lead>{t('spreekuur.lead')}</Paragraph>
      <Paragraph>{t('spreekuur.how')}</Paragraph>
      <h2 class="utrecht-heading-2">{t('spreekuur.days.heading')}</h2>
      <DayList days={days} hrefFor={(day) => `/spreekuur/dag?datum=${day}`} page={page} pages={pages} />
    </Layout>
  );
}
