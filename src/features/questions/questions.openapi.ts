import { AUDIENCES, THEMES } from '../../db/schema.ts';

const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/QuestionProblem' } } } };

/** OpenAPI 3.1 fragment for POST /api/v1/questions, merged into /api/v1/openapi.json. */
export const questionsOpenApi = {
  paths: {
    '/api/v1/questions': {
      post: {
        operationId: 'askQuestion',
        tags: ['Vraag'],
        summary: 'Ask the question desk a question; returns the private follow-up link',
        description:
          'Stores a question for the staffed desk. The answer is sent only after the question is committed. ' +
          'The same `idempotencyKey` with the same request (topic, text, role, gemeente, email, lang) returns the first question (200) instead of a second one, with the same link, ' +
          'for 24 hours; after that, or once the asker deleted the question, it gives 409. The same key with anything else different gives 422, ' +
          'which says nothing about the earlier question. The key is also what seals the ' +
          'link for those repeats, so use a fresh random value (e.g. a UUID) per question and keep it private. ' +
          'The follow-up link is the asker\'s only key to the conversation: show it to them once and do not log it. ' +
          'Show the asker the privacy statement (/privacy) before sending. Rate-limited per client.',
        parameters: [{ name: 'lang', in: 'query', required: false, description: 'Language of the asker (e-mail and pages); default nl', schema: { type: 'string', enum: ['nl', 'en'] } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewQuestion' } } } },
        responses: {
          '201': { description: 'Stored', content: { 'application/json': { schema: { $ref: '#/components/schemas/QuestionReceipt' } } } },
          '200': { description: 'Same idempotency key and the same request as before: the first question', content: { 'application/json': { schema: { $ref: '#/components/schemas/QuestionReceipt' } } } },
          '400': { description: 'Invalid fields; `errors` names each field with the reason', ...problem },
          '409': { description: 'The idempotency key was used for this same question, whose link can no longer be shown', ...problem },
          '422': { description: 'The idempotency key was already used for a different question; send it with a new key', ...problem },
          '429': { description: 'Too many requests', ...problem },
        },
      },
    },
  },
  components: {
    schemas: {
      NewQuestion: {
        type: 'object',
        additionalProperties: false,
        required: ['topic', 'text', 'role', 'idempotencyKey'],
        properties: {
          topic: { type: 'string', enum: [...THEMES], description: "A term of taxonomy 'theme'" },
          text: { type: 'string', minLength: 5, maxLength: 4000, description: 'After trimming; control characters are removed' },
          role: { type: 'string', enum: [...AUDIENCES], description: 'Who is asking' },
          gemeente: { type: ['string', 'null'], pattern: '^GM[0-9]{4}$', description: 'CBS municipality code' },
          email: { type: ['string', 'null'], format: 'email', maxLength: 254, description: 'Optional; the link is e-mailed, and a notice (without content) when staff reply' },
          idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,128}$' },
        },
      },
      QuestionReceipt: {
        type: 'object',
        required: ['id', 'followUpUrl', 'code'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          followUpUrl: { type: 'string', format: 'uri', description: 'Private link to the conversation; only its hash is stored' },
          code: { type: 'string', pattern: '^[A-Z2-9]{4}-[A-Z2-9]{4}$', description: 'Short code to quote on the phone; not a credential' },
        },
      },
      QuestionProblem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          instance: { type: 'string' },
          requestId: { type: 'string' },
          errors: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
};
