import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../i18n/index.ts';
import { can } from '../features/auth/auth.policy.ts';
import { usePage } from './context.ts';

export interface NavItem {
  readonly href: string;
  readonly label: MessageKey;
}

/** Main navigation; features add their entry here so the menu is one list in one place. */
export const MAIN_NAV: NavItem[] = [
  { href: '/', label: 'layout.home' },
  { href: '/zoeken', label: 'search.nav' },
  { href: '/bewaarlijst', label: 'services.nav.bewaarlijst' },
  { href: '/hulpwijzer', label: 'hulpwijzer.nav' },
  { href: '/vraag', label: 'questions.nav' },
  { href: '/spreekuur', label: 'spreekuur.nav' },
];

function languageHref(path: string, query: string, lang: string): string {
  return `${path}${query ? `${query}&` : '?'}lang=${lang}`;
}

export interface LayoutProps {
  readonly title: string;
  readonly children: ComponentChildren;
  /** Extra class on <main>, e.g. for a print layout. */
  readonly mainClass?: string;
  readonly scripts?: readonly string[];
}

export function Layout({ title, children, mainClass, scripts = [] }: LayoutProps) {
  const { t, lang, path, query, asset, demo, siteName, principal } = usePage();
  const other = lang === 'nl' ? 'en' : 'nl';
  const pageTitle = title === siteName ? siteName : `${title} — ${siteName}`;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle}</title>
        <meta name="description" content={t('site.tagline')} />
        <link rel="stylesheet" href={asset('app.css')} />
        <link rel="icon" href={asset('favicon.svg')} type="image/svg+xml" />
        <link rel="alternate" hrefLang={other} href={languageHref(path, query, other)} />
        {scripts.map((s) => (
          <script key={s} src={asset(s)} defer />
        ))}
      </head>
      <body class="wegwijzer-theme utrecht-document">
        <a class="utrecht-skip-link" href="#inhoud">
          {t('layout.skipLink')}
        </a>
        <header class="ww-header">
          <div class="ww-container ww-header__bar">
            <a class="ww-brand" href="/">
              {siteName}
            </a>
            <div class="ww-header__tools">
              <a
                class="ww-lang-link utrecht-link"
                href={languageHref(path, query, other)}
                hrefLang={other}
                lang={other}
                aria-label={t('layout.languageSwitchLabel')}
              >
                {t('layout.languageSwitch')}
              </a>
              {principal && <AccountTools />}
              <a class="ww-crisis-link" href="/direct-hulp" aria-current={path === '/direct-hulp' ? 'page' : undefined}>
                {t('layout.crisisLink')}
              </a>
            </div>
          </div>
          <nav class="ww-nav" aria-label={t('layout.mainNav')}>
            <div class="ww-container">
              <ul>
                {MAIN_NAV.map((item) => (
                  <li key={item.href}>
                    <a class="utrecht-link" href={item.href} aria-current={path === item.href ? 'page' : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
          {demo && (
            <div class="ww-demo-notice">
              <p class="ww-container">{t('layout.demoNotice')}</p>
            </div>
          )}
        </header>
        <main id="inhoud" class={`ww-main ww-container${mainClass ? ` ${mainClass}` : ''}`} tabIndex={-1}>
          {children}
        </main>
        <footer class="ww-footer">
          <div class="ww-container">
            <nav aria-label={t('layout.footerNav')}>
              <ul>
                <li>
                  <a href="/privacy">{t('layout.privacy')}</a>
                </li>
                <li>
                  <a href="/toegankelijkheid">{t('layout.accessibility')}</a>
                </li>
                <li>
                  <a href="/contact">{t('layout.contact')}</a>
                </li>
                {!principal && (
                  <li>
                    <a href="/inloggen">{t('auth.nav.signIn')}</a>
                  </li>
                )}
              </ul>
            </nav>
            <p>{t('layout.attribution')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** For a signed-in person: back office, own account, sign out (a form: signing out changes state). */
function AccountTools() {
  const { t, csrfToken, principal } = usePage();
  if (!principal) return null;
  return (
    <nav class="ww-account-nav" aria-label={t('auth.nav.accountNav')}>
      {can(principal, 'beheer') && (
        <a class="utrecht-link" href="/beheer">
          {t('auth.nav.beheer')}
        </a>
      )}
      <a class="utrecht-link" href="/account">
        {t('auth.nav.account')}
      </a>
      <form method="post" action="/uitloggen" class="ww-inline-form">
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <button type="submit" class="utrecht-button utrecht-button--subtle ww-link-button">
          {t('auth.signOut')}
        </button>
      </form>
    </nav>
  );
}

export function Heading1({ children }: { children: ComponentChildren }) {
  return <h1 class="utrecht-heading-1">{children}</h1>;
}

export function Paragraph({ children, lead = false }: { children: ComponentChildren; lead?: boolean }) {
  return <p class={lead ? 'utrecht-paragraph utrecht-paragraph--lead ww-lead' : 'utrecht-paragraph'}>{children}</p>;
}
