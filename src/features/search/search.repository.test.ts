import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCandidate } from './search.repository.ts';

describe('parseCandidate', () => {
  it('reads a line of the candidate text, with empty lists and missing numbers', () => {
    const line = ['c0ffee00-0000-4000-8000-000000000001', 'Praatgroep  Delft', 'prevention', 'children youth', '', 'free', 'free', 'school', 'nl', '', '12', 'none', '0', '0.0607927', ''].join('\t');
    assert.deepEqual(parseCandidate(line), {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      name_nl: 'Praatgroep  Delft',
      level: 'prevention',
      audiences: ['children', 'youth'],
      forms: [],
      access: 'free',
      cost: 'free',
      themes: ['school'],
      languages: ['nl'],
      age_min: null,
      age_max: 12,
      recognition: 'none',
      recognition_rank: 0,
      rank: 0.0607927,
      distance_km: null,
    });
  });
});
