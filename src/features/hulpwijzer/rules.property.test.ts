import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LEVELS } from '../../db/schema.ts';
import {
  AGE_MAX, CHILD_SIGNALS, COMMUNICATIONS, HW_PHASES, isYoung, ROLES, SAFETY, WISHES, type Answers,
} from './answers.ts';
import { answerPairs } from './steps.ts';
import { parseDraft } from './parse.ts';
import { decide } from './rules.ts';

const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const maybe = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    role: fc.constantFrom(...ROLES),
    phase: maybe(HW_PHASES),
    childAges: fc.array(fc.integer({ min: 0, max: AGE_MAX }), { maxLength: 10 }),
    communication: maybe(COMMUNICATIONS),
    childSignals: subset(CHILD_SIGNALS),
    safety: subset(SAFETY),
    wishes: subset(WISHES),
  })
  .map(({ phase, communication, ...rest }) => ({ ...rest, ...(phase ? { phase } : {}), ...(communication ? { communication } : {}) }));

describe('Hulpwijzer rules over all answer combinations (property)', () => {
  it('never fails and always advises at least one known level', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const d = decide(answers);
        assert.ok(LEVELS.includes(d.levels.primary));
        assert.ok(d.levels.also.length <= 2 && d.levels.also.every((l) => LEVELS.includes(l) && l !== d.levels.primary));
        assert.ok(d.reasons.length >= 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('puts safety first, with the right lines first, whenever there is danger or suicidal thoughts', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const d = decide(answers);
        const danger = answers.safety.length > 0;
        const selfHarm = answers.childSignals.includes('self_harm_thoughts');
        assert.equal(d.safetyFirst, danger || selfHarm);
        if (danger || selfHarm) assert.equal(d.levels.primary, 'safety');
        if (answers.safety.some((s) => s === 'violence_at_home' || s === 'threats' || s === 'child_unsafe')) {
          assert.equal(d.crisisRoutes[0], '112');
        }
        if (selfHarm) assert.ok(d.crisisRoutes.includes('113'));
        if (isYoung(answers.role)) assert.ok(d.crisisRoutes.includes('kindertelefoon'));
        if (!danger && !selfHarm) assert.ok(!d.crisisRoutes.some((r) => r === '112' || r === '113'));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back every answer set from its own link (the shareable result link)', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const query: Record<string, string | string[]> = {};
        for (const [k, v] of answerPairs(answers)) {
          const prev = query[k];
          query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
        }
        const parsed = parseDraft(query);
        assert.equal(parsed.kind, 'ok');
        if (parsed.kind === 'ok') assert.deepEqual(parsed.value, answers);
      }),
      { numRuns: 1000 },
    );
  });
});
