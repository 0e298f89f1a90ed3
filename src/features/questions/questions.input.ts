import { AUDIENCES, QUESTION_STATUSES, type Audience, type QuestionStatus } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { IDEMPOTENCY_KEY, normaliseCode } from './questions.crypto.ts';

/** Edge validation for the question form, the JSON API and the desk forms. Pure: the lists of valid values are passed in. */

export const TEXT_MIN = 5;
export const TEXT_MAX = 4000;
export const EMAIL_MAX = 254;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ASK_FIELDS = ['topic', 'text', 'role', 'gemeente', 'email', 'consent', 'idempotencyKey'] as const;
export type AskField = (typeof ASK_FIELDS)[number];
export type AskValues = Readonly<Record<AskField, string>>;
export type AskErrors = Partial<Record<AskField, MessageKey>>;

export interface NewQuestionInput {
  readonly topic: string;
  readonly text: string;
  readonly role: Audience;
  readonly gemeente: string | null;
  readonly email: string | null;
  readonly idempotencyKey: string;
}

export type AskInput =
  | { readonly kind: 'valid'; readonly value: NewQuestionInput }
  | { readonly kind: 'spam' }
  | { readonly kind: 'invalid'; readonly values: AskValues; readonly errors: AskErrors };

export interface AskChoices {
  readonly topics: readonly string[];
  readonly municipalities: ReadonlySet<string>;
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Line breaks as \n, control characters (NUL above all: PostgreSQL refuses it) and lone surrogates removed. */
export function cleanText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .trim()
  );
}

export function textError(text: string): MessageKey | undefined {
  if (text.length === 0) return 'questions.error.textMissing';
  if (text.length < TEXT_MIN) return 'questions.error.textShort';
  if (text.length > TEXT_MAX) return 'questions.error.textLong';
  return undefined;
}

function str(fields: Readonly<Record<string, unknown>>, name: string): string {
  const value = fields[name];
  return typeof value === 'string' ? value : '';
}

function validate(values: AskValues, choices: AskChoices, requireConsent: boolean): AskErrors {
  const errors: AskErrors = {};
  if (values.topic === '') errors.topic = 'questions.error.topicMissing';
  else if (!choices.topics.includes(values.topic)) errors.topic = 'questions.error.topicUnknown';
  const text = textError(values.text);
  if (text) errors.text = text;
  if (values.role === '') errors.role = 'questions.error.roleMissing';
  else if (!(AUDIENCES as readonly string[]).includes(values.role)) errors.role = 'questions.error.roleUnknown';
  if (values.gemeente !== '' && !choices.municipalities.has(values.gemeente)) errors.gemeente = 'questions.error.gemeente';
  if (values.email !== '' && (values.email.length > EMAIL_MAX || !EMAIL.test(values.email))) errors.email = 'questions.error.email';
  if (requireConsent && values.consent !== 'yes') errors.consent = 'questions.error.consent';
  if (!IDEMPOTENCY_KEY.test(values.idempotencyKey)) errors.idempotencyKey = 'questions.error.idempotencyKey';
  return errors;
}

function outcome(values: AskValues, errors: AskErrors): AskInput {
  if (Object.keys(errors).length > 0) return { kind: 'invalid', values, errors };
  return {
    kind: 'valid',
    value: {
      topic: values.topic,
      text: values.text,
      role: values.role as Audience,
      gemeente: values.gemeente === '' ? null : values.gemeente,
      email: values.email === '' ? null : values.email,
      idempotencyKey: values.idempotencyKey,
    },
  };
}

function normalise(fields: Readonly<Record<string, unknown>>): AskValues {
  return {
    topic: str(fields, 'topic').trim(),
    text: cleanText(str(fields, 'text')),
    role: str(fields, 'role').trim(),
    gemeente: str(fields, 'gemeente').trim().toUpperCase(),
    email: str(fields, 'email').trim(),
    consent: str(fields, 'consent'),
    idempotencyKey: str(fields, 'idempotencyKey').trim(),
  };
}

/** The HTML form: a filled honeypot (`website`) is treated as spam and silently dropped. */
export function parseAskForm(body: unknown, choices: AskChoices): AskInput {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (str(fields, 'website').trim() !== '') return { kind: 'spam' };
  const values = normalise(fields);
  return outcome(values, validate(values, choices, true));
}

const API_FIELDS: readonly string[] = ['topic', 'text', 'role', 'gemeente', 'email', 'idempotencyKey'];

export type ApiAskInput =
  | { readonly kind: 'valid'; readonly value: NewQuestionInput }
  | { readonly kind: 'invalid'; readonly errors: Readonly<Record<string, MessageKey>> };

/** The JSON API: wrong types and unknown fields are errors too, each named. */
export function parseAskApi(body: unknown, choices: AskChoices): ApiAskInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { kind: 'invalid', errors: { body: 'questions.error.body' } };
  const fields = body as Record<string, unknown>;
  const errors: Record<string, MessageKey> = {};
  for (const name of Object.keys(fields)) {
    if (!API_FIELDS.includes(name)) errors[name] = 'questions.error.unknownField';
    else if (typeof fields[name] !== 'string' && !(fields[name] === null && (name === 'gemeente' || name === 'email'))) errors[name] = 'questions.error.notString';
  }
  const values = normalise(fields);
  const found = validate(values, choices, false);
  const merged = { ...found, ...errors };
  if (Object.keys(merged).length > 0) return { kind: 'invalid', errors: merged };
  const result = outcome(values, {});
  return result.kind === 'valid' ? result : { kind: 'invalid', errors: {} };
}

/** Desk inbox filters from the query string; anything unknown is ignored, never an error. */
export interface InboxFilter {
  readonly status: QuestionStatus | 'open' | null;
  readonly topic: string | null;
  readonly gemeente: string | null;
  /** Only questions older than this many days. */
  readonly olderThanDays: number | null;
  readonly code: string | null;
  readonly mine: boolean;
  readonly page: number;
}

export const AGE_FILTERS = [2, 7, 30] as const;

export function parseInboxFilter(query: Readonly<Record<string, unknown>>, choices: AskChoices): InboxFilter {
  const q = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const status = q('status');
  const age = Number(q('ouder'));
  const page = q('pagina');
  return {
    status: status === 'open' || (QUESTION_STATUSES as readonly string[]).includes(status) ? (status as QuestionStatus | 'open') : null,
    topic: choices.topics.includes(q('thema')) ? q('thema') : null,
    gemeente: choices.municipalities.has(q('gemeente').toUpperCase()) ? q('gemeente').toUpperCase() : null,
    olderThanDays: (AGE_FILTERS as readonly number[]).includes(age) ? age : null,
    code: normaliseCode(q('code')),
    mine: q('mijn') === '1',
    page: /^\d{1,5}$/.test(page) ? Math.max(1, Number(page)) : 1,
  };
}

/** Offering ids picked for a reply: checkboxes (`services`) and a free field of ids (`serviceIds`). */
export function parseServiceIds(body: Readonly<Record<string, unknown>>): { ids: string[]; invalid: boolean } {
  const picked = body['services'];
  const list = [...(Array.isArray(picked) ? picked : [picked]), ...str(body, 'serviceIds').split(/[\s,]+/)]
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim().toLowerCase());
  const invalid = list.some((v) => !isUuid(v));
  return { ids: [...new Set(list.filter(isUuid))].slice(0, 10), invalid };
}
