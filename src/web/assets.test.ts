import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectUtrechtCss, topLevelBlocks } from './assets.ts';

describe('selectUtrechtCss', () => {
  const css = `/* c */ .utrecht-button { a: 1; }
.utrecht-button--primary-action { b: 2; }
.utrecht-button__icon { c: 3; }
.utrecht-button-group { d: 4; }
.utrecht-buttonish { e: 5; }
@media print { .utrecht-table { f: 6; } }
.utrecht-link:focus { g: 7; }`;

  it('keeps a component with its elements and modifiers, and nothing else', () => {
    const kept = selectUtrechtCss(css, ['button', 'link']);
    assert.match(kept, /\.utrecht-button \{/);
    assert.match(kept, /\.utrecht-button--primary-action/);
    assert.match(kept, /\.utrecht-button__icon/);
    assert.match(kept, /\.utrecht-link:focus/);
    assert.doesNotMatch(kept, /utrecht-button-group|utrecht-buttonish|utrecht-table/);
  });

  it('splits top-level blocks including nested at-rules', () => {
    assert.equal(topLevelBlocks(css).length, 7);
  });
});
