import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../../test/app.ts';

/** Test helpers for the question desk. */

export const VALID = { topic: 'parenting_plan', text: 'Hoe maken we samen een ouderschapsplan?', role: 'parents' } as const;

export function newKey(): string {
  return randomUUID();
}

export async function askApi(t: TestApp, body: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/questions', payload: { ...VALID, idempotencyKey: newKey(), ...body } });
  return { res, json: res.json() as { id: string; followUpUrl: string; code: string; errors?: Record<string, string> } };
}

/** The path part of a follow-up URL (the test app's public URL is http://localhost:3000). */
export function followUpPath(url: string): string {
  return new URL(url).pathname;
}

export async function count(t: TestApp, table: 'question' | 'question_message' | 'outbox_email'): Promise<number> {
  const row = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
