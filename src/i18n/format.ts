import type { Lang } from './index.ts';

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Intl formatters are costly to create (a search page formats dozens of values): one per key. */
function memo<F>(create: (key: string) => F): (key: string) => F {
  const made = new Map<string, F>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = create(key);
      made.set(key, value);
    }
    return value;
  };
}

const dateFormat = memo((lang) => new Intl.DateTimeFormat(LOCALES[lang as Lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const numberFormat = memo((key) => {
  const [lang, digits] = key.split(' ');
  return new Intl.NumberFormat(LOCALES[lang as Lang], { maximumFractionDigits: Number(digits) });
});
const languageNames = memo((lang) => new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }));

/** 'YYYY-MM-DD' → "11 december 2020"; 'YYYY' stays a year; anything else is returned as is. */
export function formatDate(value: string, lang: Lang): string {
  if (/^\d{4}$/.test(value)) return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return dateFormat(lang).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return numberFormat(`${lang} ${fractionDigits}`).format(value);
}

/** The name of a language (ISO 639 code) in `lang`; the code itself when Intl does not know it. */
export function languageName(code: string, lang: Lang): string {
  try {
    return languageNames(LOCALES[lang]).of(code) ?? code;
  } catch {
    return code;
  }
}
