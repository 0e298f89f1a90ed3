import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PAGE_SLOT, spliceDocument } from './render.ts';

describe('spliceDocument', () => {
  it('puts the UTF-8 bytes in the slot and encodes the rest around them', () => {
    const out = spliceDocument(`<p>één</p><div>${PAGE_SLOT}</div><p>—</p>`, Buffer.from('<b>café</b>'));
    assert.equal(out.toString('utf8'), '<p>één</p><div><b>café</b></div><p>—</p>');
  });

  it('fills only the first slot: a later marker is left as it is', () => {
    const out = spliceDocument(`${PAGE_SLOT}|${PAGE_SLOT}`, Buffer.from('x'));
    assert.equal(out.toString('utf8'), `x|${PAGE_SLOT}`);
  });

  it('refuses a document without a slot, rather than dropping the HTML', () => {
    assert.throws(() => spliceDocument('<p>no slot</p>', Buffer.from('x')), /no PageSlot/);
  });
});
