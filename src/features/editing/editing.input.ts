import type { CatalogueEntity } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Option } from '../../web/forms.tsx';
import { FIELDS, type FieldSpec, type OptionSource, type Snapshot, type Value } from './editing.fields.ts';

/** Edge validation of the record forms: body → typed snapshot, or the typed values with one message per field. */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;
export type FieldErrors = Readonly<Record<string, MessageKey>>;
export type OptionLists = Readonly<Record<OptionSource, readonly Option[]>>;

export type ParseResult =
  | { readonly kind: 'valid'; readonly snapshot: Snapshot; readonly values: FormValues }
  | { readonly kind: 'invalid'; readonly values: FormValues; readonly errors: FieldErrors };

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const PHONE = /^\+?[0-9][0-9 ()-]{4,28}$/;
const POSTCODE = /^([1-9][0-9]{3}) ?([A-Za-z]{2})$/;
const LANGUAGE = /^[a-z]{2,3}$/;
const INTEGER = /^-?\d{1,6}$/;
const DECIMAL = /^-?\d{1,3}([.,]\d{1,8})?$/;

function raw(body: Readonly<Record<string, unknown>>, name: string): string | string[] {
  const value = body[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
}

function list(value: string | string[]): string[] {
  return Array.isArray(value) ? value : value === '' ? [] : [value];
}

/** Comma, semicolon or line separated words, e.g. "nl, en" or "Delft; Den Haag". */
export function splitList(value: string): string[] {
  return value.split(/[,;\n]/).map((v) => v.trim()).filter(Boolean);
}

type Parsed = { readonly value: Value } | { readonly error: MessageKey };

function parseText(spec: FieldSpec, value: string): Parsed {
  if (value === '') return spec.required ? { error: 'editing.error.required' } : { value: spec.nullable ? null : '' };
  if (value.length > (spec.max ?? 200)) return { error: 'editing.error.tooLong' };
  switch (spec.kind) {
    case 'email':
      return EMAIL.test(value) ? { value: value.toLowerCase() } : { error: 'editing.error.email' };
    case 'url':
      return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) ? { value } : { error: 'editing.error.url' };
    case 'phone':
      return PHONE.test(value) ? { value } : { error: 'editing.error.phone' };
    case 'postcode': {
      const m = POSTCODE.exec(value);
      return m ? { value: `${m[1]} ${m[2]?.toUpperCase()}` } : { error: 'editing.error.postcode' };
    }
    default:
      return { value };
  }
}

function parseNumber(spec: FieldSpec, value: string): Parsed {
  if (value === '') return spec.required ? { error: 'editing.error.required' } : { value: null };
  const ok = spec.kind === 'integer' ? INTEGER.test(value) : DECIMAL.test(value);
  if (!ok) return { error: spec.kind === 'integer' ? 'editing.error.integer' : 'editing.error.decimal' };
  const n = Number(value.replace(',', '.'));
  if (n < (spec.min ?? 0) || n > (spec.max ?? 99)) return { error: 'editing.error.range' };
  return { value: n };
}

function parseField(spec: FieldSpec, input: string | string[], options: OptionLists): Parsed {
  const allowed = spec.options ? options[spec.options].map((o) => o.value) : [];
  switch (spec.kind) {
    case 'select': {
      const value = Array.isArray(input) ? (input[0] ?? '') : input;
      if (value === '') return spec.required ? { error: 'editing.error.choose' } : { value: null };
      return allowed.includes(value) ? { value } : { error: 'editing.error.choose' };
    }
    case 'choices': {
      const values = [...new Set(list(input))];
      if (values.some((v) => !allowed.includes(v))) return { error: 'editing.error.choose' };
      if (spec.required && values.length === 0) return { error: 'editing.error.chooseOne' };
      return { value: values.sort() };
    }
    case 'boolean':
      return { value: list(input).includes('ja') };
    case 'codes': {
      const codes = [...new Set(splitList(Array.isArray(input) ? input.join(',') : input).map((c) => c.toLowerCase()))];
      if (codes.some((c) => !LANGUAGE.test(c))) return { error: 'editing.error.languages' };
      if (spec.required && codes.length === 0) return { error: 'editing.error.required' };
      return { value: codes };
    }
    case 'municipalities':
      return parseMunicipalities(Array.isArray(input) ? input.join(',') : input, options.municipalities);
    case 'integer':
    case 'decimal':
      return parseNumber(spec, Array.isArray(input) ? (input[0] ?? '') : input);
    default:
      return parseText(spec, Array.isArray(input) ? (input[0] ?? '') : input);
  }
}

/** Municipality names or CBS codes (GM0503) → sorted codes; one unknown name is an error for the field. */
function parseMunicipalities(input: string, municipalities: readonly Option[]): Parsed {
  const codes = new Set<string>();
  for (const word of splitList(input)) {
    const lower = word.toLowerCase();
    const found = municipalities.find((m) => m.value.toLowerCase() === lower || m.label.toLowerCase() === lower);
    if (!found) return { error: 'editing.error.municipality' };
    codes.add(found.value);
  }
  return { value: [...codes].sort() };
}

/** Checks that need more than one field. */
function crossChecks(kind: CatalogueEntity, s: Record<string, Value>, errors: Record<string, MessageKey>): void {
  if (kind !== 'service') return;
  if (typeof s['age_min'] === 'number' && typeof s['age_max'] === 'number' && s['age_min'] > s['age_max']) errors['age_max'] ??= 'editing.error.ageRange';
  const municipalities = s['municipalities'];
  if (s['national'] === false && Array.isArray(municipalities) && municipalities.length === 0) errors['municipalities'] ??= 'editing.error.area';
}

export function parseRecordForm(kind: CatalogueEntity, body: unknown, options: OptionLists): ParseResult {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: Record<string, string | readonly string[]> = {};
  const snapshot: Record<string, Value> = {};
  const errors: Record<string, MessageKey> = {};
  for (const spec of FIELDS[kind]) {
    const input = raw(fields, spec.name);
    values[spec.name] = input;
    const parsed = parseField(spec, input, options);
    if ('error' in parsed) errors[spec.name] = parsed.error;
    else snapshot[spec.name] = parsed.value;
  }
  crossChecks(kind, snapshot, errors);
  return Object.keys(errors).length > 0 ? { kind: 'invalid', values, errors } : { kind: 'valid', snapshot, values };
}

/** A stored snapshot as the texts and choices of a form (to edit it, or to show a proposal). */
export function toFormValues(kind: CatalogueEntity, snapshot: Snapshot, options: OptionLists): FormValues {
  const values: Record<string, string | readonly string[]> = {};
  for (const spec of FIELDS[kind]) {
    const value = snapshot[spec.name];
    if (spec.kind === 'municipalities' && Array.isArray(value)) {
      values[spec.name] = (value as string[]).map((code) => options.municipalities.find((m) => m.value === code)?.label ?? code).join(', ');
    } else if (spec.kind === 'codes' && Array.isArray(value)) values[spec.name] = (value as string[]).join(', ');
    else if (spec.kind === 'boolean') values[spec.name] = value === true ? 'ja' : '';
    else if (Array.isArray(value)) values[spec.name] = value as string[];
    else values[spec.name] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}
