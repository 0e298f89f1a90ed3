import type { MessageKey } from '../../../i18n/nl.ts';
import { usePage } from '../../../web/context.ts';
import { Heading1, Layout } from '../../../web/layout.tsx';
import { ServiceCard } from '../../catalogue/views/service-card.tsx';
import { CrisisLineList } from '../../crisis/views/crisis-lines.tsx';
import { isYoung, type Role } from '../answers.ts';
import type { AdviceView } from '../hulpwijzer.presenter.ts';

export interface NextStepLink {
  readonly href: string;
  readonly label: MessageKey;
}

export interface ResultPageProps {
  readonly advice: AdviceView;
  readonly role: Role;
  readonly shareHref: string;
  readonly changeHref: string;
  readonly nextSteps: readonly NextStepLink[];
}

function SafetyFirst({ advice, young }: { advice: AdviceView; young: boolean }) {
  const { t } = usePage();
  return (
    <section class="ww-crisis-block ww-safety-first" aria-labelledby="eerst-veilig">
      <h2 class="utrecht-heading-2" id="eerst-veilig">
        {t(young ? 'hulpwijzer.young.result.safetyHeading' : 'hulpwijzer.result.safetyHeading')}
      </h2>
      <ul class="utrecht-unordered-list">
        {advice.crisisLines.map((line) => (
          <li key={line.id}>{t(`hulpwijzer.now.${line.id}` as MessageKey)}</li>
        ))}
      </ul>
      <CrisisLineList lines={advice.crisisLines} />
    </section>
  );
}

/** The advice: safety first when needed, then the levels and why, the offerings, and what to do next. */
export function ResultPage({ advice, role, shareHref, changeHref, nextSteps }: ResultPageProps) {
  const { t, contactEmail } = usePage();
  const young = isYoung(role);
  const title = t(young ? 'hulpwijzer.young.result.title' : 'hulpwijzer.result.title');
  return (
    <Layout title={title} mainClass="ww-hulpwijzer-result">
      <Heading1>{title}</Heading1>
      {advice.safetyFirst && <SafetyFirst advice={advice} young={young} />}
      {!advice.safetyFirst && advice.crisisLines.length > 0 && (
        <section aria-labelledby="praten">
          <h2 class="utrecht-heading-2" id="praten">
            {t('hulpwijzer.result.talkHeading')}
          </h2>
          <CrisisLineList lines={advice.crisisLines} />
        </section>
      )}
      <section aria-labelledby="niveaus">
        <h2 class="utrecht-heading-2" id="niveaus">
          {t('hulpwijzer.result.levelsHeading')}
        </h2>
        <p class="utrecht-paragraph" data-level={advice.levels.primary}>
          <strong>{t('hulpwijzer.result.primary', { level: advice.levelLabels.primary })}</strong>
        </p>
        {advice.levelLabels.also.length > 0 && (
          <p class="utrecht-paragraph">{t('hulpwijzer.result.also', { levels: advice.levelLabels.also.join(', ') })}</p>
        )}
        <h3 class="utrecht-heading-3">{t('hulpwijzer.result.whyHeading')}</h3>
        <ul class="utrecht-unordered-list">
          {advice.reasons.map((r) => (
            <li key={r.rule} data-rule={r.rule}>
              {r.text}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="aanbod">
        <h2 class="utrecht-heading-2" id="aanbod">
          {advice.municipality
            ? t('hulpwijzer.result.servicesIn', { place: advice.municipality.name })
            : t('hulpwijzer.result.servicesHeading')}
        </h2>
        {advice.wishesRelaxed && <p class="utrecht-paragraph">{t('hulpwijzer.result.wishesRelaxed')}</p>}
        {advice.matches.length === 0 ? (
          <p class="utrecht-paragraph">{t('hulpwijzer.result.noServices', { email: contactEmail })}</p>
        ) : (
          <ol class="ww-results">
            {advice.matches.map(({ service, why }) => (
              <ServiceCard key={service.id} service={service} why={why} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="verder">
        <h2 class="utrecht-heading-2" id="verder">
          {t('hulpwijzer.result.nextHeading')}
        </h2>
        <ul class="utrecht-link-list ww-no-print">
          {nextSteps.map((link) => (
            <li key={link.href}>
              <a class="utrecht-link" href={link.href}>
                {t(link.label)}
              </a>
            </li>
          ))}
          <li>
            <a class="utrecht-link" href={changeHref}>
              {t('hulpwijzer.result.change')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href="/hulpwijzer">
              {t('hulpwijzer.result.restart')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href="/hulpwijzer/regels">
              {t('hulpwijzer.result.rulesLink')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="delen">
        <h2 class="utrecht-heading-2" id="delen">
          {t('hulpwijzer.result.shareHeading')}
        </h2>
        <p class="utrecht-paragraph">{t('hulpwijzer.result.shareText')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link ww-print-url ww-share-link" href={shareHref}>
            {t('hulpwijzer.result.shareLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
