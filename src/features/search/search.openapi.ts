import { FILTERS, FILTER_NAMES, MAX_PAGE, MAX_QUERY_LENGTH, SORTS } from './search.query.ts';

const arrayOf = (codes: readonly string[] | null) => ({
  type: 'array',
  items: codes ? { type: 'string', enum: [...codes] } : { type: 'string', pattern: '^[a-z]{2,3}$' },
});

/** OpenAPI 3.1 description of the sociale-kaart API; features add their own paths to it. */
export const searchOpenApi = {
  paths: {
    '/api/v1/services': {
      get: {
        summary: 'Search the offerings (aanbod) of the sociale kaart',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string', maxLength: MAX_QUERY_LENGTH }, description: 'Free text (Dutch stemming, compounds, typos)' },
          { name: 'gemeente', in: 'query', schema: { type: 'string' }, description: 'CBS code (GM0518) or municipality name' },
          { name: 'postcode', in: 'query', schema: { type: 'string', pattern: '^[1-9][0-9]{3} ?([A-Za-z]{2})?$' } },
          { name: 'afstand', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 }, description: 'Radius in km around the postcode or municipality' },
          { name: 'leeftijd', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 99 } },
          ...FILTER_NAMES.map((name) => ({ name, in: 'query', style: 'form', explode: true, schema: arrayOf(FILTERS[name].codes) })),
          { name: 'sortering', in: 'query', schema: { type: 'string', enum: [...SORTS] } },
          { name: 'pagina', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE } },
          { name: 'lang', in: 'query', schema: { type: 'string', enum: ['nl', 'en'] } },
        ],
        responses: {
          '200': { description: 'A page of offerings with facet counts', content: { 'application/json': { schema: { $ref: '#/components/schemas/ServicePage' } } } },
          '400': { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/api/v1/services/{id}': {
      get: {
        summary: 'One offering with everything needed to decide and to get in',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'lang', in: 'query', schema: { type: 'string', enum: ['nl', 'en'] } },
        ],
        responses: {
          '200': { description: 'The offering', content: { 'application/json': { schema: { type: 'object', required: ['id', 'name'] } } } },
          '404': { $ref: '#/components/responses/Problem' },
        },
      },
    },
  },
  components: {
    schemas: {
      ServiceSummary: {
        type: 'object',
        required: ['id', 'name', 'summary', 'level', 'organizationName', 'url', 'demo'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          summary: { type: 'string' },
          status: { type: 'string' },
          level: { type: 'string', enum: [...(FILTERS.hulpniveau.codes as readonly string[])] },
          levelLabel: { type: 'string' },
          organizationName: { type: 'string' },
          recognition: { type: ['object', 'null'] },
          lastVerified: { type: 'string', format: 'date' },
          freshness: { type: 'string', enum: ['fresh', 'stale', 'very_stale'] },
          demo: { type: 'boolean' },
          distanceKm: { type: ['number', 'null'] },
          url: { type: 'string' },
        },
      },
      ServicePage: {
        type: 'object',
        required: ['total', 'page', 'pageSize', 'pages', 'items', 'facets'],
        properties: {
          total: { type: 'integer' },
          page: { type: 'integer' },
          pageSize: { type: 'integer' },
          pages: { type: 'integer' },
          municipality: { type: ['object', 'null'] },
          widened: { type: 'boolean' },
          items: { type: 'array', items: { $ref: '#/components/schemas/ServiceSummary' } },
          facets: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } },
        },
      },
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
    responses: {
      Problem: { description: 'The request was not valid; `errors` names each field', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    },
  },
} as const;
