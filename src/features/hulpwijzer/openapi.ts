import { CHILD_SIGNALS, COMMUNICATIONS, HW_PHASES, ROLES, SAFETY, WISHES } from './answers.ts';
import { LEVELS } from '../../db/schema.ts';
import { RULES } from './rules.ts';

const stringEnum = (values: readonly string[]) => ({ type: 'string', enum: [...values] });

/** OpenAPI 3.1 fragment (paths + components) for POST /api/v1/hulpwijzer, to merge into /api/v1/openapi.json. */
export const hulpwijzerOpenApi = {
  paths: {
    '/api/v1/hulpwijzer': {
      post: {
        operationId: 'adviseHulpwijzer',
        tags: ['Hulpwijzer'],
        summary: 'Levels of help and matching local offerings for a family situation',
        description:
          'Evaluates the Hulpwijzer rules (see /hulpwijzer/regels) on coded answers. Any safety answer or the signal ' +
          '`self_harm_thoughts` sets `safetyFirst` and puts the fitting crisis lines first. Each call stores one anonymous ' +
          'demand row (municipality, role, phase, age bands, chosen categories, advised levels, day); never exact ages or free text. ' +
          'Rate-limited per client. Texts (`reasons`, `why`) follow `?lang=nl|en`.',
        parameters: [{ name: 'lang', in: 'query', required: false, schema: stringEnum(['nl', 'en']) }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HulpwijzerAnswers' } } },
        },
        responses: {
          '200': {
            description: 'The advice',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/HulpwijzerAdvice' } } },
          },
          '400': {
            description: 'An unknown field or value; `errors` names each field with the reason',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/HulpwijzerProblem' } } },
          },
          '429': { description: 'Too many requests', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/HulpwijzerProblem' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      HulpwijzerAnswers: {
        type: 'object',
        additionalProperties: false,
        required: ['role'],
        properties: {
          role: stringEnum(ROLES),
          gemeente: { type: 'string', description: 'CBS municipality code (GM0503) or name (Delft, Den Haag)', maxLength: 80 },
          postcode: { type: 'string', pattern: '^[1-9][0-9]{3} ?([A-Za-z]{2})?$', description: 'Used when gemeente is absent; an unknown PC4 area gives 400 asking for gemeente' },
          phase: stringEnum(HW_PHASES),
          childAges: { type: 'array', maxItems: 10, items: { type: 'integer', minimum: 0, maximum: 23 }, description: 'Whole years; for child/youth: own age' },
          communication: stringEnum(COMMUNICATIONS),
          childSignals: { type: 'array', items: stringEnum(CHILD_SIGNALS), uniqueItems: true },
          safety: { type: 'array', items: stringEnum(SAFETY), uniqueItems: true },
          wishes: { type: 'array', items: stringEnum(WISHES), uniqueItems: true },
        },
      },
      HulpwijzerLevel: stringEnum(LEVELS),
      HulpwijzerAdvice: {
        type: 'object',
        required: ['safetyFirst', 'crisisLines', 'levels', 'reasons', 'services'],
        properties: {
          safetyFirst: { type: 'boolean' },
          crisisLines: {
            type: 'array',
            description: 'In the order to show them: 112 and Veilig Thuis for danger, 113 for suicidal thoughts, Kindertelefoon for children and youth',
            items: {
              type: 'object',
              required: ['id', 'name', 'phone'],
              properties: {
                id: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' }, free: { type: 'boolean' },
                chat: { type: 'boolean' }, alwaysOpen: { type: 'boolean' }, url: { type: ['string', 'null'] }, purpose: { type: 'string' },
              },
            },
          },
          levels: {
            type: 'object',
            required: ['primary', 'also'],
            properties: {
              primary: { $ref: '#/components/schemas/HulpwijzerLevel' },
              also: { type: 'array', maxItems: 2, items: { $ref: '#/components/schemas/HulpwijzerLevel' } },
            },
          },
          reasons: {
            type: 'array',
            items: {
              type: 'object',
              required: ['rule', 'text'],
              properties: { rule: stringEnum(RULES.map((r) => r.id)), text: { type: 'string' } },
            },
          },
          municipality: { oneOf: [{ type: 'null' }, { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } }] },
          wishesRelaxed: { type: 'boolean', description: 'True when no offering met the wishes and the level alone decided' },
          services: {
            type: 'array',
            maxItems: 10,
            items: {
              type: 'object',
              required: ['id', 'name', 'href', 'level', 'why'],
              properties: {
                id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, href: { type: 'string' },
                level: { $ref: '#/components/schemas/HulpwijzerLevel' }, organization: { type: 'string' }, national: { type: 'boolean' },
                recognition: {
                  oneOf: [
                    { type: 'null' },
                    { type: 'object', properties: { level: { type: 'string' }, date: { type: ['string', 'null'] }, programme: { type: 'string' } } },
                  ],
                },
                demo: { type: 'boolean' },
                why: { type: 'string', description: 'One line: for whom · where · recognised programme · wish met' },
              },
            },
          },
        },
      },
      HulpwijzerProblem: {
        type: 'object',
        description: 'RFC 9457 problem details',
        properties: {
          type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
          instance: { type: 'string' }, requestId: { type: 'string' },
          errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field name → reason' },
        },
      },
    },
  },
} as const;
