import type { CatalogueEntity } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/index.ts';

/**
 * What a person edits, per kind of catalogue record, as data: the forms, the validation, the
 * snapshots in the version history and the field-by-field diffs are all driven by these lists,
 * so a field added here shows up everywhere at once.
 */
export type FieldKind = 'text' | 'textarea' | 'email' | 'url' | 'phone' | 'postcode' | 'select' | 'choices' | 'integer' | 'decimal' | 'boolean' | 'codes' | 'municipalities';

/** Where the options of a select or a set of checkboxes come from (resolved per request). */
export type OptionSource =
  | 'organizations' | 'municipalities' | 'interventions' | 'locations' | 'serviceStatus'
  | 'level' | 'audience' | 'phase' | 'form' | 'access' | 'cost' | 'theme';

export interface FieldSpec {
  /** Snapshot key; the column name, except `municipalities` (service_area) and `location_ids`. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly label: MessageKey;
  readonly hint?: MessageKey;
  readonly required?: boolean;
  /** Empty means null (instead of an empty text). */
  readonly nullable?: boolean;
  /** Longest text, or highest number. */
  readonly max?: number;
  readonly min?: number;
  readonly options?: OptionSource;
}

export type Value = string | number | boolean | null | readonly string[];
export type Snapshot = Readonly<Record<string, Value>>;

const text = (name: string, label: MessageKey, max: number, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: 'text', label, max, ...extra });
const area = (name: string, label: MessageKey, max: number, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: 'textarea', label, max, ...extra });
const contact: readonly FieldSpec[] = [
  { name: 'email', kind: 'email', label: 'editing.field.email', nullable: true, max: 254 },
  { name: 'website', kind: 'url', label: 'editing.field.website', nullable: true, max: 500 },
  { name: 'phone', kind: 'phone', label: 'editing.field.phone', nullable: true, max: 30 },
];

export const ORGANIZATION_FIELDS: readonly FieldSpec[] = [
  text('name', 'editing.field.name', 200, { required: true }),
  area('description_nl', 'editing.field.descriptionNl', 4000),
  area('description_en', 'editing.field.descriptionEn', 4000),
  ...contact,
];

export const LOCATION_FIELDS: readonly FieldSpec[] = [
  { name: 'organization_id', kind: 'select', label: 'editing.field.organization', required: true, options: 'organizations' },
  text('name', 'editing.field.name', 200, { required: true }),
  text('address', 'editing.field.address', 200, { required: true }),
  { name: 'postcode', kind: 'postcode', label: 'editing.field.postcode', hint: 'editing.hint.postcode', required: true },
  text('city', 'editing.field.city', 100, { required: true }),
  { name: 'municipality_code', kind: 'select', label: 'editing.field.municipality', required: true, options: 'municipalities' },
  { name: 'lat', kind: 'decimal', label: 'editing.field.lat', hint: 'editing.hint.coordinates', nullable: true, min: 50, max: 54 },
  { name: 'lon', kind: 'decimal', label: 'editing.field.lon', hint: 'editing.hint.coordinates', nullable: true, min: 3, max: 8 },
  area('opening_hours_nl', 'editing.field.openingHoursNl', 1000),
  area('opening_hours_en', 'editing.field.openingHoursEn', 1000),
  area('accessibility_nl', 'editing.field.accessibilityNl', 1000),
  area('accessibility_en', 'editing.field.accessibilityEn', 1000),
];

