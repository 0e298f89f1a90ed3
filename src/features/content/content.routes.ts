import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { ContentPageId } from '../../i18n/content/nl.ts';
import { content } from '../../i18n/index.ts';
import { ContentPage } from './views/content-page.tsx';

/** Dutch paths for the static content pages; English is the same path with ?lang=en. */
export const CONTENT_PATHS: Record<string, ContentPageId> = {
  '/privacy': 'privacy',
  '/toegankelijkheid': 'accessibility',
  '/contact': 'contact',
};

export function registerContentRoutes(app: FastifyInstance): void {
  for (const [path, id] of Object.entries(CONTENT_PATHS)) {
    app.get(path, async (request, reply) => reply.page(h(ContentPage, { page: content(request.lang).pages[id], retentionMonths: app.deps.config.retentionMonths })));
  }
}
