import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { CrisisLineView } from '../../crisis/crisis.presenter.ts';

export function CrisisBlock({ lines }: { lines: readonly CrisisLineView[] }) {
  const { t } = usePage();
  return (
    <section class="ww-crisis-block" aria-labelledby="direct-hulp">
      <h2 class="utrecht-heading-2" id="direct-hulp">
        {t('home.crisisHeading')}
      </h2>
      <ul class="utrecht-unordered-list">
        {lines.map((line) => (
          <li key={line.id}>
            <strong>{line.name}</strong>:{' '}
            <a class="utrecht-link" href={line.telHref}>
              {t('crisis.phone', { phone: line.phone })}
            </a>
            {' — '}
            {line.purpose}
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/direct-hulp">
          {t('home.crisisMore')}
        </a>
      </p>
    </section>
  );
}

export function HomePage({ crisisLines }: { crisisLines: readonly CrisisLineView[] }) {
  const { t } = usePage();
  return (
    <Layout title={t('home.title')}>
      <Heading1>{t('home.title')}</Heading1>
      <Paragraph lead>{t('home.lead')}</Paragraph>
      <CrisisBlock lines={crisisLines} />
    </Layout>
  );
}
