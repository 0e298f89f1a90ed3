import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ACCESS, AUDIENCES, COSTS, FORMS, LEVELS, PHASES, SERVICE_STATUSES, THEMES, type CatalogueEntity, type DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Lang, MessageKey } from '../../i18n/index.ts';
import { translator } from '../../i18n/index.ts';
import { truncateIp } from '../../platform/audit.ts';
import { taxonomyOf } from '../catalogue/taxonomy.ts';
import { isUuid, pageNumber } from '../services/services.input.ts';
import type { Scope } from './editing.repository.ts';
import type { OptionLists } from './editing.input.ts';
import type { Actor } from './editing.service.ts';
import { interventionOptions, locationOptions, municipalityOptions, organizationOptions } from './options.repository.ts';

/** Request-edge helpers shared by the editing, proposal, moderation and freshness routes. */
export const PAGE_SIZE = 25;

export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  if (!p) throw new AppError('unauthorized', 'Sign in first.');
  return { id: p.id, email: p.email, ip: truncateIp(request.ip) };
}

export function idParam(value: unknown): string {
  if (!isUuid(value)) throw new AppError('not_found', 'No record with this id.');
  return value.toLowerCase();
}

export function bodyOf(request: FastifyRequest): Readonly<Record<string, unknown>> {
  return request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
}

export function field(body: Readonly<Record<string, unknown>>, name: string): string {
  const v = body[name];
  return typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '';
}

/** The `_version` a form was based on; a form without one is not ours. */
export function versionOf(body: Readonly<Record<string, unknown>>, name = '_version'): number {
  const v = field(body, name);
  if (!/^\d{1,9}$/.test(v)) throw new AppError('bad_request', `Missing or malformed ${name}.`);
  return Number(v);
}

export function pageOf(query: unknown): number {
  return pageNumber((query as Record<string, unknown> | undefined)?.['pagina']);
}

export function queryText(query: unknown, name: string, max = 100): string {
  const v = (query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

const STATUS_KEYS: Readonly<Record<string, MessageKey>> = {
  active: 'editing.status.active',
  inactive: 'editing.status.inactive',
  temporarily_closed: 'editing.status.temporarily_closed',
  defunct: 'editing.status.defunct',
};

export function statusesOf(kind: CatalogueEntity): readonly string[] {
  return kind === 'service' ? SERVICE_STATUSES : ['active', 'inactive'];
}

/** Every choice a record form offers, in the reader's language; organisations within the scope. */
export async function optionLists(db: Kysely<DB>, lang: Lang, scope: Scope, organizationId: string | null): Promise<OptionLists> {
  const t = translator(lang);
  const [taxonomy, organizations, municipalities, interventions, locations] = await Promise.all([
    taxonomyOf(db),
    organizationOptions(db, scope),
    municipalityOptions(db),
    interventionOptions(db),
    locationOptions(db, organizationId),
  ]);
  const terms = (taxonomy_: string, codes: readonly string[]) => codes.map((c) => ({ value: c, label: taxonomy.label(taxonomy_, c, lang) }));
  return {
    organizations,
    municipalities,
    interventions,
    locations,
    serviceStatus: SERVICE_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s] as MessageKey) })),
    level: terms('level', LEVELS),
    audience: terms('audience', AUDIENCES),
    phase: terms('phase', PHASES),
    form: terms('form', FORMS),
    access: terms('access', ACCESS),
    cost: terms('cost', COSTS),
    theme: terms('theme', THEMES),
  };
}

/** The organisation whose locations an offering form offers: the one typed in, else the record's. */
export function organizationFor(body: Readonly<Record<string, unknown>>, fallback: string | null): string | null {
  const typed = body['organization_id'];
  return isUuid(typed) ? typed.toLowerCase() : fallback;
}
