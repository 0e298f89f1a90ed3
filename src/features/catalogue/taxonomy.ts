import { oncePerDatabase } from '../../db/once.ts';
import type { Lang } from '../../i18n/index.ts';
import { listTaxonomyTerms, type TaxonomyTermRow } from './catalogue.repository.ts';

/** Labels of taxonomy terms (data, nl + en) by taxonomy and code. */
export class Taxonomy {
  private readonly terms = new Map<string, TaxonomyTermRow>();
  private readonly byTaxonomy = new Map<string, TaxonomyTermRow[]>();

  constructor(rows: readonly TaxonomyTermRow[]) {
    for (const row of rows) {
      this.terms.set(`${row.taxonomy}:${row.code}`, row);
      const list = this.byTaxonomy.get(row.taxonomy) ?? [];
      list.push(row);
      this.byTaxonomy.set(row.taxonomy, list);
    }
    for (const list of this.byTaxonomy.values()) list.sort((a, b) => a.position - b.position);
  }

  label(taxonomy: string, code: string, lang: Lang): string {
    const term = this.terms.get(`${taxonomy}:${code}`);
    if (!term) return code;
    return lang === 'nl' ? term.label_nl : term.label_en;
  }

  codes(taxonomy: string): string[] {
    return (this.byTaxonomy.get(taxonomy) ?? []).map((t) => t.code);
  }
}

/** The taxonomy of a database, read once: its terms are data that only migrations change. */
export const taxonomyOf = oncePerDatabase((db) => listTaxonomyTerms(db).then((rows) => new Taxonomy(rows)));
