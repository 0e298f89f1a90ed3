import { stableUuid } from '../../catalogue/ids.ts';
import type { HsdsTaxonomy, HsdsTaxonomyTerm } from './hsds.types.ts';

/** Where the profile is published (docs/hsds-profile.md in the repository). */
/** Names our profile in exported data, the same on every installation (so exports compare equal). */
export const PROFILE_URL = 'urn:wegwijzer-kind-en-scheiding:hsds-profile:1';
/** Where an installation serves the profile document (docs/hsds-profile.md). */
export const PROFILE_PATH = '/api/hsds/profile';
export const OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';
export const TAXONOMY_VERSION = '1';

/** Our taxonomies, in the order they are published, with a Dutch description. */
export const TAXONOMIES: Readonly<Record<string, string>> = {
  level: 'Hulpniveau: hoe zwaar de hulp is, van informatie (0) tot veiligheid en crisis (5).',
  audience: 'Doelgroep van het aanbod.',
  phase: 'Fase van de scheiding waarin het aanbod past.',
  form: 'Vorm van het aanbod.',
  access: 'Toegang: vrij, via verwijzing of via de rechter.',
  cost: 'Kosten voor de deelnemer.',
  recognition: 'Erkenning in de Databank Effectieve Jeugdinterventies (NJi); de waarde is de datum.',
  theme: "Thema's rond kind en scheiding.",
  intervention: 'Het erkende programma (interventie) waarop het aanbod is gebaseerd.',
  text: 'Teksten die HSDS niet kent, of de Engelse vertaling; de waarde is de tekst.',
  flag: 'Kenmerken van het record zelf.',
};

export interface FixedTerm {
  readonly code: string;
  readonly nl: string;
  readonly en: string;
}

/** Text attributes: Dutch fields without an HSDS home and the English versions of HSDS fields. */
export const TEXT_TERMS: readonly FixedTerm[] = [
  { code: 'name_en', nl: 'Naam (Engels)', en: 'Name (English)' },
  { code: 'summary_nl', nl: 'Korte beschrijving', en: 'Summary (Dutch)' },
  { code: 'summary_en', nl: 'Korte beschrijving (Engels)', en: 'Summary (English)' },
  { code: 'description_en', nl: 'Beschrijving (Engels)', en: 'Description (English)' },
  { code: 'duration_nl', nl: 'Duur', en: 'Duration (Dutch)' },
  { code: 'duration_en', nl: 'Duur (Engels)', en: 'Duration (English)' },
  { code: 'how_to_apply_en', nl: 'Aanmelden (Engels)', en: 'How to apply (English)' },
  { code: 'cost_note_en', nl: 'Toelichting kosten (Engels)', en: 'Cost note (English)' },
  { code: 'opening_hours_en', nl: 'Openingstijden (Engels)', en: 'Opening hours (English)' },
  { code: 'accessibility_en', nl: 'Toegankelijkheid (Engels)', en: 'Accessibility (English)' },
];
export const FLAG_TERMS: readonly FixedTerm[] = [
  { code: 'demo', nl: 'Demogegevens (verzonnen)', en: 'Demo data (made up)' },
  { code: 'waiting_weeks', nl: 'Wachttijd in weken', en: 'Waiting time in weeks' },
];

export const taxonomyId = (name: string): string => stableUuid('hsds-taxonomy', name);
export const termId = (taxonomy: string, code: string): string => stableUuid('hsds-taxonomy-term', `${taxonomy}:${code}`);

export function presentTaxonomy(name: string): HsdsTaxonomy {
  return { id: taxonomyId(name), name, description: TAXONOMIES[name] ?? '', uri: `${PROFILE_URL}#${name}`, version: TAXONOMY_VERSION };
}

export function listTaxonomies(): HsdsTaxonomy[] {
  return Object.keys(TAXONOMIES).map(presentTaxonomy);
}

/** A published term: Dutch label as name, English label as description, our code kept in `code`. */
export function presentTerm(taxonomy: string, code: string, nl: string, en: string, withDetail = true): HsdsTaxonomyTerm {
  return {
    id: termId(taxonomy, code),
    code,
    name: nl,
    description: en,
    taxonomy,
    taxonomy_id: taxonomyId(taxonomy),
    ...(withDetail ? { taxonomy_detail: presentTaxonomy(taxonomy) } : {}),
    language: 'nld',
  };
}

export interface TermKey {
  readonly taxonomy: string;
  readonly code: string;
}
