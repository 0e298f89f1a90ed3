import type { CrisisLineId } from '../../i18n/content/nl.ts';
import { content, type Lang } from '../../i18n/index.ts';
import type { CrisisLineRow } from './crisis.repository.ts';

export interface CrisisLineView {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly phoneAlt: string | null;
  readonly telHref: string;
  readonly free: boolean;
  readonly chat: boolean;
  readonly alwaysOpen: boolean;
  readonly url: string | null;
  readonly ageMin: number | null;
  readonly ageMax: number | null;
  readonly purpose: string;
  readonly when: string;
}

function isKnownLine(id: string, lang: Lang): id is CrisisLineId {
  return Object.hasOwn(content(lang).crisisLines, id);
}

export function presentCrisisLine(row: CrisisLineRow, lang: Lang): CrisisLineView {
  // Facts from the data file; every sentence shown is our own text from the catalogue.
  const text = isKnownLine(row.id, lang) ? content(lang).crisisLines[row.id] : { purpose: '', when: '' };
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    phoneAlt: row.phone_alt,
    telHref: `tel:${row.phone.replace(/[^0-9+]/g, '')}`,
    free: row.free,
    chat: row.chat,
    alwaysOpen: row.always_open,
    url: row.url,
    ageMin: row.age_min,
    ageMax: row.age_max,
    purpose: text.purpose,
    when: text.when,
  };
}
