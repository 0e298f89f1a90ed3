import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentEn } from './content/en.ts';
import { contentNl } from './content/nl.ts';
import { en } from './en.ts';
import { formatDate, formatNumber, languageName } from './format.ts';
import { catalogue, interpolate, LANGS, translator } from './index.ts';
import { nl } from './nl.ts';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** Flattens nested content into path → string, so both languages can be compared leaf by leaf. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${prefix}[${i}]`).forEach((s, k) => out.set(k, s)));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k).forEach((s, key) => out.set(key, s));
  }
  return out;
}

describe('catalogues', () => {
  it('nl and en have exactly the same keys', () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(nl).sort());
  });

  it('every message has the same placeholders in both languages and no empty text', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      assert.deepEqual(placeholders(en[key]), placeholders(nl[key]), `placeholders differ for ${key}`);
      for (const lang of LANGS) assert.ok(catalogue(lang)[key].trim().length > 0, `${lang}:${key} is empty`);
    }
  });

  it('content pages have the same structure and placeholders in both languages', () => {
    const a = leaves(contentNl);
    const b = leaves(contentEn);
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [path, text] of a) {
      assert.deepEqual(placeholders(b.get(path) ?? ''), placeholders(text), `placeholders differ at ${path}`);
      assert.ok(text.trim().length > 0, `empty text at ${path}`);
    }
  });

  it('interpolates named placeholders and leaves unknown ones visible', () => {
    assert.equal(interpolate('Bel {phone} of {x}', { phone: '112' }), 'Bel 112 of {x}');
    assert.equal(translator('en')('crisis.phone', { phone: '112' }), 'Call 112');
    assert.equal(translator('nl')('crisis.phone', { phone: '112' }), 'Bel 112');
  });
});

describe('formatting', () => {
  it('formats dates, numbers and language names in each language, also when formatters are reused', () => {
    for (let i = 0; i < 2; i++) {
      assert.equal(formatDate('2020-12-11', 'nl'), '11 december 2020');
      assert.equal(formatDate('2020-12-11', 'en'), '11 December 2020');
      assert.equal(formatNumber(4.56, 'nl', 1), '4,6');
      assert.equal(formatNumber(4.56, 'en', 1), '4.6');
      assert.equal(formatNumber(4.56, 'nl'), '5');
      assert.equal(languageName('ar', 'nl'), 'Arabisch');
      assert.equal(languageName('ar', 'en'), 'Arabic');
    }
    assert.equal(formatDate('2020', 'nl'), '2020');
    assert.equal(formatDate('soon', 'en'), 'soon');
    assert.equal(languageName('not a code', 'nl'), 'not a code');
  });
});
