import type { AuditResult } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { endOfDay, isoDate, one, oneOf, startOfDay } from '../beheer/beheer.query.ts';
import type { AuditFilter } from './audit.repository.ts';

export const AUDIT_RESULTS: readonly AuditResult[] = ['ok', 'denied', 'failed'];

/** The filter as typed, kept for the form and for links (pagination, CSV export). */
export interface AuditFilterForm {
  readonly actor: string;
  readonly action: string;
  readonly type: string;
  readonly object: string;
  readonly result: string;
  readonly from: string;
  readonly until: string;
}

export type AuditFilterField = 'from' | 'until';

export const AUDIT_FIELD_IDS: Readonly<Record<AuditFilterField, string>> = { from: 'audit-van', until: 'audit-tot' };

const QUERY_NAMES: Readonly<Record<keyof AuditFilterForm, string>> = {
  actor: 'actor', action: 'actie', type: 'type', object: 'object', result: 'resultaat', from: 'van', until: 'tot',
};

export interface ParsedAuditFilter {
  readonly form: AuditFilterForm;
  readonly filter: AuditFilter;
  readonly errors: Partial<Record<AuditFilterField, MessageKey>>;
}

export function readAuditFilter(query: unknown): ParsedAuditFilter {
  const form: AuditFilterForm = {
    actor: one(query, 'actor', 254).trim(),
    action: one(query, 'actie', 100).trim(),
    type: one(query, 'type', 60).trim(),
    object: one(query, 'object', 200).trim(),
    result: one(query, 'resultaat', 10),
    from: one(query, 'van', 10).trim(),
    until: one(query, 'tot', 10).trim(),
  };
  const errors: Partial<Record<AuditFilterField, MessageKey>> = {};
  const from = isoDate(form.from);
  const until = isoDate(form.until);
  if (form.from && !from) errors.from = 'audit.error.date';
  if (form.until && !until) errors.until = 'audit.error.date';
  if (from && until && until < from) errors.until = 'audit.error.range';
  const filter: AuditFilter = {
    actor: form.actor || undefined,
    action: form.action || undefined,
    objectType: form.type || undefined,
    objectId: form.object || undefined,
    result: oneOf(form.result, AUDIT_RESULTS),
    from: from && !errors.from ? startOfDay(from) : undefined,
    until: until && !errors.until ? endOfDay(until) : undefined,
  };
  return { form, filter, errors };
}

/** The filter as a query string (without page), for the CSV link and the pagination. */
export function auditQueryString(form: AuditFilterForm): string {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(QUERY_NAMES) as [keyof AuditFilterForm, string][]) {
    if (form[key]) params.set(name, form[key]);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** Which filters were used: names only, for the export's own audit row (no personal data). */
export function usedFilters(form: AuditFilterForm): string[] {
  return (Object.keys(QUERY_NAMES) as (keyof AuditFilterForm)[]).filter((k) => form[k] !== '');
}
