import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { publicDir } from '../paths.ts';

export interface Asset {
  readonly logicalName: string;
  readonly hashedName: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * NL Design System components this site uses. Only their rules are taken from the Utrecht
 * component library, which keeps every page within its byte budget.
 */
export const UTRECHT_COMPONENTS = [
  'alert', 'badge-status', 'button', 'button-group', 'checkbox', 'data-list', 'form-field',
  'form-field-description', 'form-field-error-message', 'form-fieldset', 'form-label', 'heading-1',
  'heading-2', 'heading-3', 'heading-4', 'link', 'link-list', 'ordered-list', 'page-body', 'page-content',
  'page-footer', 'page-header', 'pagination', 'paragraph', 'radio-button', 'select', 'separator',
  'skip-link', 'table', 'textarea', 'textbox', 'unordered-list',
] as const;

const require = createRequire(import.meta.url);

/** Splits a stylesheet into its top-level blocks (rules and at-rules with their bodies). */
export function topLevelBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end === -1 ? css.length : end + 1;
      if (depth === 0) start = i + 1;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) {
        blocks.push(css.slice(start, i + 1).trim());
        start = i + 1;
      }
    } else if (ch === ';' && depth === 0) {
      blocks.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return blocks.filter((b) => b !== '');
}

export function selectUtrechtCss(css: string, components: readonly string[]): string {
  const wanted = new RegExp(`\\.utrecht-(?:${components.join('|')})(?:__|--|(?![a-z0-9-]))`);
  return topLevelBlocks(css)
    .filter((block) => !block.startsWith('@charset'))
    .filter((block) => {
      const selector = block.slice(0, block.indexOf('{'));
      return wanted.test(selector);
    })
    .join('\n');
}

function buildCss(): Buffer {
  const utrechtFile = require.resolve('@utrecht/component-library-css/dist/index.css');
  const utrecht = selectUtrechtCss(fs.readFileSync(utrechtFile, 'utf8'), UTRECHT_COMPONENTS);
  const own = ['tokens.css', 'app.css', 'print.css'].map((f) => fs.readFileSync(path.join(publicDir, f), 'utf8'));
  const licence = '/* NL Design System components: @utrecht/component-library-css, EUPL-1.2, (c) Gemeente Utrecht, Frameless B.V. */';
  return Buffer.from([licence, utrecht, ...own].join('\n'), 'utf8');
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function hashed(logicalName: string, body: Buffer): Asset {
  const ext = path.extname(logicalName);
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    logicalName,
    hashedName: `${path.basename(logicalName, ext)}.${digest}${ext}`,
    contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
    body,
  };
}

/** Builds every static asset once at start; names carry a content hash, so caching is forever. */
export function buildAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  assets.set('app.css', hashed('app.css', buildCss()));
  for (const file of fs.readdirSync(path.join(publicDir, 'static'))) {
    assets.set(file, hashed(file, fs.readFileSync(path.join(publicDir, 'static', file))));
  }
  return assets;
}
