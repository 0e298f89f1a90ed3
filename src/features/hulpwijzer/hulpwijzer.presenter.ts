import type { Translate } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/nl.ts';
import type { ServiceSummaryView } from '../catalogue/catalogue.presenter.ts';
import type { Taxonomy } from '../catalogue/taxonomy.ts';
import type { Lang } from '../../i18n/index.ts';
import type { CrisisLineView } from '../crisis/crisis.presenter.ts';
import type { Level } from '../../db/schema.ts';
import { isYoung, type Role, type Wish } from './answers.ts';
import type { MunicipalityRef } from './hulpwijzer.repository.ts';
import type { Advice, RankedMatch } from './hulpwijzer.service.ts';

export function optionKey(field: string, value: string, role: Role | undefined): MessageKey {
  const young = isYoung(role) && ['phase', 'childSignals', 'safety', 'wishes'].includes(field);
  return (young ? `hulpwijzer.young.${field}.${value}` : `hulpwijzer.opt.${field}.${value}`) as MessageKey;
}

/** One line: for whom · where · recognised programme · which wish it meets. Built from catalogue texts. */
export function whyThisFits(
  match: RankedMatch,
  service: ServiceSummaryView,
  role: Role,
  municipality: MunicipalityRef | null,
  t: Translate,
): string {
  const parts = [t(`hulpwijzer.why.audience.${role}` as MessageKey)];
  if (match.national) parts.push(t('hulpwijzer.why.national'));
  else if (municipality) parts.push(t('hulpwijzer.why.in', { place: municipality.name }));
  else if (service.places.length > 0) parts.push(t('hulpwijzer.why.in', { place: service.places.join(', ') }));
  if (match.recognised && match.programme) parts.push(t('hulpwijzer.why.programme', { programme: match.programme }));
  const wish: Wish | undefined = match.wishes[0];
  if (wish) parts.push(t('hulpwijzer.why.wish', { wish: t(optionKey('wishes', wish, role)).toLowerCase() }));
  return parts.join(' · ');
}

export interface MatchView {
  readonly service: ServiceSummaryView;
  readonly why: string;
}

export interface AdviceView {
  readonly safetyFirst: boolean;
  readonly crisisLines: readonly CrisisLineView[];
  readonly levels: { readonly primary: Level; readonly also: readonly Level[] };
  readonly levelLabels: { readonly primary: string; readonly also: readonly string[] };
  readonly reasons: readonly { readonly rule: string; readonly text: string }[];
  readonly municipality: MunicipalityRef | null;
  readonly matches: readonly MatchView[];
  readonly wishesRelaxed: boolean;
}

export function presentAdvice(
  advice: Advice,
  role: Role,
  services: readonly ServiceSummaryView[],
  crisisLines: readonly CrisisLineView[],
  taxonomy: Taxonomy,
  lang: Lang,
  t: Translate,
): AdviceView {
  const byId = new Map(services.map((s) => [s.id, s]));
  const { decision } = advice;
  return {
    safetyFirst: decision.safetyFirst,
    crisisLines: decision.crisisRoutes.flatMap((id) => crisisLines.filter((l) => l.id === id)),
    levels: decision.levels,
    levelLabels: {
      primary: taxonomy.label('level', decision.levels.primary, lang),
      also: decision.levels.also.map((l) => taxonomy.label('level', l, lang)),
    },
    reasons: decision.reasons.map((r) => ({ rule: r.rule, text: r[lang] })),
    municipality: advice.municipality ? { code: advice.municipality.code, name: advice.municipality.name } : null,
    matches: advice.matches.flatMap((m) => {
      const service = byId.get(m.id);
      return service ? [{ service, why: whyThisFits(m, service, role, advice.municipality, t) }] : [];
    }),
    wishesRelaxed: advice.wishesRelaxed,
  };
}

/** What the API returns: the advice, with only the fields of an offering a client needs. */
export function adviceJson(view: AdviceView) {
  return {
    safetyFirst: view.safetyFirst,
    crisisLines: view.crisisLines.map((l) => ({
      id: l.id, name: l.name, phone: l.phone, free: l.free, chat: l.chat, alwaysOpen: l.alwaysOpen, url: l.url, purpose: l.purpose,
    })),
    levels: { primary: view.levels.primary, also: [...view.levels.also] },
    reasons: view.reasons.map((r) => ({ rule: r.rule, text: r.text })),
    municipality: view.municipality ? { code: view.municipality.code, name: view.municipality.name } : null,
    wishesRelaxed: view.wishesRelaxed,
    services: view.matches.map(({ service, why }) => ({
      id: service.id,
      name: service.name,
      href: service.href,
      level: service.level,
      organization: service.organizationName,
      national: service.national,
      recognition: service.recognition
        ? { level: service.recognition.label, date: service.recognition.date, programme: service.recognition.programme }
        : null,
      demo: service.demo,
      why,
    })),
  };
}
