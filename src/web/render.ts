import type { JSX } from 'preact';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Ctx, type PageContext } from './context.ts';

/** Renders part of a page in the page's context; Preact escapes every text and attribute value. */
export function renderFragment(ctx: PageContext, view: JSX.Element): string {
  return renderToString(h(Ctx.Provider, { value: ctx }, view));
}

/** Renders a full HTML document. */
export function renderDocument(ctx: PageContext, page: JSX.Element): string {
  return `<!doctype html>${renderFragment(ctx, page)}`;
}

/**
 * Where `reply.pageAround` puts HTML rendered earlier. A comment cannot come from escaped text,
 * so the first one in a document is the slot.
 */
export const PAGE_SLOT = '<!--ww:page-slot-->';

/** An element whose content is the pre-rendered HTML handed to `reply.pageAround`. */
export function PageSlot({ class: className }: { readonly class: string }): JSX.Element {
  return h('div', { class: className, dangerouslySetInnerHTML: { __html: PAGE_SLOT } });
}

/** The document with `inner` (UTF-8 HTML) in its slot, as bytes: cached HTML is never re-encoded. */
export function spliceDocument(document: string, inner: Buffer): Buffer {
  const at = document.indexOf(PAGE_SLOT);
  if (at === -1) throw new Error('The page has no PageSlot for its pre-rendered HTML');
  return Buffer.concat([Buffer.from(document.slice(0, at)), inner, Buffer.from(document.slice(at + PAGE_SLOT.length))]);
}
