// Test helper (not a test): the official HSDS 3.0 schemas and OpenAPI description, read from
// ../shared/data/hsds-3.0 (never copied into this repository), compiled with ajv.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { projectRoot } from '../../paths.ts';

export const hsdsDir = path.join(projectRoot, '..', 'shared', 'data', 'hsds-3.0');
export const hsdsAvailable = fs.existsSync(path.join(hsdsDir, 'schema', 'openapi.json'));
export const SKIP_NOTICE = `HSDS 3.0 schemas not found at ${hsdsDir}; conformance checks skipped.`;

const BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function instance(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, loadSchema: undefined });
  addFormats(ajv);
  ajv.addFormat('datetime', true);
  ajv.addSchema(readJson(path.join(hsdsDir, 'schema', 'openapi.json'))['components'] as object, 'openapi-components');
  // The single-table schemas refer to each other by relative file name.
  for (const file of fs.readdirSync(path.join(hsdsDir, 'schema')).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    ajv.addSchema(readJson(path.join(hsdsDir, 'schema', file)), `${BASE}${file}`);
  }
  return ajv;
}

/** A validator for a schema file relative to `schema/`, e.g. `compiled/service.json`. */
export function schemaValidator(relative: string): ValidateFunction {
  const found = cache.get(relative);
  if (found) return found;
  const a = instance();
  const id = `${BASE}${relative}`;
  if (!a.getSchema(id)) a.addSchema(readJson(path.join(hsdsDir, 'schema', relative)), id);
  const validate = a.getSchema(id);
  if (!validate) throw new Error(`schema ${relative} did not compile`);
  cache.set(relative, validate);
  return validate;
}

/** The 200 response schema of an OpenAPI path, with its references resolved against the local files. */
export function openApiValidator(apiPath: string): ValidateFunction {
  const key = `openapi:${apiPath}`;
  const found = cache.get(key);
  if (found) return found;
  const openapi = readJson(path.join(hsdsDir, 'schema', 'openapi.json')) as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }> };
  const schema = openapi.paths[apiPath]?.get.responses['200']?.content['application/json']?.schema;
  if (!schema) throw new Error(`no 200 schema for ${apiPath}`);
  const rewritten = JSON.parse(JSON.stringify(schema), (k, v: unknown) => {
    if (k !== '$ref' || typeof v !== 'string') return v;
    if (v.startsWith('#/components/')) return `openapi-components#/${v.slice('#/components/'.length)}`;
    if (v.startsWith(BASE)) schemaValidator(v.slice(BASE.length));
    return v;
  }) as object;
  const validate = instance().compile(rewritten);
  cache.set(key, validate);
  return validate;
}

export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message ?? ''}`).join('; ');
}