export const SERVICE_FIELDS: readonly FieldSpec[] = [
  { name: 'organization_id', kind: 'select', label: 'editing.field.organization', required: true, options: 'organizations' },
  text('name_nl', 'editing.field.nameNl', 200, { required: true }),
  text('name_en', 'editing.field.nameEn', 200, { required: true }),
  area('summary_nl', 'editing.field.summaryNl', 500, { required: true }),
  area('summary_en', 'editing.field.summaryEn', 500, { required: true }),
  area('description_nl', 'editing.field.descriptionNl', 4000, { required: true }),
  area('description_en', 'editing.field.descriptionEn', 4000, { required: true }),
  { name: 'status', kind: 'select', label: 'editing.field.status', required: true, options: 'serviceStatus' },
  { name: 'level', kind: 'select', label: 'editing.field.level', required: true, options: 'level' },
  { name: 'audiences', kind: 'choices', label: 'editing.field.audiences', required: true, options: 'audience' },
  { name: 'age_min', kind: 'integer', label: 'editing.field.ageMin', nullable: true, min: 0, max: 99 },
  { name: 'age_max', kind: 'integer', label: 'editing.field.ageMax', nullable: true, min: 0, max: 99 },
  { name: 'phases', kind: 'choices', label: 'editing.field.phases', options: 'phase' },
  { name: 'forms', kind: 'choices', label: 'editing.field.forms', options: 'form' },
  { name: 'access', kind: 'select', label: 'editing.field.access', required: true, options: 'access' },
  { name: 'cost', kind: 'select', label: 'editing.field.cost', required: true, options: 'cost' },
  text('cost_note_nl', 'editing.field.costNoteNl', 300, { nullable: true }),
  text('cost_note_en', 'editing.field.costNoteEn', 300, { nullable: true }),
  { name: 'languages', kind: 'codes', label: 'editing.field.languages', hint: 'editing.hint.languages', required: true },
  { name: 'themes', kind: 'choices', label: 'editing.field.themes', options: 'theme' },
  { name: 'intervention_id', kind: 'select', label: 'editing.field.intervention', nullable: true, options: 'interventions' },
  text('duration_nl', 'editing.field.durationNl', 300),
  text('duration_en', 'editing.field.durationEn', 300),
  area('how_to_apply_nl', 'editing.field.howToApplyNl', 2000),
  area('how_to_apply_en', 'editing.field.howToApplyEn', 2000),
  { name: 'waiting_weeks', kind: 'integer', label: 'editing.field.waitingWeeks', nullable: true, min: 0, max: 104 },
  { name: 'national', kind: 'boolean', label: 'editing.field.national' },
  { name: 'municipalities', kind: 'municipalities', label: 'editing.field.municipalities', hint: 'editing.hint.municipalities' },
  { name: 'location_ids', kind: 'choices', label: 'editing.field.locations', hint: 'editing.hint.locations', options: 'locations' },
  ...contact,
];

export const FIELDS: Readonly<Record<CatalogueEntity, readonly FieldSpec[]>> = {
  organization: ORGANIZATION_FIELDS,
  service: SERVICE_FIELDS,
  location: LOCATION_FIELDS,
};

/** Parts of a snapshot that are not on the form: changed by their own actions (deactivate, confirm). */
export const EXTRA_FIELDS: Readonly<Record<CatalogueEntity, readonly FieldSpec[]>> = {
  organization: [{ name: 'status', kind: 'text', label: 'editing.field.status' }],
  service: [{ name: 'last_verified', kind: 'text', label: 'editing.field.lastVerified' }],
  location: [{ name: 'status', kind: 'text', label: 'editing.field.status' }],
};

export function allFields(kind: CatalogueEntity): readonly FieldSpec[] {
  return [...FIELDS[kind], ...EXTRA_FIELDS[kind]];
}

/** Path segment of each kind in the back office (Dutch URLs, like the public site). */
export const SEGMENT: Readonly<Record<CatalogueEntity, string>> = {
  service: 'aanbod',
  organization: 'organisaties',
  location: 'locaties',
};

export const KINDS: readonly CatalogueEntity[] = ['service', 'organization', 'location'];

export function isKind(value: unknown): value is CatalogueEntity {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** Two values the same? Lists compare as sets of codes (their order carries no meaning). */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? [...(a as string[])].sort() : [];
    const y = Array.isArray(b) ? [...(b as string[])].sort() : [];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return (a ?? null) === (b ?? null);
}

/** Names of the fields whose values differ, in form order. */
export function changedFields(kind: CatalogueEntity, before: Snapshot | null, after: Snapshot): string[] {
  return allFields(kind)
    .filter((f) => !sameValue(before?.[f.name], after[f.name]))
    .map((f) => f.name);
}
