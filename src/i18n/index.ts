import { contentEn } from './content/en.ts';
import { contentNl, type Content } from './content/nl.ts';
import { en } from './en.ts';
import { nl, type MessageKey } from './nl.ts';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nl';
export type { MessageKey };

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { nl, en };
const contents: Record<Lang, Content> = { nl: contentNl, en: contentEn };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Replaces {name} placeholders; an unknown placeholder stays visible so tests catch it. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, params) => interpolate(catalogue[key], params);
}

export function content(lang: Lang): Content {
  return contents[lang];
}

export function catalogue(lang: Lang): Readonly<Record<MessageKey, string>> {
  return catalogues[lang];
}

/** E-mail goes out in Dutch with the English text below it: we don't always know who reads it. */
export function bilingual(render: (t: Translate) => string): string {
  return `${render(translator('nl'))}\n\n— English —\n\n${render(translator('en'))}`;
}
