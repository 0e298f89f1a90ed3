import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lockDataDir } from './lock.ts';

describe('data-directory lock', () => {
  it('is exclusive while held and free after release', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-lock-'));
    const first = lockDataDir(dir);
    assert.equal(first.kind, 'acquired');
    // The holder is alive (a separate process): a second taker must see it.
    const child = spawn(process.execPath, ['-e', 'setTimeout(()=>{}, 5000)']);
    try {
      if (first.kind === 'acquired') first.release();
      fs.writeFileSync(path.join(dir, 'wegwijzer.lock'), String(child.pid));
      const second = lockDataDir(dir);
      assert.deepEqual(second.kind === 'held' ? second.pid : null, child.pid);
    } finally {
      child.kill();
    }
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-lock-'));
    fs.writeFileSync(path.join(dir, 'wegwijzer.lock'), '999999');
    const lock = lockDataDir(dir);
    assert.equal(lock.kind, 'acquired');
    assert.equal(fs.readFileSync(path.join(dir, 'wegwijzer.lock'), 'utf8'), String(process.pid));
    if (lock.kind === 'acquired') lock.release();
    assert.equal(fs.existsSync(path.join(dir, 'wegwijzer.lock')), false);
  });
});
