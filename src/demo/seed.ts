import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Insertable, type Kysely } from 'kysely';
import { stableUuid } from '../catalogue/ids.ts';
import { chunks } from '../db/chunks.ts';
import type { Access, Audience, Cost, DB, Form, Level, Phase, ServiceStatus, ServiceTable, Theme } from '../db/schema.ts';
import { demoDataDir } from '../paths.ts';
import { slugify } from '../reference/load-reference.ts';

type Text = { nl: string; en: string };

interface DemoOrganization {
  id: string;
  name: string;
  description: Text;
  email: string | null;
  website: string | null;
  demo: true;
}

interface DemoLocation {
  id: string;
  organizationId: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  municipality: string;
  lat: number;
  lon: number;
  openingHours: Text;
  accessibility: Text;
}

export interface DemoService {
  id: string;
  organizationId: string;
  name: Text;
  summary: Text;
  description: Text;
  status: ServiceStatus;
  level: Level;
  audiences: { group: Audience; ageMin: number | null; ageMax: number | null }[];
  phases: Phase[];
  forms: Form[];
  access: Access;
  cost: Cost;
  costNote: Text | null;
  languages: string[];
  themes: Theme[];
  interventionName: string | null;
  duration: Text;
  howToApply: Text;
  waitingWeeks: number | null;
  lastVerified: string;
  serviceArea: string[] | 'national';
  locationIds: string[];
  email: string | null;
  website: string | null;
  demo: true;
}

export interface DemoFile {
  organizations: DemoOrganization[];
  locations: DemoLocation[];
  services: DemoService[];
}

export function demoFiles(): string[] {
  return fs
    .readdirSync(demoDataDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(demoDataDir, f));
}

export function readDemoData(files: readonly string[] = demoFiles()): DemoFile {
  const all: DemoFile = { organizations: [], locations: [], services: [] };
  for (const file of files) {
    const part = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
    all.organizations.push(...part.organizations);
    all.locations.push(...part.locations);
    all.services.push(...part.services);
  }
  return all;
}

export const demoId = {
  organization: (key: string) => stableUuid('organization', key),
  location: (key: string) => stableUuid('location', key),
  service: (key: string) => stableUuid('service', key),
};

/** Lowest and highest age over the child/youth target groups; null when any age fits. */
export function ageRange(audiences: DemoService['audiences']): { min: number | null; max: number | null } {
  const aged = audiences.filter((a) => a.ageMin !== null || a.ageMax !== null);
  if (aged.length === 0 || aged.length < audiences.filter((a) => a.group === 'children' || a.group === 'youth').length) {
    return { min: null, max: null };
  }
  return {
    min: Math.min(...aged.map((a) => a.ageMin ?? 0)),
    max: Math.max(...aged.map((a) => a.ageMax ?? 99)),
  };
}

function serviceRow(s: DemoService): Insertable<ServiceTable> {
  const ages = ageRange(s.audiences);
  return {
    id: demoId.service(s.id),
    organization_id: demoId.organization(s.organizationId),
    name_nl: s.name.nl,
    name_en: s.name.en,
    summary_nl: s.summary.nl,
    summary_en: s.summary.en,
    description_nl: s.description.nl,
    description_en: s.description.en,
    status: s.status,
    level: s.level,
    audiences: [...new Set(s.audiences.map((a) => a.group))],
    age_min: ages.min,
    age_max: ages.max,
    phases: s.phases,
    forms: s.forms,
    access: s.access,
    cost: s.cost,
    cost_note_nl: s.costNote?.nl ?? null,
    cost_note_en: s.costNote?.en ?? null,
    languages: s.languages,
    themes: s.themes,
    intervention_id: s.interventionName ? slugify(s.interventionName) : null,
    duration_nl: s.duration.nl,
    duration_en: s.duration.en,
    how_to_apply_nl: s.howToApply.nl,
    how_to_apply_en: s.howToApply.en,
    waiting_weeks: s.waitingWeeks,
    last_verified: s.lastVerified,
    national: s.serviceArea === 'national',
    email: s.email,
    website: s.website,
    is_demo: true,
  };
}

/** Writes a catalogue in one transaction (used for the demo region and by the benchmark generator). */
export async function insertCatalogue(db: Kysely<DB>, data: DemoFile): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organization')
      .values(
        data.organizations.map((o) => ({
          id: demoId.organization(o.id),
          name: o.name,
          description_nl: o.description.nl,
          description_en: o.description.en,
          email: o.email,
          website: o.website,
          is_demo: true,
        })),
      )
      .execute();
    for (const part of chunks(data.locations)) {
      await trx
        .insertInto('location')
        .values(
          part.map((l) => ({
            id: demoId.location(l.id),
            organization_id: demoId.organization(l.organizationId),
            name: l.name,
            address: l.address,
            postcode: l.postcode,
            city: l.city,
            municipality_code: l.municipality,
            lat: l.lat,
            lon: l.lon,
            opening_hours_nl: l.openingHours.nl,
            opening_hours_en: l.openingHours.en,
            accessibility_nl: l.accessibility.nl,
            accessibility_en: l.accessibility.en,
            is_demo: true,
          })),
        )
        .execute();
    }
    for (const chunk of chunks(data.services)) {
      await trx.insertInto('service').values(chunk.map(serviceRow)).execute();
      const areas = chunk.flatMap((s) =>
        s.serviceArea === 'national' ? [] : s.serviceArea.map((code) => ({ service_id: demoId.service(s.id), municipality_code: code })),
      );
      if (areas.length > 0) await trx.insertInto('service_area').values(areas).execute();
      const links = chunk.flatMap((s) => s.locationIds.map((l) => ({ service_id: demoId.service(s.id), location_id: demoId.location(l) })));
      if (links.length > 0) await trx.insertInto('service_at_location').values(links).execute();
    }
  });
}

/** Loads the demo region once (first run); later starts find it and leave it alone. */
export async function seedDemoData(db: Kysely<DB>): Promise<{ seeded: boolean }> {
  const files = demoFiles();
  const hash = createHash('sha256');
  for (const f of files) hash.update(fs.readFileSync(f));
  const digest = hash.digest('hex');
  const done = await db.selectFrom('app_setting').select('value').where('key', '=', 'demo_data').executeTakeFirst();
  if (done) return { seeded: false };
  await insertCatalogue(db, readDemoData(files));
  await db
    .insertInto('app_setting')
    .values({ key: 'demo_data', value: digest })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: digest, updated_at: sql`now()` }))
    .execute();
  return { seeded: true };
}
