import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addToList, isUuid, pageNumber, parseIdList, parseReport, refererPath, safeReturnPath } from './services.input.ts';

describe('services input', () => {
  it('checks uuids and page numbers', () => {
    assert.ok(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e'));
    assert.ok(!isUuid('0f8fad5b-d9cb-469f-a165-70867728950'));
    assert.ok(!isUuid(42));
    assert.equal(pageNumber('3'), 3);
    assert.equal(pageNumber('0'), 1);
    assert.equal(pageNumber('-2'), 1);
    assert.equal(pageNumber(undefined), 1);
  });

  it('validates a report: required message of 10–4000 characters, optional email, honeypot', () => {
    assert.deepEqual(parseReport({ message: '  Dit adres klopt niet.  ', email: '' }), { kind: 'valid', message: 'Dit adres klopt niet.', email: null });
    assert.equal(parseReport({ message: 'Dit adres klopt niet.', website: 'x' }).kind, 'spam');
    const bad = parseReport({ message: 'kort', email: 'a@b' });
    assert.equal(bad.kind, 'invalid');
    if (bad.kind === 'invalid') {
      assert.equal(bad.errors.message, 'services.report.error.messageShort');
      assert.equal(bad.errors.email, 'services.report.error.email');
    }
    const missing = parseReport({});
    assert.ok(missing.kind === 'invalid' && missing.errors.message === 'services.report.error.messageMissing');
    assert.equal(parseReport({ message: 'x'.repeat(4000) }).kind, 'valid');
    assert.equal(parseReport({ message: 'x'.repeat(4001) }).kind, 'invalid');
  });

  it('keeps id lists unique, valid and at most 50 long', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uuid(), fc.string()), { maxLength: 80 }), (parts) => {
        const ids = parseIdList(parts.join(','));
        assert.ok(ids.length <= 50);
        assert.equal(new Set(ids).size, ids.length);
        assert.ok(ids.every(isUuid));
      }),
    );
    const full = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const next = addToList(full, '10000000-0000-4000-8000-000000000000');
    assert.equal(next.length, 50);
    assert.equal(next[0], full[1]);
  });

  it('only returns to paths on this site', () => {
    assert.equal(safeReturnPath('/aanbod/x?y=1'), '/aanbod/x?y=1');
    for (const bad of ['//evil', '/\\evil', 'https://evil', '', '/a\nb', undefined]) assert.equal(safeReturnPath(bad), '/bewaarlijst');
    fc.assert(fc.property(fc.string(), (s) => {
      const out = safeReturnPath(s);
      assert.ok(out.startsWith('/') && !out.startsWith('//') && !out.startsWith('/\\'));
    }));
    assert.equal(refererPath('https://site.example/a?b=1', 'site.example'), '/a?b=1');
    assert.equal(refererPath('https://evil.example/a', 'site.example'), undefined);
    assert.equal(refererPath('not a url', 'site.example'), undefined);
  });
});
