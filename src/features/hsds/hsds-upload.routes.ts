import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import { truncateIp } from '../../platform/audit.ts';
import { can } from '../auth/auth.policy.ts';
import { pendingStepPath } from '../auth/auth.plugin.ts';
import { DEFAULT_MAX_BYTES } from './hsds-import.service.ts';
import { importUpload, type Upload } from './hsds-upload.service.ts';
import { UploadPage } from './views/upload-page.tsx';

const PERMISSION = 'hsds.import' as const;
const MAX_MB = DEFAULT_MAX_BYTES / 1024 / 1024;

/** The uploaded file of a request, kept beside it rather than in the untyped body. */
const uploads = new WeakMap<FastifyRequest, Upload>();

async function keepUpload(this: FastifyRequest, part: MultipartFile): Promise<void> {
  if (part.fieldname !== 'bestand') {
    part.file.resume();
    return;
  }
  // With throwFileSizeLimit off, a file over the limit arrives cut off and marked, so the page can say so.
  const data = await part.toBuffer();
  uploads.set(this, { data, truncated: part.file.truncated });
}

/**
 * The route guard runs as a preHandler, after the body is read; a 50 MB body should not be read
 * for someone who may not upload at all. So the same check runs first, before the body.
 */
async function guardBeforeBody(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (can(request.principal, PERMISSION)) return;
  const session = request.session;
  if (!session) {
    await reply.redirect(`/inloggen?terug=${encodeURIComponent('/beheer/hsds-import')}`, 303);
    return;
  }
  const pending = pendingStepPath(session.stage);
  if (pending) {
    await reply.redirect(pending, 303);
    return;
  }
  await request.audit({ action: 'access.denied', objectType: 'route', objectId: 'POST /beheer/hsds-import', result: 'denied', detail: { permission: PERMISSION } });
  throw new AppError('forbidden', 'Your account may not use this page.');
}

/**
 * /beheer/hsds-import: upload an HSDS 3.0 file, check it (dry run) or import it, all or nothing.
 * The multipart parser lives only in this scope; its fields land in the body before the
 * preHandlers run, so the automatic CSRF check reads `_csrf` from the form as everywhere else.
 */
export function registerHsdsUploadRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;

  app.get('/beheer/hsds-import', { config: { permission: PERMISSION } }, async (_request, reply) => reply.page(h(UploadPage, { maxMb: MAX_MB, dryRun: true })));

  void app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: DEFAULT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1000, parts: 6 },
      onFile: keepUpload,
    });
    scope.post('/beheer/hsds-import', { config: { permission: PERMISSION }, onRequest: guardBeforeBody }, async (request, reply) => {
      const principal = request.principal;
      if (!principal) throw new AppError('unauthorized', 'Sign in first.');
      const body = request.body as Record<string, unknown> | undefined;
      const dryRun = body?.['modus'] !== 'importeren';
      const upload = uploads.get(request);
      if (!upload || upload.data.length === 0) return reply.page(h(UploadPage, { maxMb: MAX_MB, dryRun, error: 'hsdsUpload.error.fileMissing' }), 400);
      const report = await importUpload(db, { actor: { id: principal.id, email: principal.email }, ip: truncateIp(request.ip) }, upload, { dryRun });
      return reply.page(h(UploadPage, { maxMb: MAX_MB, dryRun, report }), report.ok ? 200 : 422);
    });
  });
}
