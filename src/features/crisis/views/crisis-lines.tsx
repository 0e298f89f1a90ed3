import { usePage } from '../../../web/context.ts';
import type { CrisisLineView } from '../crisis.presenter.ts';

export function CrisisLineCard({ line, headingLevel = 3 }: { line: CrisisLineView; headingLevel?: 2 | 3 }) {
  const { t } = usePage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="ww-crisis-line" data-line={line.id}>
      <Heading class={`utrecht-heading-${headingLevel}`}>{line.name}</Heading>
      <p class="utrecht-paragraph">{line.purpose}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link ww-phone" href={line.telHref}>
          {t('crisis.phone', { phone: line.phone })}
        </a>
        {line.phoneAlt && <span> {t('crisis.phoneAlt', { phone: line.phoneAlt })}</span>}
      </p>
      <ul class="utrecht-unordered-list">
        {line.free && <li>{t('crisis.free')}</li>}
        <li>{line.alwaysOpen ? t('crisis.alwaysOpen') : t('crisis.checkHours')}</li>
        {line.chat && <li>{t('crisis.chat')}</li>}
        {line.ageMin !== null && line.ageMax !== null && <li>{t('crisis.ages', { min: line.ageMin, max: line.ageMax })}</li>}
      </ul>
      <p class="utrecht-paragraph">{line.when}</p>
      {line.url && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link ww-print-url" href={line.url} rel="noopener">
            {t('crisis.website', { name: line.name })}
          </a>
        </p>
      )}
    </li>
  );
}

export function CrisisLineList({ lines }: { lines: readonly CrisisLineView[] }) {
  return (
    <ul class="ww-crisis-lines">
      {lines.map((line) => (
        <CrisisLineCard key={line.id} line={line} />
      ))}
    </ul>
  );
}
