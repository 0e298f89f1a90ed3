import type { MessageKey } from '../../../i18n/index.ts';
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

const ENTRANCES: readonly { key: string; href: string }[] = [
  { key: 'parents', href: '/zoeken?doelgroep=parents' },
  { key: 'children', href: '/zoeken?doelgroep=children' },
  { key: 'youth', href: '/zoeken?doelgroep=youth' },
  { key: 'professionals', href: '/zoeken?doelgroep=professionals' },
  { key: 'municipalities', href: '/zoeken#gemeente' },
];

export function HomePage({ crisisLines, hulpwijzer }: { crisisLines: readonly CrisisLineView[]; hulpwijzer: boolean }) {
  const { t } = usePage();
  return (
    <Layout title={t('home.title')}>
      <Heading1>{t('home.title')}</Heading1>
      <Paragraph lead>{t('home.lead')}</Paragraph>
      <CrisisBlock lines={crisisLines} />
      <section class="ww-search-form" aria-labelledby="zoek-kop">
        <h2 class="utrecht-heading-2" id="zoek-kop">
          {t('home.searchHeading')}
        </h2>
        <form method="get" action="/zoeken" role="search">
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="home-q">
              {t('search.q')}
            </label>
            <input class="utrecht-textbox" id="home-q" name="q" type="search" maxLength={200} />
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="home-postcode">
              {t('search.postcode')}
            </label>
            <input class="utrecht-textbox ww-short" id="home-postcode" name="postcode" inputMode="numeric" autoComplete="postal-code" maxLength={7} />
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            {t('search.submit')}
          </button>
        </form>
      </section>
      {hulpwijzer && (
        <section class="ww-card ww-highlight" aria-labelledby="hulpwijzer-kop">
          <h2 class="utrecht-heading-2" id="hulpwijzer-kop">
            {t('home.hulpwijzer.title')}
          </h2>
          <p class="utrecht-paragraph">{t('home.hulpwijzer.text')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/hulpwijzer">
              {t('home.hulpwijzer.link')}
            </a>
          </p>
        </section>
      )}
      <h2 class="utrecht-heading-2">{t('home.entrances')}</h2>
      <ul class="ww-cards">
        {ENTRANCES.map((e) => (
          <li key={e.key} class="ww-card">
            <h3 class="utrecht-heading-3">
              <a class="utrecht-link" href={e.href}>
                {t(`home.${e.key}.title` as MessageKey)}
              </a>
            </h3>
            <p class="utrecht-paragraph">{t(`home.${e.key}.text` as MessageKey)}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
