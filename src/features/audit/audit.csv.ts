import type { AuditRow } from './audit.repository.ts';

/**
 * CSV per RFC 4180 (CRLF line ends; a field with a comma, quote or line break is quoted, quotes
 * doubled), guarded against spreadsheet formula injection: a cell that a spreadsheet would take as
 * a formula (starting with = + - @, or a tab or carriage return that hides one) gets a leading
 * single quote, as OWASP advises. Log content is partly typed by outsiders (e-mail addresses tried
 * at sign-in), so this matters.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const AUDIT_CSV_HEADER = ['id', 'at', 'actor_email', 'action', 'object_type', 'object_id', 'result', 'ip', 'detail'] as const;

export function auditCsvLine(row: AuditRow): string {
  return csvLine([row.id, row.at.toISOString(), row.actorEmail, row.action, row.objectType, row.objectId, row.result, row.ip, JSON.stringify(row.detail)]);
}

/** Header first, then one line per row; lines are grouped into chunks so the stream isn't one write per row. */
export async function* auditCsv(rows: AsyncIterable<AuditRow>, chunkLines = 500): AsyncGenerator<string> {
  yield csvLine(AUDIT_CSV_HEADER);
  let chunk = '';
  let lines = 0;
  for await (const row of rows) {
    chunk += auditCsvLine(row);
    if (++lines % chunkLines === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
