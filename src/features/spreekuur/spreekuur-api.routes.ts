import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { translator } from '../../i18n/index.ts';
import { PRIVATE_LINK } from '../auth/auth.plugin.ts';
import type { BookingRow } from './booking.repository.ts';
import { bookSlot, manageUrl, type BookingContext } from './booking.service.ts';
import { apiShapeErrors, parseBooking, parseRange } from './spreekuur.input.ts';
import { listFreeSlots, type SlotRow } from './spreekuur.repository.ts';
import { locationOnly } from './spreekuur.presenter.ts';
import { addDays, amsterdamDay, amsterdamToUtc } from './zoned.ts';
import { budget } from '../../platform/rate-limit.ts';

/** JSON: free slots, and booking one with an idempotency key. */
export const MAX_RANGE_DAYS = 62;

interface ApiDeps {
  readonly context: (request: FastifyRequest) => BookingContext;
  readonly topics: () => Promise<string[]>;
}

function slotJson(s: SlotRow) {
  return {
    id: s.id,
    startsAt: s.starts_at.toISOString(),
    endsAt: s.ends_at.toISOString(),
    mode: s.mode,
    location: locationOnly(s) ?? null,
    remaining: s.capacity - s.booked,
  };
}

function bookingJson(b: BookingRow, url: string) {
  return { id: b.id, status: b.status, slotId: b.slot_id, startsAt: b.starts_at.toISOString(), endsAt: b.ends_at.toISOString(), topic: b.topic, manageUrl: url };
}

export function registerSpreekuurApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db } = app.deps.database;
  const { publicUrl } = app.deps.config;
  const english = translator('en');

  app.get('/api/v1/spreekuur/slots', async (request, reply) => {
    const now = new Date();
    const range = parseRange(request.query, amsterdamDay(now), MAX_RANGE_DAYS);
    if (range.kind === 'invalid') throw new AppError('bad_request', `Invalid parameter(s): ${Object.keys(range.errors).join(', ')}.`, range.errors);
    const start = amsterdamToUtc(range.from, 0);
    const slots = await listFreeSlots(db, start > now ? start : now, amsterdamToUtc(addDays(range.to, 1), 0));
    return reply.header('cache-control', 'no-store').send({ from: range.from, to: range.to, timeZone: 'Europe/Amsterdam', slots: slots.map(slotJson) });
  });

  app.post('/api/v1/spreekuur/bookings', { config: { ...PRIVATE_LINK, ...budget('bookings') } }, async (request, reply) => {
    const shape = apiShapeErrors(request.body);
    const parsed = parseBooking(request.body, { topics: await deps.topics(), requireConsent: false });
    const fieldErrors: Record<string, string> = { ...shape };
    if (parsed.kind === 'invalid') for (const [field, key] of Object.entries(parsed.errors)) fieldErrors[field] ??= english(key);
    if (parsed.kind === 'spam' || parsed.kind === 'invalid' || Object.keys(fieldErrors).length > 0) {
      throw new AppError('bad_request', `Invalid field(s): ${Object.keys(fieldErrors).join(', ') || 'body'}.`, Object.keys(fieldErrors).length > 0 ? fieldErrors : { body: 'not accepted' });
    }
    const body = request.body as Record<string, unknown>;
    const lang = body['lang'] === 'en' ? 'en' : 'nl';
    const outcome = await bookSlot(deps.context(request), parsed.input, lang);
    switch (outcome.kind) {
      case 'created':
      case 'replayed':
        return reply
          .code(outcome.kind === 'created' ? 201 : 200)
          .header('cache-control', 'no-store')
          .send(bookingJson(outcome.booking, manageUrl(publicUrl, outcome.token)));
      case 'full':
        throw new AppError('conflict', 'This slot is fully booked. Choose another one.', { slotId: 'fully booked' });
      case 'unavailable':
        throw new AppError('conflict', 'This slot cannot be booked (closed, started or unknown). Choose another one.', { slotId: 'not bookable' });
      case 'key_reused':
        // Says nothing of the earlier request: not whether it booked, nor what or when.
        throw new AppError('unprocessable', 'This idempotency key was already used for a different request. Send this booking with a new key.');
    }
  });
}
