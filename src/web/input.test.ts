import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFormBody, hasUnsafeCharacters, isCalendarDay, unsafeFields } from './input.ts';

describe('edge guard', () => {
  it('tells forbidden characters from ordinary text', () => {
    for (const bad of ['a\u0000b', '\u0007', '\u001b[0m', 'x\u007f', '\u0085', 'x\ud800', '\udc00', '\uffff', '\ufffe']) assert.ok(hasUnsafeCharacters(bad), JSON.stringify(bad));
    for (const good of ['gewoon tekst', 'tab\there', 'regel\neen\r\ntwee', 'v\u000bf\u000c', 'é ü ß', 'emoji \ud83d\ude00', '']) assert.ok(!hasUnsafeCharacters(good), JSON.stringify(good));
  });

  it('names every field that holds one, keys and nested values included', () => {
    assert.deepEqual(unsafeFields({ q: 'ok', gemeente: 'Delft\u0000', list: ['a', 'b\ud800'], nested: { deep: '\u0001' }, ['k\u0000']: 'v' }), ['gemeente', 'list', 'nested.deep', 'body']);
    assert.deepEqual(unsafeFields({ q: 'scheiding', n: 3, ok: null }), []);
  });

  it('cleans a form body in place of rejecting it, leaving files alone', () => {
    const file = Buffer.from('a\u0000b');
    assert.deepEqual(cleanFormBody({ text: 'Hoe\u0000 gaat\u0007 het?', list: ['x\ud800', 'y'], file }), { text: 'Hoe gaat het?', list: ['x', 'y'], file });
  });

  it('accepts real days between 1900 and 2999 only', () => {
    for (const day of ['1900-01-01', '2026-12-04', '2024-02-29', '2999-12-31']) assert.ok(isCalendarDay(day), day);
    for (const day of ['1899-12-31', '3000-01-01', '9999-12-31', '0000-01-01', '2023-02-29', '2024-13-01', '+275760-09-13', '2024-1-1', '', 20240101, null]) assert.ok(!isCalendarDay(day), String(day));
  });
});
