import type { JSX } from 'preact';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Ctx, type PageContext } from './context.ts';

/** Renders a full HTML document; Preact escapes every text and attribute value. */
export function renderDocument(ctx: PageContext, page: JSX.Element): string {
  return `<!doctype html>${renderToString(h(Ctx.Provider, { value: ctx }, page))}`;
}
