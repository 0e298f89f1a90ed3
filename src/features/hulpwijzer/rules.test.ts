import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Level } from '../../db/schema.ts';
import { ageBands, type Answers } from './answers.ts';
import { completeAnswers, parseApiBody, parseDraft } from './parse.ts';
import { crisisRoutes, decide, RULES } from './rules.ts';

const base: Answers = { role: 'parent', childAges: [], childSignals: [], safety: [], wishes: [] };
const a = (over: Partial<Answers>): Answers => ({ ...base, ...over });

/** For every rule: answers for which it is the first to match, and the levels it must give. */
const EXAMPLES: Record<string, { answers: Answers; primary: Level; also: Level[] }> = {
  danger_at_home: { answers: a({ safety: ['violence_at_home'], communication: 'good' }), primary: 'safety', also: ['specialised', 'advice'] },
  self_harm_thoughts: { answers: a({ role: 'youth', childSignals: ['self_harm_thoughts'] }), primary: 'safety', also: ['specialised', 'advice'] },
  lasting_conflict_with_signs: {
    answers: a({ communication: 'through_lawyers_or_court', phase: 'long_ago', childSignals: ['sad_or_withdrawn'] }),
    primary: 'specialised', also: ['guidance'],
  },
  heavy_conflict_many_signs: {
    answers: a({ communication: 'often_conflict', phase: 'during', childSignals: ['angry_or_aggressive', 'school_problems'] }),
    primary: 'specialised', also: ['guidance'],
  },
  child_caught_in_conflict: {
    answers: a({ communication: 'no_contact', phase: 'before', childSignals: ['refuses_contact'] }),
    primary: 'guidance', also: ['specialised', 'prevention'],
  },
  conflict_between_parents: { answers: a({ communication: 'often_conflict', phase: 'recent' }), primary: 'guidance', also: ['advice', 'prevention'] },
  many_signs: {
    answers: a({ communication: 'good', childSignals: ['sad_or_withdrawn', 'school_problems', 'sleep_or_physical_complaints'] }),
    primary: 'prevention', also: ['advice', 'specialised'],
  },
  signs_in_child: { answers: a({ role: 'child', childSignals: ['sad_or_withdrawn'] }), primary: 'prevention', also: ['advice', 'information'] },
  sometimes_hard: { answers: a({ communication: 'sometimes_hard' }), primary: 'advice', also: ['prevention', 'information'] },
  wants_agreements: { answers: a({ communication: 'good', wishes: ['help_with_agreements'] }), primary: 'advice', also: ['guidance', 'information'] },
  wants_group_for_child: { answers: a({ wishes: ['group_for_child', 'information'] }), primary: 'prevention', also: ['information'] },
  wants_someone_or_legal: { answers: a({ role: 'network', wishes: ['legal_or_financial'] }), primary: 'advice', also: ['information'] },
  light_start: { answers: a({ communication: 'good', phase: 'before', childAges: [6] }), primary: 'information', also: ['advice'] },
};

describe('Hulpwijzer rules', () => {
  it('has an example for every rule, every rule a reason in nl and en, and ends with a catch-all', () => {
    assert.deepEqual(Object.keys(EXAMPLES).sort(), RULES.map((r) => r.id).sort());
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
    for (const rule of RULES) {
      assert.ok(rule.reason.nl.length > 20 && rule.reason.en.length > 20, rule.id);
      assert.ok(rule.also.length <= 2 && !rule.also.includes(rule.primary), rule.id);
    }
    assert.deepEqual(RULES.at(-1)?.when, {});
  });

  for (const rule of RULES) {
    it(`rule ${rule.id} decides its example`, () => {
      const example = EXAMPLES[rule.id];
      assert.ok(example);
      const decision = decide(example.answers);
      assert.equal(decision.rule, rule.id);
      assert.deepEqual(decision.levels, { primary: example.primary, also: example.also });
      assert.equal(decision.reasons[0]?.rule, rule.id);
    });
  }

  it('never gives light help for heavy problems, nor heavy help for light ones', () => {
    const heavy = decide(a({ communication: 'through_lawyers_or_court', phase: 'long_ago', childSignals: ['loyalty_conflict', 'refuses_contact'] }));
    assert.equal(heavy.levels.primary, 'specialised');
    const light = decide(a({ communication: 'good', phase: 'before' }));
    assert.ok(!['specialised', 'safety'].includes(light.levels.primary));
    assert.ok(!light.levels.also.includes('specialised'));
  });

  it('puts 112 and Veilig Thuis first for danger, adds 113 for suicidal thoughts and the Kindertelefoon for the young', () => {
    assert.deepEqual(crisisRoutes(a({ safety: ['threats'] })), ['112', 'veilig-thuis']);
    assert.deepEqual(crisisRoutes(a({ childSignals: ['self_harm_thoughts'] })), ['113']);
    assert.deepEqual(crisisRoutes(a({ role: 'child', safety: ['child_unsafe'], childSignals: ['self_harm_thoughts'] })), ['112', 'veilig-thuis', '113', 'kindertelefoon']);
    assert.deepEqual(crisisRoutes(a({ role: 'youth' })), ['kindertelefoon']);
    assert.equal(decide(a({ role: 'youth' })).safetyFirst, false);
  });

  it('gives both reasons when there is danger and suicidal thoughts', () => {
    const d = decide(a({ safety: ['abduction_fear'], childSignals: ['self_harm_thoughts'] }));
    assert.deepEqual(d.reasons.map((r) => r.rule), ['danger_at_home', 'self_harm_thoughts']);
  });
});

describe('Hulpwijzer answers', () => {
  it('reads page answers: repeated values, typed ages, postcodes with or without letters', () => {
    const parsed = parseDraft({ role: 'parent', childAges: '4, 9 en 12', wishes: ['information', 'group_for_child'], postcode: '2611 ab' });
    assert.equal(parsed.kind, 'ok');
    if (parsed.kind !== 'ok') return;
    assert.deepEqual(parsed.value.childAges, [4, 9, 12]);
    assert.equal(parsed.value.postcode, '2611AB');
    assert.deepEqual(parsed.value.wishes, ['information', 'group_for_child']);
    assert.equal(completeAnswers({ ...parsed.value, role: undefined }).kind, 'invalid');
  });

  it('names each field with an unknown value', () => {
    const parsed = parseDraft({ role: 'boss', phase: 'soon', childAges: '24', safety: 'fire', postcode: '12AB' });
    assert.equal(parsed.kind, 'invalid');
    if (parsed.kind === 'invalid') assert.deepEqual(Object.keys(parsed.errors).sort(), ['childAges', 'phase', 'postcode', 'role', 'safety']);
    const api = parseApiBody({ role: 'parent', childAges: ['4'], extra: true });
    assert.equal(api.kind, 'invalid');
    if (api.kind === 'invalid') assert.deepEqual(Object.keys(api.errors).sort(), ['childAges', 'extra']);
    assert.equal(parseApiBody({ childAges: [3] }).kind, 'invalid');
    assert.equal(parseApiBody([]).kind, 'invalid');
  });

  it('keeps only age bands for the demand signal', () => {
    assert.deepEqual(ageBands([17, 2, 3, 8, 23, 12]), ['0-3', '8-12', '13-17', '18-23']);
  });
});
