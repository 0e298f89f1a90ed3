import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Collected, Kind, Problem } from './hsds-import.collect.ts';

// Our own minimal JSON Schemas for what the import reads (types and required fields per HSDS 3.0);
// the official schemas are not shipped with the application.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const uuid = { type: 'string', format: 'uuid' };
const text = { type: 'string' };
const number = { type: 'number' };
const arrayOf = (items: object) => ({ type: 'array', items });
const object = (properties: Record<string, object>, required: string[] = []) => ({ type: 'object', properties, required });
const term = object({ id: uuid, code: text, name: text, description: text, taxonomy: text, taxonomy_id: uuid });
const attribute = object({ id: uuid, link_id: uuid, taxonomy_term_id: uuid, link_type: text, link_entity: text, value: text, taxonomy_term: term }, ['id']);
const attributes = arrayOf(attribute);
const phones = arrayOf(object({ id: uuid, number: text }, ['id', 'number']));
const described = arrayOf(object({ id: uuid, description: text }, ['id']));

const SCHEMAS: Record<Kind, object> = {
  organization: object({
    id: uuid, name: text, description: text, email: text, website: text, phones, attributes, services: { type: 'array' }, locations: { type: 'array' },
  }, ['id', 'name', 'description']),
  service: object({
    id: uuid, organization_id: uuid, name: text, description: text, url: text, email: text,
    status: { enum: ['active', 'inactive', 'defunct', 'temporarily closed', 'temporarily_closed'] },
    minimum_age: number, maximum_age: number, assured_date: text, last_modified: text, application_process: text,
    fees_description: text, wait_time: text, phones, attributes, service_at_locations: { type: 'array' },
    languages: arrayOf(object({ id: uuid, code: text, name: text }, ['id'])),
    service_areas: arrayOf(object({ id: uuid, name: text, extent: text, extent_type: text }, ['id'])),
  }, ['id', 'name', 'status']),
  location: object({
    id: uuid, location_type: { enum: ['physical', 'postal', 'virtual'] }, organization_id: uuid, name: text, latitude: number, longitude: number,
    external_identifier: { type: ['string', 'number'] }, external_identifier_type: text, schedules: described, accessibility: described, attributes,
    addresses: arrayOf(object({ id: uuid, address_1: text, city: text, postal_code: text, country: text }, ['id'])),
  }, ['id', 'location_type']),
  service_at_location: object({ id: uuid, service_id: uuid, location_id: uuid }, ['id']),
  taxonomy_term: term,
  taxonomy: object({ id: uuid, name: text, description: text }, ['id', 'name']),
};

let compiled: Record<Kind, ValidateFunction> | undefined;

function validators(): Record<Kind, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const entries = (Object.entries(SCHEMAS) as [Kind, object][]).map(([kind, schema]) => [kind, ajv.compile(schema)] as const);
  compiled = Object.fromEntries(entries) as Record<Kind, ValidateFunction>;
  return compiled;
}

/** Every problem of every collected record, each with its JSON path in the file. */
export function validateCollected(collected: Collected): Problem[] {
  const problems: Problem[] = [];
  const v = validators();
  for (const kind of Object.keys(collected.records) as Kind[]) {
    for (const found of collected.records[kind].values()) {
      const validate = v[kind];
      if (validate(found.record)) continue;
      for (const e of validate.errors ?? []) {
        const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty?: string }).missingProperty)}` : '';
        problems.push({ path: `${found.path}${e.instancePath}${missing}`, message: e.keyword === 'required' ? 'is required' : (e.message ?? 'is not valid') });
      }
    }
  }
  return problems;
}
