import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, canEditOrganization, requiresMfa, ROLE_PERMISSIONS, type Principal } from './auth.policy.ts';
import { safeNext } from './auth.input.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpCodeAt } from './totp.ts';
import { truncateIp } from '../../platform/audit.ts';

describe('passwords (NIST 800-63B rules, scrypt)', () => {
  it('asks for length, not composition, and refuses common and personal passwords', () => {
    assert.equal(passwordProblem('', []), 'missing');
    assert.equal(passwordProblem('kort123!', []), 'short');
    assert.equal(passwordProblem('x'.repeat(129), []), 'long');
    assert.equal(passwordProblem('password1234', []), 'weak');
    assert.equal(passwordProblem('qwertyuiop12', []), 'weak');
    assert.equal(passwordProblem('aaaaaaaaaaaaaaaa', []), 'weak');
    assert.equal(passwordProblem('janssen.marieke2026', ['marieke.janssen@example.nl']), 'weak');
    assert.equal(passwordProblem('fiets onder de lindeboom', []), null);
    assert.equal(passwordProblem('zonder hoofdletters of cijfers toch sterk', []), null);
  });

  it('hashes with a fresh salt and verifies only the right password', async () => {
    const a = await hashPassword('fiets onder de lindeboom');
    const b = await hashPassword('fiets onder de lindeboom');
    assert.match(a, /^scrypt\$32768\$8\$3\$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('fiets onder de lindeboom', a), true);
    assert.equal(await verifyPassword('fiets onder de lindeboon', a), false);
    assert.equal(await verifyPassword('anything', null), false);
  });
});

describe('TOTP and recovery codes', () => {
  it('accepts the current code and one step of drift, nothing further', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 10, 23, 12, 0, 10);
    const step = Math.floor(now / 30_000);
    assert.equal(matchTotp(secret, totpCodeAt(secret, now), now), step);
    assert.equal(matchTotp(secret, totpCodeAt(secret, now - 30_000), now), step - 1);
    assert.equal(matchTotp(secret, totpCodeAt(secret, now - 90_000), now), null);
    assert.equal(matchTotp(secret, 'abcdef', now), null);
  });

  it('makes ten distinct recovery codes that survive spaces and capitals', () => {
    const codes = newRecoveryCodes();
    assert.equal(new Set(codes).size, 10);
    for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const first = codes[0] ?? '';
    assert.equal(normaliseRecoveryCode(` ${first.toUpperCase()} `), first.replace(/-/g, ''));
  });
});

describe('policy', () => {
  const who = (roles: Principal['roles'], organizationIds: string[] = []): Principal => ({ id: 'u', email: 'u@x.nl', displayName: '', roles, organizationIds, municipalityCodes: [] });

  it('gives the desk only to staff and admin, and users only to admin', () => {
    const desk = Object.entries(ROLE_PERMISSIONS).filter(([, p]) => p.includes('questions.handle')).map(([r]) => r);
    assert.deepEqual(desk.sort(), ['admin', 'staff']);
    assert.equal(can(who(['editor']), 'users.manage'), false);
    assert.equal(can(who(['admin']), 'users.manage'), true);
    assert.equal(can(null, 'account'), false);
  });

  it('lets a provider editor edit only its own organisation', () => {
    assert.equal(canEditOrganization(who(['provider_editor'], ['org-a']), 'org-a'), true);
    assert.equal(canEditOrganization(who(['provider_editor'], ['org-a']), 'org-b'), false);
    assert.equal(canEditOrganization(who(['editor']), 'org-b'), true);
    assert.equal(canEditOrganization(who(['staff']), 'org-a'), false);
  });

  it('requires two-step verification for roles with access to personal data or the whole catalogue', () => {
    assert.equal(requiresMfa(['professional']), false);
    assert.equal(requiresMfa(['provider_editor']), false);
    for (const role of ['staff', 'editor', 'municipality_analyst', 'admin'] as const) assert.equal(requiresMfa([role]), true);
  });
});

describe('edge helpers', () => {
  it('returns only to back-office paths after signing in', () => {
    assert.equal(safeNext('/beheer/vragen'), '/beheer/vragen');
    assert.equal(safeNext('//evil.example/beheer'), '/beheer');
    assert.equal(safeNext('https://evil.example'), '/beheer');
    assert.equal(safeNext('/zoeken'), '/beheer');
  });

  it('truncates addresses for the audit log', () => {
    assert.equal(truncateIp('192.168.10.77'), '192.168.10.0/24');
    assert.equal(truncateIp('::ffff:10.1.2.3'), '10.1.2.0/24');
    assert.equal(truncateIp('2001:db8:abcd:12::1'), '2001:db8:abcd::/48');
    assert.equal(truncateIp('not an ip'), null);
  });
});
