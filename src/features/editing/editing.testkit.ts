import assert from 'node:assert/strict';
import type { CatalogueEntity } from '../../db/schema.ts';
import type { TestApp } from '../../../test/app.ts';
import { formSession } from '../services/services.fixtures.ts';
import { optionLists } from './editing.http.ts';
import { toFormValues } from './editing.input.ts';
import { loadRecord } from './editing.repository.ts';

/** Test helpers: a record's current form values, and posting a form the way a browser does. */
export type Fields = Record<string, string | readonly string[]>;

export async function formOf(t: TestApp, kind: CatalogueEntity, id: string): Promise<{ fields: Fields; version: number }> {
  const record = await loadRecord(t.database.db, kind, id, null);
  assert.ok(record, `no ${kind} ${id}`);
  const options = await optionLists(t.database.db, 'nl', null, record.organizationId);
  return { fields: { ...toFormValues(kind, record.snapshot, options) }, version: record.version };
}

export function encode(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) params.append(name, v);
    else params.append(name, value as string);
  }
  return params.toString();
}

/** GETs `formUrl` for a CSRF token with the user's cookie, then POSTs the fields to `url`. */
export async function submit(t: TestApp, formUrl: string, url: string, cookie: string, fields: Fields) {
  const s = await formSession(t, formUrl, cookie);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: encode({ ...fields, _csrf: s.token }),
  });
}

export async function countRows(t: TestApp, table: 'catalogue_version' | 'catalogue_proposal' | 'outbox_email' | 'audit_event' | 'service_report'): Promise<number> {
  const row = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
