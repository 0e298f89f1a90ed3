import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import type { Lang, Translate } from '../../i18n/index.ts';
import { recordAudit, truncateIp } from '../../platform/audit.ts';
import { taxonomyOf, type Taxonomy } from '../catalogue/taxonomy.ts';
import { findBooking, listBookingsBetween, listBookingsOnClosedSlots, setStaffNote, type BookingRow } from './booking.repository.ts';
import { setBookingAttendance } from './booking.service.ts';
import { parseException, parseHours, type ExceptionErrors, type ExceptionValues, type HoursErrors, type HoursValues } from './spreekuur-admin.input.ts';
import { isUuid } from './spreekuur.input.ts';
import { SPREEKUUR_PERMISSION } from './spreekuur.policy.ts';
import { dayInstant, formatDay, formatTime, formatWhen, localeOf, placeText } from './spreekuur.presenter.ts';
import { listExceptions, listHours, listLocations, locationExists } from './spreekuur.repository.ts';
import { addException, createHours, removeException, stopHours, type StaffContext } from './spreekuur.service.ts';
import { AgendaPage, type AgendaEntry } from './views/agenda-page.tsx';
import { StaffBookingPage } from './views/booking-page.tsx';
import { ExceptionsPage } from './views/exceptions-page.tsx';
import { HoursPage } from './views/hours-page.tsx';
import { addDays, amsterdamDay, amsterdamToUtc, isDay, weekStart } from './zoned.ts';

const config = { permission: SPREEKUUR_PERMISSION } as const;
const PER_PAGE = 20;
const WEEKDAY_KEYS = ['spreekuur.weekday.1', 'spreekuur.weekday.2', 'spreekuur.weekday.3', 'spreekuur.weekday.4', 'spreekuur.weekday.5', 'spreekuur.weekday.6', 'spreekuur.weekday.7'] as const;
const EMPTY_HOURS: HoursValues = { weekdays: [], startTime: '', endTime: '', slotMinutes: '20', capacity: '1', mode: 'phone', locationId: '', locationText: '', validFrom: '', validUntil: '' };
const EMPTY_EXCEPTION: ExceptionValues = { firstDay: '', lastDay: '', reason: '' };

function pageOf(value: unknown): number {
  return typeof value === 'string' && /^\d{1,4}$/.test(value) ? Math.max(1, Number(value)) : 1;
}

function staffContext(request: FastifyRequest, db: StaffContext['db']): StaffContext {
  const principal = request.principal;
  if (!principal) throw new AppError('forbidden', 'Sign in first.');
  return { db, now: new Date(), actor: { id: principal.id, email: principal.email }, ip: truncateIp(request.ip) };
}

export function agendaEntry(b: BookingRow, t: Translate, lang: Lang, taxonomy: Taxonomy): AgendaEntry {
  return {
    id: b.id,
    when: formatWhen(b.starts_at, b.ends_at, localeOf(lang)),
    name: b.name ?? '—',
    contact: [b.email, b.phone].filter(Boolean).join(', ') || '—',
    topic: taxonomy.label('theme', b.topic, lang),
    how: placeText(b, t),
    status: t(`spreekuur.status.${b.status}`),
  };
}

export function registerSpreekuurBeheerRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;

  async function hoursPage(request: FastifyRequest, reply: FastifyReply, values: HoursValues, errors: HoursErrors, status = 200) {
    const t = request.t;
    const today = amsterdamDay(new Date());
    const page = pageOf((request.query as Record<string, unknown>)['pagina']);
    const [{ rows, total }, locations] = await Promise.all([listHours(db, { activeOn: today, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }), listLocations(db)]);
    const items = rows.map((r) => ({
      id: r.id,
      days: r.weekdays.map((d) => t(WEEKDAY_KEYS[d - 1] ?? 'spreekuur.weekday.1')).join(', '),
      times: `${r.start_time.slice(0, 5)}–${r.end_time.slice(0, 5)}, ${t('spreekuur.admin.hours.slotOf', { minutes: r.slot_minutes })}`,
      how: placeText({ ...r, location_address: null }, t),
      capacity: r.capacity,
      valid: r.valid_until ? `${r.valid_from} – ${r.valid_until}` : t('spreekuur.admin.hours.from', { day: r.valid_from }),
      ended: r.valid_until !== null && r.valid_until <= today,
    }));
    const weekdays = WEEKDAY_KEYS.map((key, i) => ({ value: String(i + 1), label: t(key) }));
    const locationOptions = locations.map((l) => ({ value: l.id, label: `${l.name}, ${l.city}` }));
    const props = { items, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), weekdays, locations: locationOptions, values: { ...values, validFrom: values.validFrom || today }, errors, today };
    return reply.page(h(HoursPage, props), status);
  }

  app.get('/beheer/spreekuur', { config }, async (request, reply) => hoursPage(request, reply, EMPTY_HOURS, {}));

  app.post('/beheer/spreekuur/tijden', { config }, async (request, reply) => {
    const parsed = parseHours(request.body);
    if (parsed.kind === 'invalid') return hoursPage(request, reply, parsed.values, parsed.errors, 400);
    if (parsed.hours.locationId && !(await locationExists(db, parsed.hours.locationId))) {
      return hoursPage(request, reply, { ...EMPTY_HOURS, ...(request.body as object) } as HoursValues, { locationId: 'spreekuur.admin.error.location' }, 400);
    }
    await createHours(staffContext(request, db), parsed.hours);
    return reply.redirect('/beheer/spreekuur', 303);
  });

  app.post('/beheer/spreekuur/tijden/beeindigen', { config }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const id = body['id'];
    const lastDay = isDay(body['lastDay']) ? body['lastDay'] : amsterdamDay(new Date());
    if (!isUuid(id) || !(await stopHours(staffContext(request, db), id.toLowerCase(), lastDay))) throw new AppError('not_found', 'No such hours.');
    return reply.redirect('/beheer/spreekuur', 303);
  });

  async function exceptionsPage(request: FastifyRequest, reply: FastifyReply, values: ExceptionValues, errors: ExceptionErrors, status = 200) {
    const now = new Date();
    const page = pageOf((request.query as Record<string, unknown>)['pagina']);
    const [{ rows, total }, toContact, taxonomy] = await Promise.all([
      listExceptions(db, { fromDay: amsterdamDay(now), limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
      listBookingsOnClosedSlots(db, now, 200),
      taxonomyOf(db),
    ]);
    if (toContact.length > 0) {
      await request.audit({ action: 'agenda.read', objectType: 'spreekuur_booking', result: 'ok', detail: { view: 'closed', from: amsterdamDay(now), count: toContact.length } });
    }
    const items = rows.map((r) => ({ id: r.id, days: r.first_day === r.last_day ? r.first_day : `${r.first_day} – ${r.last_day}`, reason: r.reason }));
    const entries = toContact.map((b) => agendaEntry(b, request.t, request.lang, taxonomy));
    return reply.page(h(ExceptionsPage, { items, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), toContact: entries, values, errors }), status);
  }

  app.get('/beheer/spreekuur/uitzonderingen', { config }, async (request, reply) => exceptionsPage(request, reply, EMPTY_EXCEPTION, {}));

  app.post('/beheer/spreekuur/uitzonderingen', { config }, async (request, reply) => {
    const parsed = parseException(request.body);
    if (parsed.kind === 'invalid') return exceptionsPage(request, reply, parsed.values, parsed.errors, 400);
    await addException(staffContext(request, db), parsed.exception);
    return reply.redirect('/beheer/spreekuur/uitzonderingen', 303);
  });

  app.post('/beheer/spreekuur/uitzonderingen/verwijderen', { config }, async (request, reply) => {
    const id = (request.body as Record<string, unknown> | undefined)?.['id'];
    if (!isUuid(id) || !(await removeException(staffContext(request, db), id.toLowerCase()))) throw new AppError('not_found', 'No such exception.');
    return reply.redirect('/beheer/spreekuur/uitzonderingen', 303);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/beheer/spreekuur/agenda', { config }, async (request, reply) => {
    const week = request.query['weergave'] === 'week';
    const requested = request.query['datum'];
    if (requested !== undefined && !isDay(requested)) throw new AppError('bad_request', 'datum must be a day as YYYY-MM-DD.', { datum: 'YYYY-MM-DD' }, 'error.badDay.text');
    const anchor = requested ?? amsterdamDay(new Date());
    const first = week ? weekStart(anchor) : anchor;
    const count = week ? 7 : 1;
    const from = amsterdamToUtc(first, 0);
    const to = amsterdamToUtc(addDays(first, count), 0);
    const [bookings, taxonomy] = await Promise.all([listBookingsBetween(db, from, to), taxonomyOf(db)]);
    await request.audit({ action: 'agenda.read', objectType: 'spreekuur_booking', result: 'ok', detail: { view: week ? 'week' : 'day', from: first, to: addDays(first, count - 1), count: bookings.length } });
    const locale = localeOf(request.lang);
    const days = Array.from({ length: count }, (_, i) => addDays(first, i)).map((day) => ({
      label: formatDay(dayInstant(day), locale),
      entries: bookings.filter((b) => amsterdamDay(b.starts_at) === day).map((b) => ({ ...agendaEntry(b, request.t, request.lang, taxonomy), when: `${formatTime(b.starts_at, locale)}–${formatTime(b.ends_at, locale)}` })),
    }));
    const view = week ? '&weergave=week' : '';
    const href = (day: string, suffix: string) => `/beheer/spreekuur/agenda?datum=${day}${suffix}`;
    const title = week ? request.t('spreekuur.admin.agenda.weekTitle', { day: formatDay(dayInstant(first), locale) }) : request.t('spreekuur.admin.agenda.dayTitle', { day: formatDay(dayInstant(first), locale) });
    return reply.page(
      h(AgendaPage, {
        title,
        days,
        previous: href(addDays(first, -count), view),
        next: href(addDays(first, count), view),
        switchView: week ? { href: href(first, ''), week: false } : { href: href(first, '&weergave=week'), week: true },
      }),
    );
  });

  async function loadBooking(id: unknown): Promise<BookingRow> {
    const booking = isUuid(id) ? await findBooking(db, id.toLowerCase()) : undefined;
    if (!booking) throw new AppError('not_found', 'No such booking.');
    return booking;
  }

  app.get<{ Querystring: Record<string, string | undefined> }>('/beheer/spreekuur/afspraak', { config }, async (request, reply) => {
    const booking = await loadBooking(request.query['id']);
    await request.audit({ action: 'booking.read', objectType: 'spreekuur_booking', objectId: booking.id, result: 'ok' });
    const entry = agendaEntry(booking, request.t, request.lang, await taxonomyOf(db));
    const staff = {
      ...entry,
      statusCode: booking.status,
      topicNote: booking.topic_note ?? '',
      staffNote: booking.staff_note ?? '',
      editable: booking.status !== 'cancelled' && booking.name !== null,
      saved: request.query['opgeslagen'] === '1',
    };
    return reply.page(h(StaffBookingPage, { booking: staff }));
  });

  app.post('/beheer/spreekuur/afspraak/status', { config }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const booking = await loadBooking(body['id']);
    const status = body['status'];
    if (status !== 'booked' && status !== 'attended' && status !== 'no_show') throw new AppError('bad_request', 'Unknown status.', { status: 'booked, attended or no_show' });
    const outcome = await setBookingAttendance(staffContext(request, db), booking.id, status);
    if (outcome.kind === 'not_changeable') throw new AppError('conflict', 'This booking can no longer be changed.');
    return reply.redirect(`/beheer/spreekuur/afspraak?id=${booking.id}&opgeslagen=1`, 303);
  });

  app.post('/beheer/spreekuur/afspraak/notitie', { config }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const booking = await loadBooking(body['id']);
    const note = typeof body['note'] === 'string' ? body['note'].replace(/\r\n/g, '\n').trim() : '';
    if (note.length > 2000) throw new AppError('bad_request', 'The note is too long (at most 2000 characters).', { note: 'at most 2000 characters' });
    const ctx = staffContext(request, db);
    await db.transaction().execute(async (trx) => {
      if (!(await setStaffNote(trx, booking.id, note === '' ? null : note, ctx.now))) throw new AppError('conflict', 'This booking can no longer be changed.');
      await recordAudit(trx, { actor: ctx.actor, ip: ctx.ip, action: 'booking.note', objectType: 'spreekuur_booking', objectId: booking.id, result: 'ok', detail: { fields: ['staff_note'] } });
    });
    return reply.redirect(`/beheer/spreekuur/afspraak?id=${booking.id}&opgeslagen=1`, 303);
  });
}
