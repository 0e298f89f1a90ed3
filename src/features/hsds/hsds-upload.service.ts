import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { DEFAULT_MAX_BYTES, importHsds, parseImportJson, type ImportReport } from './hsds-import.service.ts';

export interface Upload {
  readonly data: Buffer;
  /** The file was larger than the limit and was cut off while it came in. */
  readonly truncated: boolean;
}

export interface Uploader {
  readonly actor: AuditActor;
  readonly ip: string | null;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(0);

function refused(message: string, dryRun: boolean): ImportReport {
  return { ok: false, dryRun, problems: [{ path: '', message }], warnings: [], counts: {}, changed: 0, deleted: 0 };
}

/**
 * The admin upload: the same import as `npm run import:hsds` (validate everything, then all or
 * nothing). A real import commits its audit row in the import's own transaction; a dry run or a
 * refused file is audited on its own.
 */
export async function importUpload(db: Kysely<DB>, who: Uploader, upload: Upload, options: { dryRun: boolean; maxBytes?: number }): Promise<ImportReport> {
  const { dryRun } = options;
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const audit = (trx: Kysely<DB>, report: Pick<ImportReport, 'ok' | 'counts' | 'changed' | 'deleted' | 'problems'>) =>
    recordAudit(trx, {
      actor: who.actor,
      action: 'hsds.import',
      objectType: 'catalogue',
      result: report.ok ? 'ok' : 'failed',
      ip: who.ip,
      detail: { dryRun, bytes: upload.data.length, counts: report.counts, changed: report.changed, deleted: report.deleted, problems: report.problems.length },
    });
  let report: ImportReport;
  if (upload.truncated) report = refused(`the file is larger than the limit of ${mb(limit)} MB; split it, or use npm run import:hsds with --max-mb`, dryRun);
  else {
    const parsed = parseImportJson(upload.data.toString('utf8').replace(/^\uFEFF/, ''));
    report = parsed.kind === 'problems'
      ? { ...refused('', dryRun), problems: parsed.problems }
      : await importHsds(db, parsed.value, { dryRun, beforeCommit: (trx, summary) => audit(trx, { ok: true, problems: [], ...summary }) });
  }
  // A committed import wrote its audit row already; everything else is recorded here.
  if (!report.ok || report.dryRun) await audit(db, report);
  return report;
}
