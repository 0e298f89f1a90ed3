import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { oncePerDatabase } from './once.ts';

describe('oncePerDatabase', () => {
  // Only the identity of the database object matters here, so plain objects stand in for two databases.
  const a = {} as Kysely<DB>;
  const b = {} as Kysely<DB>;

  it('loads once per database and shares the answer', async () => {
    let calls = 0;
    const read = oncePerDatabase(async () => ++calls);
    assert.deepEqual([await read(a), await read(a), await read(b)], [1, 1, 2]);
    assert.equal(calls, 2);
  });

  it('does not keep a failed load', async () => {
    let calls = 0;
    const read = oncePerDatabase(async () => {
      calls++;
      if (calls === 1) throw new Error('database not ready');
      return 'ok';
    });
    await assert.rejects(read(a));
    assert.equal(await read(a), 'ok');
  });
});
