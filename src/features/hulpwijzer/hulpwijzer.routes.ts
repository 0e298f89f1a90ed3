import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import { asOf, presentServiceSummary } from '../catalogue/catalogue.presenter.ts';
import { loadServiceSummaries } from '../catalogue/catalogue.repository.ts';
import { taxonomyOf } from '../catalogue/taxonomy.ts';
import { presentCrisisLine } from '../crisis/crisis.presenter.ts';
import { listCrisisLines } from '../crisis/crisis.repository.ts';
import type { Answers, Draft } from './answers.ts';
import { adviceJson, presentAdvice, type AdviceView } from './hulpwijzer.presenter.ts';
import { adviseFamily, resolvePlace, type PlaceOutcome } from './hulpwijzer.service.ts';
import { completeAnswers, parseApiBody, parseDraft, type FieldErrors } from './parse.ts';
import { isYoung } from './answers.ts';
import { neighbours, resultHref, stepAt, stepHref, stepsFor, STEPS, type StepId } from './steps.ts';
import { InvalidAnswersPage } from './views/invalid-page.tsx';
import { ResultPage, type NextStepLink } from './views/result-page.tsx';
import { RulesPage } from './views/rules-page.tsx';
import { StepPage, type StepError } from './views/step-page.tsx';
import { budget } from '../../platform/rate-limit.ts';

/** Pages of other features the result links to, shown only once such a route exists. */
const NEXT_STEPS: readonly NextStepLink[] = [
  { href: '/vraag', label: 'hulpwijzer.next.question' },
  { href: '/spreekuur', label: 'hulpwijzer.next.consultation' },
  { href: '/kennisbank', label: 'hulpwijzer.next.knowledge' },
];

function placeError(place: PlaceOutcome): StepError | null {
  switch (place.kind) {
    case 'none':
    case 'found':
      return null;
    case 'unknown_gemeente':
      return { field: 'gemeente', message: 'hulpwijzer.error.gemeenteUnknown', params: { gemeente: place.gemeente } };
    case 'unknown_postcode':
      return { field: 'gemeente', message: 'hulpwijzer.error.postcodeUnknown', params: { postcode: place.postcode } };
  }
}

/** Once found, only the municipality code travels on: the postcode is not kept in any link. */
function normalisePlace<T extends Draft>(draft: T, place: PlaceOutcome): T {
  if (place.kind !== 'found') return draft;
  const rest: { -readonly [K in keyof T]: T[K] } = { ...draft, gemeente: place.municipality.code };
  delete rest.postcode;
  return rest;
}

export function registerHulpwijzerRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;

  async function buildAdvice(request: FastifyRequest, answers: Answers, place: PlaceOutcome, channel: 'page' | 'api'): Promise<AdviceView> {
    const advice = await adviseFamily({ db, answers, municipality: place.kind === 'found' ? place.municipality : null, channel });
    const [taxonomy, summaries, lines] = await Promise.all([
      taxonomyOf(db),
      loadServiceSummaries(db, advice.matches.map((m) => m.id)),
      listCrisisLines(db),
    ]);
    const when = asOf(app.deps.config);
    const services = summaries.map((row) => presentServiceSummary(row, request.lang, taxonomy, when));
    const crisis = lines.map((row) => presentCrisisLine(row, request.lang));
    return presentAdvice(advice, answers.role, services, crisis, taxonomy, request.lang, request.t);
  }

  function invalid(reply: FastifyReply, errors: FieldErrors) {
    return reply.page(h(InvalidAnswersPage, { errors }), 400);
  }

  function showStep(reply: FastifyReply, step: StepId, draft: Draft, error: StepError | null = null, municipalityName?: string) {
    const { next, previous } = neighbours(step, draft.role);
    const steps = stepsFor(draft.role);
    return reply.page(
      h(StepPage, {
        step,
        position: steps.indexOf(step) + 1,
        total: steps.length,
        draft,
        action: next,
        backHref: previous ? stepHref(previous, draft) : null,
        error,
        ...(municipalityName ? { municipalityName } : {}),
      }),
    );
  }

  async function stepPage(request: FastifyRequest, reply: FastifyReply, n: number) {
    const step = stepAt(n);
    if (!step) throw new AppError('not_found', 'There is no such question.');
    const parsed = parseDraft(request.query as Record<string, unknown>);
    if (parsed.kind === 'invalid') return invalid(reply, parsed.errors);
    let draft = parsed.value;
    if (step !== 'role' && !draft.role) return showStep(reply, 'role', draft, { field: 'role', message: 'hulpwijzer.error.role' });
    if (step === 'communication' && isYoung(draft.role)) return reply.redirect(stepHref('childSignals', draft), 303);
    const place = await resolvePlace(db, draft);
    const error = placeError(place);
    if (error && STEPS.indexOf(step) > STEPS.indexOf('place')) return showStep(reply, 'place', draft, error);
    draft = normalisePlace(draft, place);
    return showStep(reply, step, draft, step === 'place' ? error : null, place.kind === 'found' ? place.municipality.name : undefined);
  }

  app.get('/hulpwijzer', async (request, reply) => stepPage(request, reply, 1));
  app.get<{ Params: { n: string } }>('/hulpwijzer/stap/:n', async (request, reply) =>
    stepPage(request, reply, /^[1-9]$/.test(request.params.n) ? Number(request.params.n) : 0),
  );

  app.get('/hulpwijzer/uitkomst', async (request, reply) => {
    const parsed = parseDraft(request.query as Record<string, unknown>);
    if (parsed.kind === 'invalid') return invalid(reply, parsed.errors);
    const complete = completeAnswers(parsed.value);
    if (complete.kind === 'invalid') return showStep(reply, 'role', parsed.value, { field: 'role', message: 'hulpwijzer.error.role' });
    const place = await resolvePlace(db, complete.value);
    const error = placeError(place);
    if (error) return showStep(reply, 'place', parsed.value, error);
    const answers = normalisePlace(complete.value, place);
    const view = await buildAdvice(request, answers, place, 'page');
    const links = NEXT_STEPS.filter((link) => app.hasRoute({ method: 'GET', url: link.href }));
    return reply.page(
      h(ResultPage, {
        advice: view,
        role: answers.role,
        shareHref: resultHref(answers),
        changeHref: stepHref('wishes', answers),
        nextSteps: links,
      }),
    );
  });

  app.get('/hulpwijzer/regels', async (request, reply) => {
    const taxonomy = await taxonomyOf(db);
    return reply.page(h(RulesPage, { levelLabel: (level: string) => taxonomy.label('level', level, request.lang) }));
  });

  app.post('/api/v1/hulpwijzer', { config: budget('hulpwijzer') }, async (request, reply) => {
    const parsed = parseApiBody(request.body);
    if (parsed.kind === 'invalid') {
      throw new AppError('bad_request', `Invalid field(s): ${Object.keys(parsed.errors).join(', ')}.`, parsed.errors);
    }
    const place = await resolvePlace(db, parsed.value);
    switch (place.kind) {
      case 'unknown_gemeente':
        throw new AppError('bad_request', 'Unknown municipality.', { gemeente: 'unknown municipality name or CBS code' });
      case 'unknown_postcode':
        throw new AppError('bad_request', 'Unknown postcode.', { postcode: 'postcode not found; send gemeente (municipality) instead' });
      case 'none':
      case 'found':
        break;
    }
    const view = await buildAdvice(request, parsed.value, place, 'api');
    return reply.header('cache-control', 'no-store').send(adviceJson(view));
  });
}
