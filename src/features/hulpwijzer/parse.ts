import {
  AGE_MAX, AGE_MIN, CHILD_SIGNALS, COMMUNICATIONS, HW_PHASES, MAX_CHILDREN, ROLES, SAFETY, WISHES,
  type Answers, type Draft,
} from './answers.ts';

/** Field name → what was wrong, in plain English (also used as the API's `errors`). */
export type FieldErrors = Record<string, string>;

export type Parsed<T> = { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'invalid'; readonly errors: FieldErrors };

export const FIELDS = ['role', 'gemeente', 'postcode', 'phase', 'childAges', 'communication', 'childSignals', 'safety', 'wishes'] as const;
export type Field = (typeof FIELDS)[number];

const POSTCODE = /^([1-9][0-9]{3}) ?([A-Za-z]{2})?$/;
const GEMEENTE_TEXT = /^[\p{L}0-9' .()-]{1,80}$/u;

function oneOf<T extends string>(allowed: readonly T[], value: unknown, field: string, errors: FieldErrors): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  errors[field] = `must be one of: ${allowed.join(', ')}`;
  return undefined;
}

function manyOf<T extends string>(allowed: readonly T[], value: unknown, field: string, errors: FieldErrors): T[] {
  if (value === undefined || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  const bad = list.filter((v) => typeof v !== 'string' || !(allowed as readonly string[]).includes(v));
  if (bad.length > 0) {
    errors[field] = `unknown value(s) ${bad.map((b) => JSON.stringify(b)).join(', ')}; allowed: ${allowed.join(', ')}`;
    return [];
  }
  // Ordered as the question lists them, without doubles.
  return allowed.filter((a) => list.includes(a));
}

function ages(value: unknown, errors: FieldErrors): number[] {
  if (value === undefined || value === '') return [];
  // Pages send "4, 9" typed in one box (or repeated); the API sends a JSON array of numbers.
  const raw: unknown[] = (Array.isArray(value) ? value : [value]).flatMap((v) =>
    typeof v === 'string' ? v.split(/[\s,;]+|\ben\b|\band\b/).filter((s) => s !== '') : [v],
  );
  const out: number[] = [];
  for (const item of raw) {
    const n = typeof item === 'number' ? item : typeof item === 'string' && /^\d{1,2}$/.test(item) ? Number(item) : NaN;
    if (!Number.isInteger(n) || n < AGE_MIN || n > AGE_MAX) {
      errors['childAges'] = `each age must be a whole number of years from ${AGE_MIN} to ${AGE_MAX}`;
      return [];
    }
    out.push(n);
  }
  if (out.length > MAX_CHILDREN) {
    errors['childAges'] = `at most ${MAX_CHILDREN} ages`;
    return [];
  }
  return out;
}

function text(value: unknown, field: string, pattern: RegExp, errors: FieldErrors): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    errors[field] = 'must be text';
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!pattern.test(trimmed)) {
    errors[field] = field === 'postcode' ? 'must be 4 digits, or 4 digits and 2 letters' : 'is not a municipality name or CBS code';
    return undefined;
  }
  return trimmed;
}

/** Checks every answer; the role may be missing (the first question is still open). */
export function parseDraft(input: Readonly<Record<string, unknown>>): Parsed<Draft> {
  const errors: FieldErrors = {};
  const role = oneOf(ROLES, input['role'], 'role', errors);
  const gemeente = text(input['gemeente'], 'gemeente', GEMEENTE_TEXT, errors);
  const postcodeText = text(input['postcode'], 'postcode', POSTCODE, errors);
  const match = postcodeText ? POSTCODE.exec(postcodeText) : null;
  const postcode = match ? `${match[1]}${(match[2] ?? '').toUpperCase()}` : undefined;
  const phase = oneOf(HW_PHASES, input['phase'], 'phase', errors);
  const communication = oneOf(COMMUNICATIONS, input['communication'], 'communication', errors);
  const draft: Draft = {
    ...(role ? { role } : {}),
    ...(gemeente ? { gemeente } : {}),
    ...(postcode ? { postcode } : {}),
    ...(phase ? { phase } : {}),
    childAges: ages(input['childAges'], errors),
    ...(communication ? { communication } : {}),
    childSignals: manyOf(CHILD_SIGNALS, input['childSignals'], 'childSignals', errors),
    safety: manyOf(SAFETY, input['safety'], 'safety', errors),
    wishes: manyOf(WISHES, input['wishes'], 'wishes', errors),
  };
  return Object.keys(errors).length > 0 ? { kind: 'invalid', errors } : { kind: 'ok', value: draft };
}

export function completeAnswers(draft: Draft): Parsed<Answers> {
  const { role } = draft;
  if (!role) return { kind: 'invalid', errors: { role: `is required; one of: ${ROLES.join(', ')}` } };
  return { kind: 'ok', value: { ...draft, role } };
}

/** The JSON body of POST /api/v1/hulpwijzer: the same checks, plus JSON types and no unknown fields. */
export function parseApiBody(body: unknown): Parsed<Answers> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { kind: 'invalid', errors: { body: 'must be a JSON object' } };
  }
  const input = body as Record<string, unknown>;
  const errors: FieldErrors = {};
  for (const key of Object.keys(input)) {
    if (!(FIELDS as readonly string[]).includes(key)) errors[key] = 'unknown field';
  }
  for (const key of ['childAges', 'childSignals', 'safety', 'wishes'] as const) {
    if (input[key] !== undefined && !Array.isArray(input[key])) errors[key] = 'must be an array';
  }
  if (Array.isArray(input['childAges']) && input['childAges'].some((a) => typeof a !== 'number')) {
    errors['childAges'] = `each age must be a whole number of years from ${AGE_MIN} to ${AGE_MAX}`;
  }
  const draft = parseDraft(input);
  if (draft.kind === 'invalid') Object.assign(errors, draft.errors, errors);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  if (draft.kind === 'invalid') return draft;
  return completeAnswers(draft.value);
}
