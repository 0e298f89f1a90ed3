import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase, sql } from '../../../test/db.ts';
import { earthDistanceKm } from './search.distance.ts';
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

describe('earthDistanceKm (integration)', () => {
  it('agrees with earth_distance(ll_to_earth(…), ll_to_earth(…)) of the database', async () => {
    const database = await createTestDatabase();
    try {
      const pairs = [
        [52.0705, 4.3007, 52.0116, 4.3571],
        [53.2194, 6.5665, 50.8514, 5.691],
        [52.37, 4.89, 52.37, 4.89],
      ] as const;
      for (const [lat1, lon1, lat2, lon2] of pairs) {
        const { rows } = await sql<{ km: number }>`select earth_distance(ll_to_earth(${lat1}, ${lon1}), ll_to_earth(${lat2}, ${lon2})) / 1000 as km`.execute(database.db);
        const expected = rows[0]?.km ?? Number.NaN;
        assert.ok(Math.abs(earthDistanceKm({ lat: lat1, lon: lon1 }, { lat: lat2, lon: lon2 }) - expected) < 1e-6, `${lat1},${lon1} → ${lat2},${lon2}: ${expected}`);
      }
    } finally {
      await database.cleanup();
    }
  });
});
