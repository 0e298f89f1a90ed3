import type { Phase } from '../../db/schema.ts';

/** The coded answers of the Hulpwijzer. Codes are English; the words people see live in the catalogues. */
export const ROLES = ['parent', 'child', 'youth', 'professional', 'network'] as const;
export type Role = (typeof ROLES)[number];
export const HW_PHASES = ['before', 'during', 'recent', 'long_ago'] as const satisfies readonly Phase[];
export type HwPhase = (typeof HW_PHASES)[number];
export const COMMUNICATIONS = ['good', 'sometimes_hard', 'often_conflict', 'no_contact', 'through_lawyers_or_court'] as const;
export type Communication = (typeof COMMUNICATIONS)[number];
export const CHILD_SIGNALS = [
  'sad_or_withdrawn', 'angry_or_aggressive', 'school_problems', 'sleep_or_physical_complaints',
  'loyalty_conflict', 'refuses_contact', 'self_harm_thoughts',
] as const;
export type ChildSignal = (typeof CHILD_SIGNALS)[number];
export const SAFETY = ['violence_at_home', 'threats', 'child_unsafe', 'abduction_fear'] as const;
export type SafetyAnswer = (typeof SAFETY)[number];
export const WISHES = [
  'information', 'someone_to_talk_to', 'group_for_child', 'help_with_agreements', 'help_with_conflict', 'legal_or_financial',
] as const;
export type Wish = (typeof WISHES)[number];

/** Whole years; a child or young person gives their own age, a parent the ages of the children. */
export const AGE_MIN = 0;
export const AGE_MAX = 23;
export const MAX_CHILDREN = 10;

export interface Answers {
  readonly role: Role;
  /** CBS code or name, as given. */
  readonly gemeente?: string;
  /** '1234' or '1234AB' (normalised, no space). */
  readonly postcode?: string;
  readonly phase?: HwPhase;
  readonly childAges: readonly number[];
  readonly communication?: Communication;
  readonly childSignals: readonly ChildSignal[];
  readonly safety: readonly SafetyAnswer[];
  readonly wishes: readonly Wish[];
}

/** Answers while the questions are still being filled in: only the role can be missing. */
export type Draft = Omit<Answers, 'role'> & { readonly role?: Role };

export const EMPTY_DRAFT: Draft = { childAges: [], childSignals: [], safety: [], wishes: [] };

/** Children and young people speak for themselves: own words, and no questions about the parents' lawyers. */
export function isYoung(role: Role | undefined): boolean {
  return role === 'child' || role === 'youth';
}

export const AGE_BANDS = ['0-3', '4-7', '8-12', '13-17', '18-23'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age <= 3) return '0-3';
  if (age <= 7) return '4-7';
  if (age <= 12) return '8-12';
  if (age <= 17) return '13-17';
  return '18-23';
}

/** Distinct bands, in ladder order: the demand signal never holds exact ages. */
export function ageBands(ages: readonly number[]): AgeBand[] {
  const bands = new Set(ages.map(ageBand));
  return AGE_BANDS.filter((b) => bands.has(b));
}
