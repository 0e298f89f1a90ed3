import type { Lang } from '../../i18n/index.ts';
import type { ServiceSummaryRow } from './catalogue.repository.ts';
import type { Taxonomy } from './taxonomy.ts';

export type Freshness = 'fresh' | 'stale' | 'very_stale';

/**
 * The day an offering is judged on, and the installation's STALE_AFTER_MONTHS: after that many
 * months without a check it is stale (as on the editors' freshness page); after twice as long, very stale.
 */
export interface AsOf {
  readonly today: Date;
  readonly staleAfterMonths: number;
}

export function asOf(config: { readonly staleAfterMonths: number }, today = new Date()): AsOf {
  return { today, staleAfterMonths: config.staleAfterMonths };
}

export function freshness(lastVerified: string, { today, staleAfterMonths: months }: AsOf): Freshness {
  const verified = new Date(`${lastVerified}T00:00:00Z`);
  const stale = new Date(today);
  stale.setUTCMonth(stale.getUTCMonth() - months);
  if (verified >= stale) return 'fresh';
  const veryStale = new Date(today);
  veryStale.setUTCMonth(veryStale.getUTCMonth() - months * 2);
  return verified >= veryStale ? 'stale' : 'very_stale';
}

export interface RecognitionView {
  readonly code: string;
  readonly label: string;
  /** As precise as the source: 'YYYY-MM-DD', 'YYYY', or null when unknown. */
  readonly date: string | null;
  readonly programme: string;
}

export interface ServiceSummaryView {
  readonly id: string;
  readonly href: string;
  readonly name: string;
  readonly summary: string;
  readonly status: string;
  readonly active: boolean;
  readonly level: string;
  readonly levelLabel: string;
  readonly levelRank: number;
  readonly organizationName: string;
  readonly organizationHref: string;
  readonly audiences: string[];
  readonly ages: { min: number; max: number } | null;
  readonly forms: string[];
  readonly access: string;
  readonly cost: string;
  readonly national: boolean;
  readonly places: string[];
  readonly recognition: RecognitionView | null;
  readonly programme: string | null;
  readonly lastVerified: string;
  readonly freshness: Freshness;
  readonly demo: boolean;
  readonly distanceKm: number | null;
  readonly point: { lat: number; lon: number } | null;
}

const LEVEL_RANK: Record<string, number> = { information: 0, advice: 1, prevention: 2, guidance: 3, specialised: 4, safety: 5 };

export function presentServiceSummary(
  row: ServiceSummaryRow,
  lang: Lang,
  taxonomy: Taxonomy,
  when: AsOf,
  distanceKm: number | null = null,
): ServiceSummaryView {
  return {
    id: row.id,
    href: `/aanbod/${row.id}`,
    name: lang === 'nl' ? row.name_nl : row.name_en,
    summary: lang === 'nl' ? row.summary_nl : row.summary_en,
    status: row.status,
    active: row.status === 'active',
    level: row.level,
    levelLabel: taxonomy.label('level', row.level, lang),
    levelRank: LEVEL_RANK[row.level] ?? 0,
    organizationName: row.organization_name,
    organizationHref: `/organisaties/${row.organization_id}`,
    audiences: row.audiences.map((a) => taxonomy.label('audience', a, lang)),
    ages: row.age_min !== null && row.age_max !== null ? { min: row.age_min, max: row.age_max } : null,
    forms: row.forms.map((f) => taxonomy.label('form', f, lang)),
    access: taxonomy.label('access', row.access, lang),
    cost: taxonomy.label('cost', row.cost, lang),
    national: row.national,
    places: row.places,
    recognition:
      row.recognition_code && row.recognition_level && row.intervention_name
        ? {
            code: row.recognition_code,
            label: taxonomy.label('recognition', row.recognition_code, lang),
            date: row.recognition_date,
            programme: row.intervention_name,
          }
        : null,
    programme: row.intervention_name,
    lastVerified: row.last_verified,
    freshness: freshness(row.last_verified, when),
    demo: row.is_demo,
    distanceKm,
    point: row.point,
  };
}
