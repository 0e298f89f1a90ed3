import type { Level } from '../../db/schema.ts';
import {
  isYoung, type Answers, type ChildSignal, type Communication, type HwPhase, type Role, type SafetyAnswer, type Wish,
} from './answers.ts';

/**
 * The advice rules of the Hulpwijzer, as data: evaluated top to bottom, the first rule whose
 * conditions all hold decides the levels of help. Light problems get light, nearby help; severe,
 * lasting conflict with signs in the child gets specialised help; any danger goes to safety first.
 * Professionals review this table at /hulpwijzer/regels.
 */
export interface Conditions {
  readonly roles?: readonly Role[];
  readonly phases?: readonly HwPhase[];
  readonly communication?: readonly Communication[];
  /** At least one of these signals in the child. */
  readonly anySignal?: readonly ChildSignal[];
  /** At least this many signals in the child. */
  readonly minSignals?: number;
  readonly anySafety?: readonly SafetyAnswer[];
  readonly anyWish?: readonly Wish[];
}

export interface Rule {
  readonly id: string;
  readonly when: Conditions;
  readonly primary: Level;
  /** Up to two further levels, most fitting first. */
  readonly also: readonly Level[];
  readonly reason: { readonly nl: string; readonly en: string };
}

const HEAVY_CONFLICT: readonly Communication[] = ['often_conflict', 'no_contact', 'through_lawyers_or_court'];

export const RULES: readonly Rule[] = [
  {
    id: 'danger_at_home',
    when: { anySafety: ['violence_at_home', 'threats', 'child_unsafe', 'abduction_fear'] },
    primary: 'safety',
    also: ['specialised', 'advice'],
    reason: {
      nl: 'Er is onveiligheid of dreiging. Veiligheid gaat voor alles: eerst zorgen dat iedereen veilig is.',
      en: 'There is danger or a threat. Safety comes first: first make sure everyone is safe.',
    },
  },
  {
    id: 'self_harm_thoughts',
    when: { anySignal: ['self_harm_thoughts'] },
    primary: 'safety',
    also: ['specialised', 'advice'],
    reason: {
      nl: 'Gedachten aan zelfbeschadiging of zelfdoding zijn ernstig. Praat er nu over met iemand die kan helpen.',
      en: 'Thoughts of self-harm or suicide are serious. Talk about them now with someone who can help.',
    },
  },
  {
    id: 'lasting_conflict_with_signs',
    when: { communication: HEAVY_CONFLICT, phases: ['recent', 'long_ago'], minSignals: 1 },
    primary: 'specialised',
    also: ['guidance'],
    reason: {
      nl: 'De strijd tussen de ouders duurt al langer en het kind laat merken dat het daar last van heeft. Dan is gespecialiseerde hulp nodig.',
      en: 'The conflict between the parents has lasted a while and the child shows it is suffering. Specialised help is needed.',
    },
  },
  {
    id: 'heavy_conflict_many_signs',
    when: { communication: HEAVY_CONFLICT, minSignals: 2 },
    primary: 'specialised',
    also: ['guidance'],
    reason: {
      nl: 'Er is veel strijd en het kind laat meerdere signalen zien. Gespecialiseerde hulp past hier beter dan lichte hulp.',
      en: 'There is a lot of conflict and the child shows several signs. Specialised help fits better than light help.',
    },
  },
  {
    id: 'child_caught_in_conflict',
    when: { communication: HEAVY_CONFLICT, anySignal: ['loyalty_conflict', 'refuses_contact'] },
    primary: 'guidance',
    also: ['specialised', 'prevention'],
    reason: {
      nl: 'Het kind zit klem tussen de ouders. Begeleiding bij contact en conflict helpt; blijft het vastzitten, dan is er gespecialiseerde hulp.',
      en: 'The child is caught between the parents. Guidance with contact and conflict helps; if it stays stuck, there is specialised help.',
    },
  },
  {
    id: 'conflict_between_parents',
    when: { communication: HEAVY_CONFLICT },
    primary: 'guidance',
    also: ['advice', 'prevention'],
    reason: {
      nl: 'Praten lukt niet goed tussen de ouders. Begeleiding, zoals mediation, helpt om samen afspraken te maken.',
      en: 'The parents find it hard to talk. Guidance, such as mediation, helps to make agreements together.',
    },
  },
  {
    id: 'many_signs',
    when: { minSignals: 3 },
    primary: 'prevention',
    also: ['advice', 'specialised'],
    reason: {
      nl: 'Het kind laat meerdere signalen zien. Een programma voor kinderen helpt vaak; gaan de signalen niet over, dan is er meer hulp.',
      en: 'The child shows several signs. A programme for children often helps; if the signs do not go away, there is more help.',
    },
  },
  {
    id: 'signs_in_child',
    when: { minSignals: 1 },
    primary: 'prevention',
    also: ['advice', 'information'],
    reason: {
      nl: 'Het kind laat merken dat de scheiding moeilijk is. Een groep of programma voor kinderen helpt om erover te praten.',
      en: 'The child shows that the separation is hard. A group or programme for children helps to talk about it.',
    },
  },
  {
    id: 'sometimes_hard',
    when: { communication: ['sometimes_hard'] },
    primary: 'advice',
    also: ['prevention', 'information'],
    reason: {
      nl: 'Praten gaat soms moeilijk. Laagdrempelig advies helpt om te voorkomen dat het erger wordt.',
      en: 'Talking is sometimes hard. Easy-access advice helps to stop it getting worse.',
    },
  },
  {
    id: 'wants_agreements',
    when: { anyWish: ['help_with_agreements', 'help_with_conflict'] },
    primary: 'advice',
    also: ['guidance', 'information'],
    reason: {
      nl: 'Je wilt hulp bij afspraken, zoals het ouderschapsplan. Begin met advies; mediation kan daarna helpen.',
      en: 'You want help with agreements, such as the parenting plan. Start with advice; mediation can help after that.',
    },
  },
  {
    id: 'wants_group_for_child',
    when: { anyWish: ['group_for_child'] },
    primary: 'prevention',
    also: ['information'],
    reason: {
      nl: 'Je zoekt een groep voor kinderen. Daar praten kinderen met anderen die hetzelfde meemaken.',
      en: 'You are looking for a group for children. There children talk with others who go through the same.',
    },
  },
  {
    id: 'wants_someone_or_legal',
    when: { anyWish: ['someone_to_talk_to', 'legal_or_financial'] },
    primary: 'advice',
    also: ['information'],
    reason: {
      nl: 'Je wilt met iemand praten of hebt een praktische vraag. Een spreekuur of vraagpunt dichtbij past daarbij.',
      en: 'You want to talk to someone or have a practical question. A consultation hour or question desk nearby fits that.',
    },
  },
  {
    id: 'light_start',
    when: {},
    primary: 'information',
    also: ['advice'],
    reason: {
      nl: 'Er zijn geen grote zorgen genoemd. Goede informatie en een plek om een vraag te stellen zijn een goed begin.',
      en: 'No big worries were mentioned. Good information and a place to ask a question are a good start.',
    },
  },
];

