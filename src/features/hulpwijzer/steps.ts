import { isYoung, type Draft, type Role } from './answers.ts';
import type { Field } from './parse.ts';

/** One idea per step. The number in /hulpwijzer/stap/<n> is the step's place in this list. */
export const STEPS = ['role', 'place', 'phase', 'ages', 'communication', 'childSignals', 'safety', 'wishes'] as const;
export type StepId = (typeof STEPS)[number];

export const STEP_FIELDS: Record<StepId, readonly Field[]> = {
  role: ['role'],
  place: ['gemeente', 'postcode'],
  phase: ['phase'],
  ages: ['childAges'],
  communication: ['communication'],
  childSignals: ['childSignals'],
  safety: ['safety'],
  wishes: ['wishes'],
};

/** Children and young people are not asked how their parents communicate (or about lawyers). */
export function stepsFor(role: Role | undefined): StepId[] {
  return STEPS.filter((s) => !(isYoung(role) && s === 'communication'));
}

export function stepNumber(step: StepId): number {
  return STEPS.indexOf(step) + 1;
}

export function stepAt(n: number): StepId | undefined {
  return Number.isInteger(n) ? STEPS[n - 1] : undefined;
}

/** The coded answers as query pairs, in a fixed order; `omit` leaves out the fields a form asks again. */
export function answerPairs(draft: Draft, omit: readonly Field[] = []): [string, string][] {
  const pairs: [string, string][] = [];
  const add = (field: Field, value: string | undefined) => {
    if (value !== undefined && value !== '' && !omit.includes(field)) pairs.push([field, value]);
  };
  add('role', draft.role);
  add('gemeente', draft.gemeente);
  add('postcode', draft.postcode);
  add('phase', draft.phase);
  add('childAges', draft.childAges.length > 0 ? draft.childAges.join(',') : undefined);
  add('communication', draft.communication);
  for (const s of draft.childSignals) add('childSignals', s);
  for (const s of draft.safety) add('safety', s);
  for (const w of draft.wishes) add('wishes', w);
  return pairs;
}

function withQuery(path: string, draft: Draft): string {
  const query = new URLSearchParams(answerPairs(draft)).toString();
  return query ? `${path}?${query}` : path;
}

export function stepHref(step: StepId, draft: Draft): string {
  return withQuery(`/hulpwijzer/stap/${stepNumber(step)}`, draft);
}

export const RESULT_PATH = '/hulpwijzer/uitkomst';

export function resultHref(draft: Draft): string {
  return withQuery(RESULT_PATH, draft);
}

/** Where the form of `step` goes next, and where "back" leads (null on the first step). */
export function neighbours(step: StepId, role: Role | undefined): { next: string; previous: StepId | null } {
  const list = stepsFor(role);
  const index = list.indexOf(step);
  const next = list[index + 1];
  return {
    next: next ? `/hulpwijzer/stap/${stepNumber(next)}` : RESULT_PATH,
    previous: index > 0 ? (list[index - 1] ?? null) : null,
  };
}
