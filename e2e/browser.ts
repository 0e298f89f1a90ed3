import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../test/app.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const chromiumMissing = !fs.existsSync(CHROMIUM);
/** The one line a skipped browser test prints. */
export const SKIP_REASON = `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" to run the browser tests`;

export interface BrowserSession {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  // Playwright gives every launch a fresh, empty profile directory and removes it on close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** Runs axe (WCAG 2.0/2.1 A and AA) and returns a readable list of violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A test app listening on 127.0.0.1 plus a browser: the setup every browser journey shares. */
export interface BrowserApp {
  readonly t: TestApp;
  readonly base: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<BrowserApp> {
  const t = await createTestApp(options);
  try {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const session = await launchBrowser();
    return {
      t,
      base,
      browser: session.browser,
      async close() {
        await session.close();
        await t.close();
      },
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}
