import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { chunks } from '../db/chunks.ts';
import type { DB } from '../db/schema.ts';
import { referenceDataDir } from '../paths.ts';

const FILES = ['gemeenten.csv', 'pc4.csv', 'crisis-lines.json', 'interventions.json'] as const;

/** Splits one RFC 4180 line: fields may be quoted, with "" for a quote inside. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Parses the CSV files of reference-data/ (one record per line, header first). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines.shift() ?? '');
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    if (cells.length !== header.length) throw new Error(`CSV row has ${cells.length} cells, expected ${header.length}: ${line}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

interface CrisisLineJson {
  id: string;
  name: string;
  phone: string;
  altPhones?: string[];
  free: boolean;
  hours: string;
  chat: boolean | null;
  url?: string;
  ageMin: number | null;
  ageMax: number | null;
  audience: string[];
  priority: number;
  notes?: string;
}

interface InterventionJson {
  name: string;
  aliases: string[];
  targetGroups: string[];
  ageMin: number | null;
  ageMax: number | null;
  form: string[];
  severityLevels: string[];
  njiRecognition: { level: string; date: string | null; committee?: string } | null;
  sources: string[];
}

/** Stable, readable id from a programme name: "Dappere Dino's" → "dappere-dinos". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/['’!]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function read(file: string): string {
  return fs.readFileSync(path.join(referenceDataDir, file), 'utf8');
}

export function referenceDataHash(): string {
  const hash = createHash('sha256');
  for (const f of FILES) hash.update(read(f));
  return hash.digest('hex');
}

/**
 * Loads municipalities, postcodes, crisis lines and interventions in one transaction.
 * Skipped when the files are unchanged since the last load (fast restarts).
 */
export async function loadReferenceData(db: Kysely<DB>): Promise<{ loaded: boolean }> {
  const hash = referenceDataHash();
  const current = await db.selectFrom('app_setting').select('value').where('key', '=', 'reference_data_hash').executeTakeFirst();
  if (current?.value === hash) return { loaded: false };

  const municipalities = parseCsv(read('gemeenten.csv')).map((r) => ({
    code: r['code'] ?? '',
    name: r['name'] ?? '',
    display_name: r['display_name'] ?? '',
    province_code: r['province_code'] ?? '',
    province_name: r['province_name'] ?? '',
    lat: Number(r['lat']),
    lon: Number(r['lon']),
    youth_region: r['jeugdregio'] ?? '',
    youth_region_code: r['jeugdregio_code'] ?? '',
  }));
  const postcodes = parseCsv(read('pc4.csv')).map((r) => ({
    pc4: r['pc4'] ?? '',
    municipality_code: r['gemeente_code'] ?? '',
    lat: Number(r['lat']),
    lon: Number(r['lon']),
    municipality_share: Number(r['gemeente_share']),
    method: r['method'] ?? '',
  }));
  const lines = (JSON.parse(read('crisis-lines.json')) as CrisisLineJson[]).map((l) => ({
    id: l.id,
    name: l.name,
    phone: l.phone,
    phone_alt: l.altPhones?.[0] ?? null,
    free: l.free,
    hours: l.hours,
    // Only a confirmed "24/7" is shown as a promise; anything marked "verify" is not.
    always_open: l.hours === '24/7' && !/verify/i.test(l.notes ?? ''),
    // null means "not known": only a confirmed chat is shown.
    chat: l.chat === true,
    url: l.url ?? null,
    age_min: l.ageMin,
    age_max: l.ageMax,
    audience: l.audience,
    priority: l.priority,
  }));
  const interventions = (JSON.parse(read('interventions.json')) as InterventionJson[]).map((i) => ({
    id: slugify(i.name),
    name: i.name,
    aliases: i.aliases,
    target_groups: i.targetGroups,
    age_min: i.ageMin,
    age_max: i.ageMax,
    forms: i.form,
    severity_levels: i.severityLevels,
    recognition_level: i.njiRecognition?.level ?? null,
    recognition_date: i.njiRecognition?.date ?? null,
    recognition_committee: i.njiRecognition?.committee ?? null,
    sources: i.sources,
  }));

  await db.transaction().execute(async (trx) => {
    for (const part of chunks(municipalities)) {
      await trx
        .insertInto('municipality')
        .values(part)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            display_name: eb.ref('excluded.display_name'),
            province_code: eb.ref('excluded.province_code'),
            province_name: eb.ref('excluded.province_name'),
            lat: eb.ref('excluded.lat'),
            lon: eb.ref('excluded.lon'),
            youth_region: eb.ref('excluded.youth_region'),
            youth_region_code: eb.ref('excluded.youth_region_code'),
          })),
        )
        .execute();
    }
    // Postcodes and lines have no dependants yet: replace them whole.
    await trx.deleteFrom('postcode_area').execute();
    for (const part of chunks(postcodes)) {
      await trx.insertInto('postcode_area').values(part).execute();
    }
    await trx.deleteFrom('crisis_line').execute();
    await trx.insertInto('crisis_line').values(lines).execute();
    await trx
      .insertInto('intervention')
      .values(interventions)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          aliases: eb.ref('excluded.aliases'),
          target_groups: eb.ref('excluded.target_groups'),
          age_min: eb.ref('excluded.age_min'),
          age_max: eb.ref('excluded.age_max'),
          forms: eb.ref('excluded.forms'),
          severity_levels: eb.ref('excluded.severity_levels'),
          recognition_level: eb.ref('excluded.recognition_level'),
          recognition_date: eb.ref('excluded.recognition_date'),
          recognition_committee: eb.ref('excluded.recognition_committee'),
          sources: eb.ref('excluded.sources'),
        })),
      )
      .execute();
    await trx
      .insertInto('app_setting')
      .values({ key: 'reference_data_hash', value: hash })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash, updated_at: sql`now()` }))
      .execute();
  });
  return { loaded: true };
}
