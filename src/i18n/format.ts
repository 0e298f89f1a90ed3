import type { Lang } from './index.ts';

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** 'YYYY-MM-DD' → "11 december 2020"; 'YYYY' stays a year; anything else is returned as is. */
export function formatDate(value: string, lang: Lang): string {
  if (/^\d{4}$/.test(value)) return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: fractionDigits }).format(value);
}
