import fs from 'node:fs';
import path from 'node:path';
import { ACCESS, COSTS, PHASES, SERVICE_STATUSES, type Audience, type Cost, type ServiceStatus } from '../src/db/schema.ts';
import type { DemoFile, DemoService } from '../src/demo/seed.ts';
import { referenceDataDir } from '../src/paths.ts';
import { parseCsv } from '../src/reference/load-reference.ts';
import { ARCHETYPES, COST_NOTES, DURATIONS, HOW_TO_APPLY, LANGUAGES, ORG_KINDS, ORG_WORDS, SENTENCES, STREETS, type Text } from './words.ts';

type Organization = DemoFile['organizations'][number];
type Location = DemoFile['locations'][number];

interface Municipality {
  readonly code: string;
  readonly name: string;
  readonly region: string;
  readonly postcodes: readonly { pc4: string; lat: number; lon: number }[];
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same catalogue on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** `count` distinct items, in the list's order. */
  some<T>(list: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(this.next() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i] as T);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

let referenceCache: { municipalities: Municipality[]; interventions: string[] } | undefined;

function reference(): { municipalities: Municipality[]; interventions: string[] } {
  if (referenceCache) return referenceCache;
  const read = (f: string) => fs.readFileSync(path.join(referenceDataDir, f), 'utf8');
  const postcodes = new Map<string, { pc4: string; lat: number; lon: number }[]>();
  for (const r of parseCsv(read('pc4.csv'))) {
    const code = r['gemeente_code'] ?? '';
    const list = postcodes.get(code) ?? [];
    list.push({ pc4: r['pc4'] ?? '', lat: Number(r['lat']), lon: Number(r['lon']) });
    postcodes.set(code, list);
  }
  const municipalities = parseCsv(read('gemeenten.csv')).map((r) => {
    const code = r['code'] ?? '';
    return { code, name: r['display_name'] ?? '', region: r['jeugdregio_code'] ?? '', postcodes: postcodes.get(code) ?? [] };
  });
  const interventions = (JSON.parse(read('interventions.json')) as { name: string }[]).map((i) => i.name);
  referenceCache = { municipalities, interventions };
  return referenceCache;
}

const fill = (t: Text, city: string, org: string): Text => ({
  nl: t.nl.replaceAll('{city}', city).replaceAll('{org}', org),
  en: t.en.replaceAll('{city}', city).replaceAll('{org}', org),
});
const join = (parts: readonly Text[]): Text => ({ nl: parts.map((p) => p.nl).join(' '), en: parts.map((p) => p.en).join(' ') });
const pad = (n: number) => String(n).padStart(6, '0');
// Letter pairs that PostNL does not hand out (SA, SD, SS) are left out.
const LETTERS = 'ABCDEFGHJKLMNPRTVWXZ';

function organizations(n: number, rnd: Random, regions: ReadonlyMap<string, readonly Municipality[]>, count: number): Map<string, Organization[]> {
  // About one organisation per ten offerings (capped), spread by region size, at least one per region.
  const total = Math.min(5000, Math.max(1, Math.ceil(n / 10)));
  const byRegion = new Map<string, Organization[]>();
  let index = 0;
  for (const [region, members] of regions) {
    const list: Organization[] = [];
    const wanted = Math.max(1, Math.round((total * members.length) / count));
    for (let i = 0; i < wanted; i++) {
      index++;
      const m = rnd.pick(members);
      const word = rnd.pick(ORG_WORDS);
      const kind = rnd.pick(ORG_KINDS);
      const slug = `${word}-${m.name}-${index}`.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      list.push({
        id: `gen-org-${pad(index)}`,
        name: `${kind} ${word} ${m.name} (demo)`,
        description: {
          nl: `${kind} ${word} is een verzonnen organisatie in ${m.name} en omgeving. We helpen ouders, kinderen en jongeren bij scheiding.`,
          en: `${kind} ${word} is an invented organisation in ${m.name} and the surrounding area. We help parents, children and young people with separation.`,
        },
        email: `info@${slug}.example.org`,
        website: `https://${slug}.example.org/`,
        demo: true,
      });
    }
    byRegion.set(region, list);
  }
  return byRegion;
}

function audiences(rnd: Random, pool: readonly Audience[]): DemoService['audiences'] {
  return rnd.some(pool, rnd.int(1, Math.min(3, pool.length))).map((group) => {
    if (group === 'children') return { group, ageMin: rnd.int(4, 8), ageMax: rnd.int(10, 12) };
    if (group === 'youth') return { group, ageMin: rnd.int(12, 14), ageMax: rnd.int(16, 18) };
    return { group, ageMin: null, ageMax: null };
  });
}

function status(rnd: Random): ServiceStatus {
  return rnd.chance(0.9) ? 'active' : rnd.pick(SERVICE_STATUSES.filter((s) => s !== 'active'));
}

/**
 * N synthetic offerings over all 342 municipalities, in the demo JSON format, for benchmarks.
 * Each service covers 1–3 municipalities of one youth region (~1% national, at most MAX_NATIONAL); ~20% implement a
 * recognised intervention; locations lie in the service's municipalities. Deterministic per seed.
 */
export const MAX_NATIONAL = 40;

export function generateCatalogue(n: number, seed = 1): DemoFile {
  const rnd = new Random(prng(seed));
  const { municipalities, interventions } = reference();
  const byRegion = new Map<string, Municipality[]>();
  for (const m of municipalities) byRegion.set(m.region, [...(byRegion.get(m.region) ?? []), m]);
  const orgsByRegion = organizations(n, rnd, byRegion, municipalities.length);
  // Round-robin over a shuffled list, so every municipality has offerings once n ≥ 342.
  const order = municipalities.map((m) => ({ m, k: rnd.next() })).sort((a, b) => a.k - b.k).map((x) => x.m);

  const locations: Location[] = [];
  const orgLocations = new Map<string, Location[]>();
  const services: DemoService[] = [];
  const usedOrgs = new Set<string>();

  const locationFor = (org: Organization, m: Municipality): Location => {
    const existing = (orgLocations.get(org.id) ?? []).filter((l) => l.municipality === m.code);
    if (existing.length > 0 && rnd.chance(0.7)) return rnd.pick(existing);
    const pc = rnd.pick(m.postcodes);
    const location: Location = {
      id: `gen-loc-${pad(locations.length + 1)}`,
      organizationId: org.id,
      name: `${org.name.replace(' (demo)', '')} ${m.name}`,
      address: `${rnd.pick(STREETS)} ${rnd.int(1, 180)}`,
      postcode: `${pc.pc4} ${rnd.pick([...LETTERS])}${rnd.pick([...LETTERS])}`,
      city: m.name,
      municipality: m.code,
      lat: Math.round((pc.lat + (rnd.next() - 0.5) * 0.01) * 1e5) / 1e5,
      lon: Math.round((pc.lon + (rnd.next() - 0.5) * 0.01) * 1e5) / 1e5,
      openingHours: { nl: 'Maandag tot en met vrijdag 9.00–17.00 uur.', en: 'Monday to Friday 9:00–17:00.' },
      accessibility: rnd.chance(0.6)
        ? { nl: 'Ingang zonder drempel en een invalidentoilet.', en: 'Step-free entrance and an accessible toilet.' }
        : { nl: 'Spreekkamer op de eerste verdieping, zonder lift.', en: 'Consultation room on the first floor, no lift.' },
    };
    locations.push(location);
    orgLocations.set(org.id, [...(orgLocations.get(org.id) ?? []), location]);
    return location;
  };

  // National and online offerings do not multiply with local supply: a country has a few dozen.
  let nationalCount = 0;
  for (let i = 0; i < n; i++) {
    const home = order[i % order.length] as Municipality;
    const region = byRegion.get(home.region) ?? [home];
    const org = rnd.pick(orgsByRegion.get(home.region) ?? []);
    usedOrgs.add(org.id);
    const archetype = rnd.pick(ARCHETYPES);
    const national = nationalCount < MAX_NATIONAL && rnd.chance(0.01);
    if (national) nationalCount++;
    const area = national ? [] : [home, ...rnd.some(region.filter((m) => m !== home), rnd.int(0, 2))];
    const intervention = rnd.chance(0.2) ? rnd.pick(interventions) : null;
    const orgShort = org.name.replace(' (demo)', '');
    const name: Text = intervention
      ? { nl: `${intervention} in ${home.name}`, en: `${intervention} in ${home.name}` }
      : fill(rnd.pick(archetype.names), home.name, orgShort);
    const sentences = rnd.some(SENTENCES, rnd.int(2, 4)).map((s) => fill(s, home.name, orgShort));
    const forms = rnd.some(archetype.forms, rnd.int(1, 2));
    if (national && !forms.includes('online')) forms.push('online');
    const cost: Cost = rnd.pick(COSTS);
    const located = national || (forms.length === 1 && forms[0] !== 'group' && forms[0] !== 'individual' && forms[0] !== 'family') ? [] : area.slice(0, rnd.int(1, 2));
    services.push({
      id: `gen-svc-${pad(i + 1)}`,
      organizationId: org.id,
      name,
      summary: archetype.summary,
      description: join(sentences),
      status: status(rnd),
      level: archetype.level,
      audiences: audiences(rnd, archetype.audiences),
      phases: rnd.some(PHASES, rnd.int(1, 3)),
      forms,
      access: rnd.pick(ACCESS),
      cost,
      costNote: cost === 'own_contribution' ? rnd.pick(COST_NOTES) : null,
      languages: ['nl', ...rnd.some(LANGUAGES, rnd.int(0, 2))],
      themes: rnd.some(archetype.themes, rnd.int(1, 3)),
      interventionName: intervention,
      duration: rnd.pick(DURATIONS),
      howToApply: rnd.pick(HOW_TO_APPLY),
      waitingWeeks: rnd.chance(0.5) ? rnd.int(0, 12) : null,
      lastVerified: `2026-${String(rnd.int(1, 10)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
      serviceArea: national ? 'national' : area.map((m) => m.code),
      locationIds: located.map((m) => locationFor(org, m).id),
      email: org.email,
      website: org.website,
      demo: true,
    });
  }
  const organizationsUsed = [...orgsByRegion.values()].flat().filter((o) => usedOrgs.has(o.id));
  return { organizations: organizationsUsed, locations, services };
}
