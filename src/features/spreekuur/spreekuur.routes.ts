import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { truncateIp } from '../../platform/audit.ts';
import { PRIVATE_LINK } from '../auth/auth.plugin.ts';
import { taxonomyOf } from '../catalogue/taxonomy.ts';
import type { BookingRow } from './booking.repository.ts';
import { bookSlot, cancelBooking, findBookingByToken, manageToken, rebookBooking, type BookingContext } from './booking.service.ts';
import { registerSpreekuurApiRoutes } from './spreekuur-api.routes.ts';
import { registerSpreekuurBeheerRoutes } from './spreekuur-beheer.routes.ts';
import { parseBooking, isUuid, type BookingErrors, type BookingValues } from './spreekuur.input.ts';
import { registerSpreekuurJobs } from './spreekuur.jobs.ts';
import { dayInstant, formatDay, formatTime, formatWhen, localeOf, placeText } from './spreekuur.presenter.ts';
import { listFreeDays, listFreeSlotsOn, type FreeDay } from './spreekuur.service.ts';
import type { SlotRow } from './spreekuur.repository.ts';
import { BookPage } from './views/book-page.tsx';
import { DaysPage } from './views/days-page.tsx';
import { ManagePage, RebookPage, type ManagedBooking } from './views/manage-page.tsx';
import type { DayLink, SlotOption } from './views/parts.tsx';
import { isDay } from './zoned.ts';
import { budget } from '../../platform/rate-limit.ts';

const DAYS_PER_PAGE = 10;

const STATUS_LABELS: Record<BookingRow['status'], MessageKey> = {
  booked: 'spreekuur.status.booked',
  cancelled: 'spreekuur.status.cancelled',
  attended: 'spreekuur.status.attended',
  no_show: 'spreekuur.status.no_show',
};
const NOTICES: Record<string, MessageKey> = { nieuw: 'spreekuur.manage.created', geannuleerd: 'spreekuur.manage.cancelled', verzet: 'spreekuur.manage.rebooked' };

function pageOf(value: unknown): number {
  return typeof value === 'string' && /^\d{1,4}$/.test(value) ? Math.max(1, Number(value)) : 1;
}

function dayLinks(days: readonly FreeDay[], page: number, locale: string): { days: DayLink[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(days.length / DAYS_PER_PAGE));
  const current = Math.min(page, pages);
  const slice = days.slice((current - 1) * DAYS_PER_PAGE, current * DAYS_PER_PAGE);
  return { days: slice.map((d) => ({ ...d, label: formatDay(dayInstant(d.day), locale) })), page: current, pages };
}

export function slotOptions(slots: readonly SlotRow[], t: Translate, locale: string): SlotOption[] {
  return slots.map((s) => ({ id: s.id, label: `${formatTime(s.starts_at, locale)}–${formatTime(s.ends_at, locale)} · ${placeText(s, t)}` }));
}