function some<T>(wanted: readonly T[] | undefined, given: readonly T[]): boolean {
  return wanted === undefined || wanted.some((w) => given.includes(w));
}

function has<T>(wanted: readonly T[] | undefined, value: T | undefined): boolean {
  return wanted === undefined || (value !== undefined && wanted.includes(value));
}

export function matches(when: Conditions, answers: Answers): boolean {
  return (
    has(when.roles, answers.role) &&
    has(when.phases, answers.phase) &&
    has(when.communication, answers.communication) &&
    some(when.anySignal, answers.childSignals) &&
    (when.minSignals === undefined || answers.childSignals.length >= when.minSignals) &&
    some(when.anySafety, answers.safety) &&
    some(when.anyWish, answers.wishes)
  );
}

/** The last rule has no conditions, so there is always a match. */
export function firstMatchingRule(answers: Answers): Rule {
  const rule = RULES.find((r) => matches(r.when, answers));
  if (!rule) throw new Error('The Hulpwijzer rules must end with a rule without conditions');
  return rule;
}

/** National lines by their id in crisis_line, in the order they must be shown. */
export type CrisisRoute = '112' | 'veilig-thuis' | '113' | 'kindertelefoon';

export interface Decision {
  readonly rule: string;
  readonly safetyFirst: boolean;
  readonly crisisRoutes: readonly CrisisRoute[];
  readonly levels: { readonly primary: Level; readonly also: readonly Level[] };
  readonly reasons: readonly { readonly rule: string; readonly nl: string; readonly en: string }[];
}

/** Safety is a route, not just a rung: danger at home → 112 and Veilig Thuis; thoughts of suicide → 113. */
export function crisisRoutes(answers: Answers): CrisisRoute[] {
  const routes: CrisisRoute[] = [];
  if (answers.safety.length > 0) routes.push('112', 'veilig-thuis');
  if (answers.childSignals.includes('self_harm_thoughts')) routes.push('113');
  if (isYoung(answers.role)) routes.push('kindertelefoon');
  return routes;
}

export function decide(answers: Answers): Decision {
  const rule = firstMatchingRule(answers);
  const safetyFirst = answers.safety.length > 0 || answers.childSignals.includes('self_harm_thoughts');
  // A second safety rule that also holds (danger and self-harm) adds its reason too.
  const reasons = RULES.filter((r) => r.primary === 'safety' && r !== rule && matches(r.when, answers));
  return {
    rule: rule.id,
    safetyFirst,
    crisisRoutes: crisisRoutes(answers),
    levels: { primary: rule.primary, also: rule.also.filter((l) => l !== rule.primary).slice(0, 2) },
    reasons: [rule, ...reasons].map((r) => ({ rule: r.id, nl: r.reason.nl, en: r.reason.en })),
  };
}
