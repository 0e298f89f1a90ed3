import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Lang } from '../../i18n/index.ts';
import type { Option } from '../../web/forms.tsx';
import { taxonomyOf } from '../catalogue/taxonomy.ts';
import { presentCrisisLine, type CrisisLineView } from '../crisis/crisis.presenter.ts';
import { municipalityList } from '../places/places.ts';
import type { AskChoices } from './questions.input.ts';
import type { PresentOptions } from './questions.presenter.ts';
import { findKindertelefoon } from './questions.repository.ts';

/** Reference data the question pages share: topics, municipalities, the Kindertelefoon. Cached per database where it is reference data. */

export async function askChoices(db: Kysely<DB>): Promise<AskChoices> {
  const [taxonomy, municipalities] = await Promise.all([taxonomyOf(db), municipalityList(db)]);
  return { topics: taxonomy.codes('theme'), municipalities: new Set(municipalities.map((m) => m.code)) };
}

export async function topicOptions(db: Kysely<DB>, lang: Lang): Promise<Option[]> {
  const taxonomy = await taxonomyOf(db);
  return taxonomy.codes('theme').map((code) => ({ value: code, label: taxonomy.label('theme', code, lang) }));
}

export async function municipalityOptions(db: Kysely<DB>): Promise<Option[]> {
  return (await municipalityList(db)).map((m) => ({ value: m.code, label: m.name }));
}

export async function presentOptions(db: Kysely<DB>, lang: Lang): Promise<PresentOptions> {
  const [taxonomy, municipalities] = await Promise.all([taxonomyOf(db), municipalityList(db)]);
  return { lang, taxonomy, municipalities: new Map(municipalities.map((m) => [m.code, m.name])) };
}

export async function kidsLine(db: Kysely<DB>, lang: Lang): Promise<CrisisLineView | null> {
  const row = await findKindertelefoon(db);
  return row ? presentCrisisLine(row, lang) : null;
}
