import type { MessageKey } from '../../i18n/index.ts';
import { addDays, daysBetween, isDay } from './zoned.ts';

/** Edge validation of the booking form and API: one parser, so both give the same answer per field. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const KEY = /^[A-Za-z0-9_-]{8,100}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const NAME_MAX = 100;
export const NOTE_MAX = 500;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export type BookingField = 'slotId' | 'name' | 'email' | 'phone' | 'topic' | 'topicNote' | 'consent' | 'idempotencyKey';

export interface BookingValues {
  readonly slotId: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly topic: string;
  readonly topicNote: string;
  readonly consent: boolean;
  readonly idempotencyKey: string;
}

export interface BookingInput {
  readonly slotId: string;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly topic: string;
  readonly topicNote: string | null;
  readonly idempotencyKey: string;
}

export type BookingErrors = Partial<Record<BookingField, MessageKey>>;

export type BookingParse =
  | { readonly kind: 'valid'; readonly input: BookingInput; readonly values: BookingValues }
  | { readonly kind: 'spam' }
  | { readonly kind: 'invalid'; readonly values: BookingValues; readonly errors: BookingErrors };

function str(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  return typeof value === 'string' ? value : '';
}

function nameError(name: string): MessageKey | undefined {
  if (name === '') return 'spreekuur.error.nameMissing';
  if (name.length > NAME_MAX || CONTROL.test(name) || name.includes('\n')) return 'spreekuur.error.name';
  return undefined;
}

function contactErrors(email: string, phone: string): BookingErrors {
  const errors: BookingErrors = {};
  if (email === '' && phone === '') errors.email = 'spreekuur.error.contactMissing';
  if (email !== '' && (email.length > 254 || !EMAIL.test(email))) errors.email = 'spreekuur.error.email';
  if (phone !== '' && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 6)) errors.phone = 'spreekuur.error.phone';
  return errors;
}

export interface ParseOptions {
  /** Theme codes from the taxonomy. */
  readonly topics: readonly string[];
  /** The web form asks for consent; API clients show the privacy statement themselves. */
  readonly requireConsent: boolean;
}

/** Values as typed (trimmed), errors per field. A filled honeypot (`website`) is spam. */
export function parseBooking(body: unknown, options: ParseOptions): BookingParse {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (str(fields, 'website').trim() !== '') return { kind: 'spam' };
  const values: BookingValues = {
    slotId: str(fields, 'slotId').trim(),
    name: str(fields, 'name').trim(),
    email: str(fields, 'email').trim(),
    phone: str(fields, 'phone').trim(),
    topic: str(fields, 'topic').trim(),
    topicNote: str(fields, 'topicNote').replace(/\r\n/g, '\n').trim(),
    consent: fields['consent'] === 'ja' || fields['consent'] === true,
    idempotencyKey: str(fields, 'idempotencyKey').trim(),
  };
  const errors: BookingErrors = { ...contactErrors(values.email, values.phone) };
  if (!isUuid(values.slotId)) errors.slotId = 'spreekuur.error.slot';
  const name = nameError(values.name);
  if (name) errors.name = name;
  if (!options.topics.includes(values.topic)) errors.topic = 'spreekuur.error.topic';
  if (values.topicNote.length > NOTE_MAX || CONTROL.test(values.topicNote)) errors.topicNote = 'spreekuur.error.topicNote';
  if (options.requireConsent && !values.consent) errors.consent = 'spreekuur.error.consent';
  if (!KEY.test(values.idempotencyKey)) errors.idempotencyKey = 'spreekuur.error.idempotencyKey';
  if (Object.keys(errors).length > 0) return { kind: 'invalid', values, errors };
  return {
    kind: 'valid',
    values,
    input: {
      slotId: values.slotId.toLowerCase(),
      name: values.name,
      email: values.email === '' ? null : values.email.toLowerCase(),
      phone: values.phone === '' ? null : values.phone,
      topic: values.topic,
      topicNote: values.topicNote === '' ? null : values.topicNote,
      idempotencyKey: values.idempotencyKey,
    },
  };
}

const API_FIELDS = new Set(['slotId', 'name', 'email', 'phone', 'topic', 'topicNote', 'idempotencyKey', 'lang']);

/** The API takes JSON: wrong types and unknown fields are errors too (the form only sends strings). */
export function apiShapeErrors(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { body: 'expected a JSON object' };
  const errors: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!API_FIELDS.has(key)) errors[key] = 'unknown field';
    else if (typeof value !== 'string' && !(value === null && ['email', 'phone', 'topicNote'].includes(key))) errors[key] = 'must be a string';
  }
  return errors;
}

/** `?from=&to=` of the slots API: days, to ≥ from, at most `maxDays` apart. */
export type RangeParse =
  | { readonly kind: 'valid'; readonly from: string; readonly to: string }
  | { readonly kind: 'invalid'; readonly errors: Record<string, string> };

export function parseRange(query: unknown, today: string, maxDays: number): RangeParse {
  const fields = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  for (const key of Object.keys(fields)) if (!['from', 'to', 'lang'].includes(key)) errors[key] = 'unknown parameter';
  const from = fields['from'] ?? today;
  if (!isDay(from)) errors['from'] = 'must be a day as YYYY-MM-DD';
  const to = fields['to'] ?? (isDay(from) ? addDays(from, 13) : today);
  if (!isDay(to)) errors['to'] = 'must be a day as YYYY-MM-DD';
  if (isDay(from) && isDay(to)) {
    const span = daysBetween(from, to);
    if (span < 0) errors['to'] = 'must not be before from';
    else if (span > maxDays) errors['to'] = `at most ${maxDays} days after from`;
  }
  if (Object.keys(errors).length > 0 || !isDay(from) || !isDay(to)) return { kind: 'invalid', errors };
  return { kind: 'valid', from, to };
}
