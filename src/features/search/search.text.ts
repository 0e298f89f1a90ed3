/**
 * Turns what someone typed into a Postgres tsquery for the `nl` configuration: every word as a
 * prefix (so "scheiding" finds "scheidingsproblematiek"), words of the field widened with their
 * synonyms, and nothing but letters and digits passed on.
 */

/** Field synonyms: each group is one meaning; a multi-word entry must match as a whole. */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['vechtscheiding', 'complexe scheiding', 'hoog conflict', 'conflictscheiding'],
  ['ruzie', 'conflict', 'onenigheid'],
  ['omgang', 'contact', 'omgangsregeling'],
  ['echtscheiding', 'scheiding', 'uit elkaar'],
  ['kind', 'kinderen'],
  ['jongere', 'jongeren', 'tiener', 'puber'],
  ['ouderschapsplan', 'afspraken over de kinderen'],
  ['alimentatie', 'kinderalimentatie', 'partneralimentatie'],
  ['bemiddeling', 'mediation', 'mediator'],
];

export function normaliseWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function words(text: string): string[] {
  return normaliseWord(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

function prefixPhrase(phrase: string): string {
  const parts = words(phrase);
  if (parts.length === 1) return `${parts[0]}:*`;
  return `(${parts.map((p) => `${p}:*`).join(' & ')})`;
}

/** Finds which synonym group a word (or the two words starting at i) belongs to. */
function synonymsAt(all: readonly string[], i: number): { group: readonly string[]; used: number } | null {
  for (const group of SYNONYMS) {
    for (const entry of group) {
      const parts = words(entry);
      if (parts.every((p, k) => all[i + k] === p)) return { group, used: parts.length };
    }
  }
  return null;
}

export type JoinMode = 'and' | 'or';

/** A tsquery string, or null when no searchable word is left. */
export function buildTsQuery(text: string, mode: JoinMode = 'and'): string | null {
  const all = words(text);
  const clauses: string[] = [];
  for (let i = 0; i < all.length; ) {
    const synonyms = synonymsAt(all, i);
    if (synonyms) {
      clauses.push(`(${synonyms.group.map(prefixPhrase).join(' | ')})`);
      i += synonyms.used;
    } else {
      clauses.push(`${all[i]}:*`);
      i += 1;
    }
  }
  if (clauses.length === 0) return null;
  return clauses.join(mode === 'and' ? ' & ' : ' | ');
}