export function registerSpreekuurRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { config, cookieSecret } = app.deps;
  const mail = { publicUrl: config.publicUrl, siteName: config.siteName };
  registerSpreekuurJobs(app.jobs, { ...mail, secret: cookieSecret, retentionMonths: config.retentionMonths });
  const context = (request: FastifyRequest): BookingContext => ({ db, now: new Date(), secret: cookieSecret, mail, ip: truncateIp(request.ip) });
  const topics = async (request: FastifyRequest) => {
    const taxonomy = await taxonomyOf(db);
    return taxonomy.codes('theme').map((code) => ({ value: code, label: taxonomy.label('theme', code, request.lang) }));
  };

  async function renderBookPage(request: FastifyRequest, reply: FastifyReply, day: string, values: BookingValues, errors: BookingErrors, status = 200, notice?: MessageKey) {
    const locale = localeOf(request.lang);
    const slots = await listFreeSlotsOn(db, day, new Date());
    const props = { day, dayLabel: formatDay(dayInstant(day), locale), slots: slotOptions(slots, request.t, locale), topics: await topics(request), values, errors, notice };
    return reply.page(h(BookPage, props), status);
  }

  async function managed(request: FastifyRequest, booking: BookingRow): Promise<ManagedBooking> {
    const taxonomy = await taxonomyOf(db);
    const t = request.t;
    return {
      token: manageToken(cookieSecret, booking.id),
      when: formatWhen(booking.starts_at, booking.ends_at, localeOf(request.lang)),
      how: placeText(booking, t),
      topic: taxonomy.label('theme', booking.topic, request.lang),
      name: booking.name ?? '',
      contact: [booking.email, booking.phone].filter(Boolean).join(', '),
      statusLabel: t(STATUS_LABELS[booking.status]),
      live: booking.status === 'booked' && booking.starts_at > new Date(),
    };
  }

  async function bookingFor(token: unknown): Promise<BookingRow> {
    const booking = await findBookingByToken(db, token);
    if (!booking) throw new AppError('not_found', 'This link is not (or no longer) valid.');
    return booking;
  }

  app.get<{ Querystring: { pagina?: string } }>('/spreekuur', async (request, reply) => {
    const view = dayLinks(await listFreeDays(db, new Date()), pageOf(request.query.pagina), localeOf(request.lang));
    return reply.page(h(DaysPage, view));
  });

  app.get<{ Querystring: { datum?: string } }>('/spreekuur/dag', async (request, reply) => {
    const day = request.query.datum;
    if (!isDay(day)) throw new AppError('bad_request', 'datum must be a day as YYYY-MM-DD.', { datum: 'YYYY-MM-DD' }, 'error.badDay.text');
    const values: BookingValues = { slotId: '', name: '', email: '', phone: '', topic: '', topicNote: '', consent: false, idempotencyKey: randomUUID() };
    return renderBookPage(request, reply, day, values, {});
  });

  app.post('/spreekuur/boeken', { config: budget('bookings') }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const day = isDay(body['datum']) ? body['datum'] : null;
    const parsed = parseBooking(body, { topics: (await topics(request)).map((o) => o.value), requireConsent: true });
    if (parsed.kind === 'spam') return reply.redirect('/spreekuur', 303);
    if (!day) throw new AppError('bad_request', 'The form is incomplete.');
    if (parsed.kind === 'invalid') {
      const values = parsed.errors.idempotencyKey ? { ...parsed.values, idempotencyKey: randomUUID() } : parsed.values;
      return renderBookPage(request, reply, day, values, parsed.errors, 400);
    }
    const outcome = await bookSlot(context(request), parsed.input, request.lang);
    switch (outcome.kind) {
      case 'created':
      case 'replayed':
        return reply.redirect(`/spreekuur/afspraak?sleutel=${outcome.token}&nieuw=1`, 303);
      case 'full':
        return renderBookPage(request, reply, day, { ...parsed.values, slotId: '' }, { slotId: 'spreekuur.error.full' }, 409);
      case 'unavailable':
        return renderBookPage(request, reply, day, { ...parsed.values, slotId: '' }, { slotId: 'spreekuur.error.slotGone' }, 409);
      case 'key_reused':
        // Never the earlier booking's link: the form again as typed, with a fresh key to send it anew.
        return renderBookPage(request, reply, day, { ...parsed.values, idempotencyKey: randomUUID() }, {}, 422, 'spreekuur.book.alreadySent');
    }
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/spreekuur/afspraak', { config: PRIVATE_LINK }, async (request, reply) => {
    const booking = await bookingFor(request.query['sleutel']);
    const notice = Object.keys(NOTICES).find((k) => request.query[k] === '1');
    return reply.page(h(ManagePage, { booking: await managed(request, booking), notice: notice ? (NOTICES[notice] ?? null) : null }));
  });

  app.post('/spreekuur/afspraak/annuleren', { config: { ...PRIVATE_LINK, ...budget('booking-changes') } }, async (request, reply) => {
    const token = (request.body as Record<string, unknown> | undefined)?.['sleutel'];
    const booking = await bookingFor(token);
    await cancelBooking(context(request), booking);
    return reply.redirect(`/spreekuur/afspraak?sleutel=${String(token)}&geannuleerd=1`, 303);
  });

  async function renderRebook(request: FastifyRequest, reply: FastifyReply, booking: BookingRow, day: string | null, error?: MessageKey, status = 200) {
    const locale = localeOf(request.lang);
    const token = manageToken(cookieSecret, booking.id);
    const current = formatWhen(booking.starts_at, booking.ends_at, locale);
    const step = day
      ? { kind: 'slots' as const, day, dayLabel: formatDay(dayInstant(day), locale), slots: slotOptions((await listFreeSlotsOn(db, day, new Date())).filter((s) => s.id !== booking.slot_id), request.t, locale) }
      : { kind: 'days' as const, ...dayLinks(await listFreeDays(db, new Date()), pageOf((request.query as Record<string, unknown>)['pagina']), locale) };
    return reply.page(h(RebookPage, { token, current, step, error }), status);
  }

  app.get<{ Querystring: Record<string, string | undefined> }>('/spreekuur/afspraak/verzetten', { config: PRIVATE_LINK }, async (request, reply) => {
    const booking = await bookingFor(request.query['sleutel']);
    if (booking.status !== 'booked' || booking.starts_at <= new Date()) return reply.redirect(`/spreekuur/afspraak?sleutel=${request.query['sleutel']}`, 303);
    const day = request.query['datum'];
    return renderRebook(request, reply, booking, isDay(day) ? day : null);
  });

  app.post('/spreekuur/afspraak/verzetten', { config: { ...PRIVATE_LINK, ...budget('booking-changes') } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const booking = await bookingFor(body['sleutel']);
    const day = isDay(body['datum']) ? body['datum'] : null;
    const slotId = body['slotId'];
    if (!isUuid(slotId)) return renderRebook(request, reply, booking, day, 'spreekuur.error.slot', 400);
    const outcome = await rebookBooking(context(request), booking, slotId.toLowerCase());
    switch (outcome.kind) {
      case 'done':
        return reply.redirect(`/spreekuur/afspraak?sleutel=${String(body['sleutel'])}&verzet=1`, 303);
      case 'not_live':
        return reply.redirect(`/spreekuur/afspraak?sleutel=${String(body['sleutel'])}`, 303);
      // Shown from the booking as it is now: the row read above may predate a change in another tab.
      case 'full':
        return renderRebook(request, reply, await bookingFor(body['sleutel']), day, 'spreekuur.error.full', 409);
      case 'unavailable':
        return renderRebook(request, reply, await bookingFor(body['sleutel']), day, 'spreekuur.error.slotGone', 409);
    }
  });

  registerSpreekuurApiRoutes(app, { context, topics: async () => (await taxonomyOf(db)).codes('theme') });
  registerSpreekuurBeheerRoutes(app);
}
