import { languageName } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/index.ts';
import { freshness, type AsOf, type Freshness } from '../catalogue/catalogue.presenter.ts';
import type { Taxonomy } from '../catalogue/taxonomy.ts';
import type { LocationRow, OrganizationRow, ServiceDetailRow } from './services.repository.ts';

/** Language codes ('nl', 'ar', 'tr') → names in the reader's language; unknown codes stay as they are. */
export function languageNames(codes: readonly string[], lang: Lang): string[] {
  return codes.map((code) => languageName(code, lang));
}

export interface LocationView {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly postcode: string;
  readonly city: string;
  readonly openingHours: string;
  readonly accessibility: string;
}

export function presentLocation(row: LocationRow, lang: Lang): LocationView {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    postcode: row.postcode,
    city: row.city,
    openingHours: lang === 'nl' ? row.opening_hours_nl : row.opening_hours_en,
    accessibility: lang === 'nl' ? row.accessibility_nl : row.accessibility_en,
  };
}

export interface Labelled {
  readonly code: string;
  readonly label: string;
}

export interface ServiceDetailView {
  readonly id: string;
  readonly href: string;
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly status: string;
  readonly active: boolean;
  readonly demo: boolean;
  readonly level: Labelled;
  readonly audiences: Labelled[];
  readonly ages: { readonly min: number | null; readonly max: number | null };
  readonly phases: Labelled[];
  readonly forms: Labelled[];
  readonly duration: string;
  readonly languages: Labelled[];
  readonly themes: Labelled[];
  readonly howToApply: string;
  readonly access: Labelled;
  readonly cost: Labelled;
  readonly costNote: string | null;
  readonly waitingWeeks: number | null;
  readonly locations: LocationView[];
  readonly national: boolean;
  readonly area: string[];
  readonly contact: { readonly email: string | null; readonly website: string | null; readonly phone: string | null };
  readonly organization: { readonly id: string; readonly name: string; readonly href: string };
  readonly programme: string | null;
  /** 'none' when the offering has no assessed programme. */
  readonly recognition: { readonly code: string; readonly label: string; readonly date: string | null };
  readonly lastVerified: string;
  readonly freshness: Freshness;
}

export function presentServiceDetail(
  row: ServiceDetailRow,
  extra: { locations: readonly LocationRow[]; area: readonly string[] },
  lang: Lang,
  taxonomy: Taxonomy,
  when: AsOf,
): ServiceDetailView {
  const nl = lang === 'nl';
  const term = (taxonomyName: string, code: string): Labelled => ({ code, label: taxonomy.label(taxonomyName, code, lang) });
  const recognitionCode = row.recognition_code ?? 'none';
  const languageLabels = languageNames(row.languages, lang);
  return {
    id: row.id,
    href: `/aanbod/${row.id}`,
    name: nl ? row.name_nl : row.name_en,
    summary: nl ? row.summary_nl : row.summary_en,
    description: nl ? row.description_nl : row.description_en,
    status: row.status,
    active: row.status === 'active',
    demo: row.is_demo,
    level: term('level', row.level),
    audiences: row.audiences.map((a) => term('audience', a)),
    ages: { min: row.age_min, max: row.age_max },
    phases: row.phases.map((p) => term('phase', p)),
    forms: row.forms.map((f) => term('form', f)),
    duration: nl ? row.duration_nl : row.duration_en,
    languages: row.languages.map((code, i) => ({ code, label: languageLabels[i] ?? code })),
    themes: row.themes.map((t) => term('theme', t)),
    howToApply: nl ? row.how_to_apply_nl : row.how_to_apply_en,
    access: term('access', row.access),
    cost: term('cost', row.cost),
    costNote: (nl ? row.cost_note_nl : row.cost_note_en) || null,
    waitingWeeks: row.waiting_weeks,
    locations: extra.locations.map((l) => presentLocation(l, lang)),
    national: row.national,
    area: [...extra.area],
    contact: { email: row.email, website: row.website, phone: row.phone },
    organization: { id: row.organization_id, name: row.organization_name, href: `/organisaties/${row.organization_id}` },
    programme: row.intervention_name,
    recognition: {
      code: recognitionCode,
      label: taxonomy.label('recognition', recognitionCode, lang),
      date: row.recognition_code ? row.recognition_date : null,
    },
    lastVerified: row.last_verified,
    freshness: freshness(row.last_verified, when),
  };
}

export interface OrganizationView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly email: string | null;
  readonly website: string | null;
  readonly phone: string | null;
  readonly demo: boolean;
  /** False once editors deactivated it: its page says so and shows no contact details. */
  readonly active: boolean;
}

export function presentOrganization(row: OrganizationRow, lang: Lang): OrganizationView {
  return {
    id: row.id,
    name: row.name,
    description: lang === 'nl' ? row.description_nl : row.description_en,
    email: row.email,
    website: row.website,
    phone: row.phone,
    demo: row.is_demo,
    active: row.status === 'active',
  };
}

/** Only http(s) links become clickable; anything else is shown as text. */
export function safeWebsite(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
