import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';

const LINKS: readonly { href: string; label: MessageKey }[] = [
  { href: '/beheer/spreekuur', label: 'spreekuur.admin.nav.hours' },
  { href: '/beheer/spreekuur/uitzonderingen', label: 'spreekuur.admin.nav.exceptions' },
  { href: '/beheer/spreekuur/agenda', label: 'spreekuur.admin.nav.agenda' },
];

/** The three back-office pages of the consultation hours. */
export function BeheerNav({ current }: { current: string }) {
  const { t } = usePage();
  return (
    <nav class="ww-subnav" aria-label={t('spreekuur.admin.nav.label')}>
      <ul class="utrecht-unordered-list">
        {LINKS.map((l) => (
          <li key={l.href}>
            <a class="utrecht-link" href={l.href} aria-current={current === l.href ? 'page' : undefined}>
              {t(l.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
