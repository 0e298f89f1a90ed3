import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Principal } from '../features/auth/auth.policy.ts';
import type { Lang, Translate } from '../i18n/index.ts';

/** What every view may know about the request it renders for. */
export interface PageContext {
  readonly lang: Lang;
  readonly t: Translate;
  /** Path of the current page, without query string (for the language switch). */
  readonly path: string;
  /** The current query string without `lang`, starting with '?' or empty. */
  readonly query: string;
  /** Hashed URL of a static asset by its logical name (e.g. 'app.css'). */
  readonly asset: (name: string) => string;
  /** CSRF token for forms on this page; created lazily so pages without forms set no cookie. */
  readonly csrfToken: () => string;
  readonly demo: boolean;
  readonly siteName: string;
  readonly contactEmail: string;
  /** The signed-in person, or null (public pages look the same either way, apart from the header). */
  readonly principal: Principal | null;
}

export const Ctx = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('usePage() outside a rendered page');
  return ctx;
}
