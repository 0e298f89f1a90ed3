import assert from 'node:assert/strict';
import { cookiesFrom, type TestApp } from '../../../test/app.ts';

/** A form page's CSRF token and the cookies that go with it. */
export async function formSession(t: TestApp, url: string, cookie = ''): Promise<{ token: string; cookie: string }> {
  const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  assert.ok(token, `no CSRF token on ${url}`);
  const fresh = cookiesFrom(res.headers['set-cookie']);
  return { token, cookie: [cookie, fresh].filter(Boolean).join('; ') };
}
