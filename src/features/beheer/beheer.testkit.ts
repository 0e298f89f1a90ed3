// Test helpers for back-office forms: a signed-in session plus the CSRF token of a page it can see.
import type { LightMyRequestResponse } from 'fastify';
import { cookiesFrom, type TestApp } from '../../../test/app.ts';

export interface FormSession {
  /** Cookie header: the session (if any) plus the CSRF secret cookie. */
  readonly cookie: string;
  readonly token: string;
}

export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF field on the page');
  return match[1];
}

/** GETs a page with a form (as the given session) and returns what a browser would post back with. */
export async function formSession(t: TestApp, sessionCookie: string, url: string): Promise<FormSession> {
  const res = await t.app.inject({ url, headers: sessionCookie ? { cookie: sessionCookie } : {} });
  const csrfCookie = cookiesFrom(res.headers['set-cookie']);
  return { cookie: [sessionCookie, csrfCookie].filter(Boolean).join('; '), token: csrfTokenIn(res.body) };
}

/** An urlencoded form post; arrays become repeated fields as a browser sends them. */
export function postForm(t: TestApp, s: FormSession, url: string, fields: Readonly<Record<string, string | readonly string[]>>, withToken = true): Promise<LightMyRequestResponse> {
  const params = new URLSearchParams();
  if (withToken) params.append('_csrf', s.token);
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === 'string' ? [value] : value) params.append(name, v);
  }
  return t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
}

/** A multipart/form-data body with text fields and at most one file, as a browser builds it. */
export function multipartBody(fields: Readonly<Record<string, string>>, file?: { name: string; filename: string; content: Buffer | string }): { body: Buffer; contentType: string } {
  const boundary = `----wegwijzer${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: application/json\r\n\r\n`));
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
