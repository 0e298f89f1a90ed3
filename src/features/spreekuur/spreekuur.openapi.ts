import { SPREEKUUR_MODES } from '../../db/schema.ts';
import { MAX_RANGE_DAYS } from './spreekuur-api.routes.ts';

const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/SpreekuurProblem' } } } };

/** OpenAPI 3.1 fragment for the consultation-hour endpoints, merged into /api/v1/openapi.json. */
export const spreekuurOpenApi = {
  paths: {
    '/api/v1/spreekuur/slots': {
      get: {
        operationId: 'listSpreekuurSlots',
        tags: ['Spreekuur'],
        summary: 'Free consultation-hour slots with their remaining places',
        description: `Slots that start between \`from\` and \`to\` (Europe/Amsterdam days, inclusive; at most ${MAX_RANGE_DAYS} days apart; default: today and the next 13 days), not closed, not started and not full.`,
        parameters: [
          { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
        ],
        responses: {
          '200': { description: 'Free slots', content: { 'application/json': { schema: { $ref: '#/components/schemas/SpreekuurSlots' } } } },
          '400': { description: 'A malformed or unknown parameter, or a range that is too long; `errors` names each', ...problem },
        },
      },
    },
    '/api/v1/spreekuur/bookings': {
      post: {
        operationId: 'bookSpreekuurSlot',
        tags: ['Spreekuur'],
        summary: 'Book a place in a slot',
        description:
          'Books one place. The database refuses overbooking whatever the concurrency. Send a fresh `idempotencyKey` per booking: the same key with ' +
          'the same request (slot, name, email, phone, topic, topic note, lang) answers 200 with the first booking instead of booking twice; the same ' +
          'key with anything else different answers 422 and says nothing about the earlier request. The person must have seen the privacy statement (/privacy). ' +
          'An e-mail address gets a confirmation with an iCalendar file and a reminder the day before. Rate-limited per client.',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SpreekuurBookingRequest' } } } },
        responses: {
          '201': { description: 'Booked', content: { 'application/json': { schema: { $ref: '#/components/schemas/SpreekuurBooking' } } } },
          '200': { description: 'This idempotency key was used before for the same request: the booking it made', content: { 'application/json': { schema: { $ref: '#/components/schemas/SpreekuurBooking' } } } },
          '400': { description: 'Invalid fields; `errors` maps each field to the reason', ...problem },
          '409': { description: 'The slot is full, closed, started or unknown', ...problem },
          '422': { description: 'This idempotency key was already used for a different request; send the booking with a new key', ...problem },
          '429': { description: 'Too many requests', ...problem },
        },
      },
    },
  },
  components: {
    schemas: {
      SpreekuurSlot: {
        type: 'object',
        required: ['id', 'startsAt', 'endsAt', 'mode', 'location', 'remaining'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          startsAt: { type: 'string', format: 'date-time' },
          endsAt: { type: 'string', format: 'date-time' },
          mode: { type: 'string', enum: [...SPREEKUUR_MODES] },
          location: { type: ['string', 'null'] },
          remaining: { type: 'integer', minimum: 1 },
        },
      },
      SpreekuurSlots: {
        type: 'object',
        required: ['from', 'to', 'timeZone', 'slots'],
        properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' }, timeZone: { const: 'Europe/Amsterdam' }, slots: { type: 'array', items: { $ref: '#/components/schemas/SpreekuurSlot' } } },
      },
      SpreekuurBookingRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['slotId', 'name', 'topic', 'idempotencyKey'],
        description: 'At least one of email and phone.',
        properties: {
          slotId: { type: 'string', format: 'uuid' },
          name: { type: 'string', minLength: 1, maxLength: 100, description: 'Name or initials' },
          email: { type: ['string', 'null'], format: 'email', maxLength: 254 },
          phone: { type: ['string', 'null'], pattern: '^\\+?[0-9 ()-]{6,20}$' },
          topic: { type: 'string', description: "A code of the 'theme' taxonomy (e.g. parenting_plan)" },
          topicNote: { type: ['string', 'null'], maxLength: 500 },
          idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' },
          lang: { type: 'string', enum: ['nl', 'en'], description: 'Language of the e-mails (both are always included)' },
        },
      },
      SpreekuurBooking: {
        type: 'object',
        required: ['id', 'status', 'slotId', 'startsAt', 'endsAt', 'topic', 'manageUrl'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          status: { type: 'string', enum: ['booked', 'cancelled', 'attended', 'no_show'] },
          slotId: { type: 'string', format: 'uuid' },
          startsAt: { type: 'string', format: 'date-time' },
          endsAt: { type: 'string', format: 'date-time' },
          topic: { type: 'string' },
          manageUrl: { type: 'string', format: 'uri', description: 'Private link to change or cancel; give it only to the person who booked' },
        },
      },
      SpreekuurProblem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, errors: { type: 'object', additionalProperties: { type: 'string' } } },
      },
    },
  },
};
