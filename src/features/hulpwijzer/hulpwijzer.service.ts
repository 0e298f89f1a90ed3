import { findMunicipality, findPostcode } from '../places/places.repository.ts';
import type { Kysely } from 'kysely';
import type { Audience, DB, Form, Level, Theme } from '../../db/schema.ts';
import { ageBands, type Answers, type Role, type Wish } from './answers.ts';
import {
  insertDemand, listCandidates, type CandidateRow, type MunicipalityRef,
} from './hulpwijzer.repository.ts';
import { decide, type Decision } from './rules.ts';

export const MAX_MATCHES = 10;

/** Whose offerings fit whom: a professional or the network may also use what is meant for parents. */
export const ROLE_AUDIENCES: Record<Role, readonly Audience[]> = {
  parent: ['parents'],
  child: ['children'],
  youth: ['youth'],
  professional: ['professionals', 'parents'],
  network: ['network', 'parents'],
};

/** What a wish means in the catalogue: any of these forms, themes or levels fits it. */
export const WISH_MATCH: Record<Wish, { forms?: readonly Form[]; themes?: readonly Theme[]; levels?: readonly Level[] }> = {
  information: { levels: ['information'], forms: ['online'] },
  someone_to_talk_to: { forms: ['individual', 'phone', 'chat'], levels: ['advice'] },
  group_for_child: { forms: ['group'] },
  help_with_agreements: { themes: ['parenting_plan', 'contact_arrangements'] },
  help_with_conflict: { themes: ['communication', 'loyalty_conflict'] },
  legal_or_financial: { themes: ['legal', 'money_alimony'] },
};

export function wishesMet(row: Pick<CandidateRow, 'forms' | 'themes' | 'level'>, wishes: readonly Wish[]): Wish[] {
  return wishes.filter((wish) => {
    const m = WISH_MATCH[wish];
    return (
      (m.forms ?? []).some((f) => row.forms.includes(f)) ||
      (m.themes ?? []).some((t) => row.themes.includes(t)) ||
      (m.levels ?? []).includes(row.level)
    );
  });
}

export interface RankedMatch {
  readonly id: string;
  readonly level: Level;
  readonly national: boolean;
  readonly programme: string | null;
  readonly recognised: boolean;
  readonly wishes: readonly Wish[];
}

/**
 * Recognised programmes first, then the primary level before the others, then how many wishes
 * an offering meets. Wishes filter, unless nothing meets them: then the level still decides.
 */
export function rankCandidates(
  rows: readonly CandidateRow[],
  levels: readonly Level[],
  wishes: readonly Wish[],
): { matches: RankedMatch[]; wishesRelaxed: boolean } {
  const withWishes = rows.map((row) => ({ row, met: wishesMet(row, wishes) }));
  const fitting = wishes.length === 0 ? withWishes : withWishes.filter((c) => c.met.length > 0);
  const wishesRelaxed = wishes.length > 0 && fitting.length === 0;
  const pool = wishesRelaxed ? withWishes : fitting;
  const rank = (l: Level) => levels.indexOf(l);
  const sorted = [...pool].sort(
    (a, b) =>
      Number(b.row.recognised) - Number(a.row.recognised) ||
      rank(a.row.level) - rank(b.row.level) ||
      b.met.length - a.met.length ||
      a.row.name_nl.localeCompare(b.row.name_nl, 'nl') ||
      a.row.id.localeCompare(b.row.id),
  );
  return {
    wishesRelaxed,
    matches: sorted.slice(0, MAX_MATCHES).map(({ row, met }) => ({
      id: row.id,
      level: row.level,
      national: row.national,
      programme: row.programme,
      recognised: row.recognised,
      wishes: met,
    })),
  };
}

export type PlaceOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly municipality: MunicipalityRef }
  | { readonly kind: 'unknown_gemeente'; readonly gemeente: string }
  | { readonly kind: 'unknown_postcode'; readonly postcode: string };

/** A named municipality wins; otherwise the postcode's PC4 area decides. */
export async function resolvePlace(db: Kysely<DB>, place: Pick<Answers, 'gemeente' | 'postcode'>): Promise<PlaceOutcome> {
  if (place.gemeente) {
    const found = await findMunicipality(db, place.gemeente);
    return found ? { kind: 'found', municipality: found } : { kind: 'unknown_gemeente', gemeente: place.gemeente };
  }
  if (place.postcode) {
    const found = await findPostcode(db, place.postcode.slice(0, 4));
    return found ? { kind: 'found', municipality: found } : { kind: 'unknown_postcode', postcode: place.postcode };
  }
  return { kind: 'none' };
}

export interface Advice {
  readonly decision: Decision;
  readonly municipality: MunicipalityRef | null;
  readonly matches: readonly RankedMatch[];
  readonly wishesRelaxed: boolean;
}

/** Decides the levels, finds the offerings and leaves one anonymous demand row behind. */
export async function adviseFamily(options: {
  db: Kysely<DB>;
  answers: Answers;
  municipality: MunicipalityRef | null;
  channel: 'page' | 'api';
}): Promise<Advice> {
  const { db, answers, municipality, channel } = options;
  const decision = decide(answers);
  const levels = [decision.levels.primary, ...decision.levels.also];
  const candidates = await listCandidates(db, {
    municipalityCode: municipality?.code ?? null,
    audiences: ROLE_AUDIENCES[answers.role],
    ages: answers.childAges,
    levels,
  });
  const { matches, wishesRelaxed } = rankCandidates(candidates, levels, answers.wishes);
  await insertDemand(db, {
    channel,
    municipality_code: municipality?.code ?? null,
    role: answers.role,
    phase: answers.phase ?? null,
    age_bands: ageBands(answers.childAges),
    communication: answers.communication ?? null,
    child_signals: [...answers.childSignals],
    safety: [...answers.safety],
    wishes: [...answers.wishes],
    safety_first: decision.safetyFirst,
    primary_level: decision.levels.primary,
    also_levels: [...decision.levels.also],
  });
  return { decision, municipality, matches, wishesRelaxed };
}
