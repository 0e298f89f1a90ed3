import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';

/**
 * Test helpers that look for a secret (an address, a private link's token) everywhere it could
 * have been left behind: every table of the public schema, every file under a directory.
 */

export interface Leak {
  readonly where: string;
  readonly needle: string;
}

/** Each table whose rows, as text, contain one of the needles (case-insensitive). */
export async function tablesContaining(db: Kysely<DB>, needles: readonly string[]): Promise<Leak[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const leaks: Leak[] = [];
  for (const { name } of tables.rows) {
    for (const needle of needles) {
      const found = await sql<{ n: string }>`
        select count(*) as n from ${sql.table(name)} t where position(lower(${needle}) in lower(t::text)) > 0`.execute(db);
      if (Number(found.rows[0]?.n ?? 0) > 0) leaks.push({ where: name, needle });
    }
  }
  return leaks;
}

/** Undoes quoted-printable soft line breaks and escapes, so a wrapped link is found as one string. */
function unfoldQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function filesUnder(dir: string, skip: readonly string[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (skip.includes(full)) continue;
    if (entry.isDirectory()) files.push(...(await filesUnder(full, skip)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/** Each file under `dir` (but not under `skip`) that contains one of the needles, as written or quoted-printable. */
export async function filesContaining(dir: string, needles: readonly string[], skip: readonly string[] = []): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for (const file of await filesUnder(dir, skip)) {
    const raw = (await readFile(file)).toString('latin1');
    const text = `${raw}\n${unfoldQuotedPrintable(raw)}`.toLowerCase();
    for (const needle of needles) if (text.includes(needle.toLowerCase())) leaks.push({ where: path.relative(dir, file), needle });
  }
  return leaks;
}
