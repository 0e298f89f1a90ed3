import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildTsQuery, words } from './search.text.ts';

describe('buildTsQuery', () => {
  it('makes every word a prefix and folds accents', () => {
    assert.equal(buildTsQuery('Taalcafé Delft'), 'taalcafe:* & delft:*');
  });
  it('widens field words with their synonyms, also multi-word ones', () => {
    assert.equal(
      buildTsQuery('vechtscheiding'),
      '(vechtscheiding:* | (complexe:* & scheiding:*) | (hoog:* & conflict:*) | conflictscheiding:*)',
    );
    assert.match(buildTsQuery('complexe scheiding') ?? '', /^\(vechtscheiding:\*/);
    assert.equal(buildTsQuery('ruzie', 'or'), '(ruzie:* | conflict:* | onenigheid:*)');
  });
  it('passes nothing but letters and digits on, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const query = buildTsQuery(text);
        if (query !== null) assert.match(query, /^[a-z0-9:*&|() ]+$/);
        assert.ok(words(text).length <= 12);
      }),
    );
  });
  it('returns null when no word is left', () => {
    assert.equal(buildTsQuery('  !!! ?? '), null);
  });
});
