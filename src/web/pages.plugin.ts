import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import { DEFAULT_LANG, isLang, translator, type Lang, type Translate } from '../i18n/index.ts';
import type { Asset } from './assets.ts';
import type { PageContext } from './context.ts';
import { renderDocument, renderFragment, spliceDocument } from './render.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: Translate;
  }
  interface FastifyReply {
    /** Renders a page in the request's language and sends it. */
    page(view: JSX.Element, status?: number): FastifyReply;
    /** Renders part of a page in the request's language, without the document around it (HTML to cache). */
    fragment(view: JSX.Element): string;
    /** Like page(), with HTML rendered earlier (UTF-8) in the view's `PageSlot`. */
    pageAround(view: JSX.Element, inner: Buffer, status?: number): FastifyReply;
  }
}

export const LANG_COOKIE = 'lang';
const ONE_YEAR_S = 365 * 24 * 3600;

export interface PagesOptions {
  readonly assets: ReadonlyMap<string, Asset>;
  readonly demo: boolean;
  readonly siteName: string;
  readonly contactEmail: string;
  readonly secureCookies: boolean;
}

/** `?lang=` wins and is remembered in a cookie; then the cookie; then Dutch. */
export function resolveLang(queryLang: unknown, cookieLang: unknown): { lang: Lang; remember: boolean } {
  if (isLang(queryLang)) return { lang: queryLang, remember: queryLang !== cookieLang };
  if (isLang(cookieLang)) return { lang: cookieLang, remember: false };
  return { lang: DEFAULT_LANG, remember: false };
}

/** The query string without `lang` (and without `_csrf`), to build language-switch links. */
export function queryWithoutLang(url: string): string {
  const index = url.indexOf('?');
  if (index === -1) return '';
  const params = new URLSearchParams(url.slice(index + 1));
  params.delete('lang');
  params.delete('_csrf');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

export function pageContext(request: FastifyRequest, reply: FastifyReply, options: PagesOptions): PageContext {
  const url = request.url;
  const index = url.indexOf('?');
  // One token per page: each generateCsrf() call without a secret cookie would make a new secret.
  let token: string | undefined;
  return {
    lang: request.lang,
    t: request.t,
    path: index === -1 ? url : url.slice(0, index),
    query: queryWithoutLang(url),
    asset: (name) => {
      const asset = options.assets.get(name);
      if (!asset) throw new Error(`Unknown asset ${name}`);
      return `/assets/${asset.hashedName}`;
    },
    csrfToken: () => (token ??= reply.csrfToken()),
    demo: options.demo,
    siteName: options.siteName,
    contactEmail: options.contactEmail,
    principal: request.principal,
  };
}

export function registerPages(app: FastifyInstance, options: PagesOptions): void {
  app.decorateRequest('lang', DEFAULT_LANG);
  app.decorateRequest('t', translator(DEFAULT_LANG));
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const { lang, remember } = resolveLang(query?.['lang'], request.cookies[LANG_COOKIE]);
    request.lang = lang;
    request.t = translator(lang);
    if (remember) {
      reply.setCookie(LANG_COOKIE, lang, {
        path: '/',
        maxAge: ONE_YEAR_S,
        sameSite: 'lax',
        httpOnly: true,
        secure: options.secureCookies,
      });
    }
  });
  const send = (reply: FastifyReply, status: number, html: string | Buffer): FastifyReply =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-language', reply.request.lang)
      .send(html);
  app.decorateReply('page', function page(this: FastifyReply, view: JSX.Element, status = 200) {
    return send(this, status, renderDocument(pageContext(this.request, this, options), view));
  });
  app.decorateReply('fragment', function fragment(this: FastifyReply, view: JSX.Element) {
    return renderFragment(pageContext(this.request, this, options), view);
  });
  app.decorateReply('pageAround', function pageAround(this: FastifyReply, view: JSX.Element, inner: Buffer, status = 200) {
    return send(this, status, spliceDocument(renderDocument(pageContext(this.request, this, options), view), inner));
  });

  const byHashedName = new Map([...options.assets.values()].map((a) => [a.hashedName, a]));
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = byHashedName.get(request.params.file);
    if (!asset) return reply.callNotFound();
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });
}
