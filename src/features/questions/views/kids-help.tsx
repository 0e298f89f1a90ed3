import { usePage } from '../../../web/context.ts';
import type { CrisisLineView } from '../../crisis/crisis.presenter.ts';

/** The Kindertelefoon beside everything a child or young person sees here (data from crisis_line). */
export function KidsHelp({ line }: { line: CrisisLineView | null }) {
  const { t } = usePage();
  if (!line) return null;
  return (
    <aside class="ww-question-kids" aria-labelledby="kindertelefoon-titel">
      <h2 class="utrecht-heading-2" id="kindertelefoon-titel">
        {t('questions.kids.heading')}
      </h2>
      <p class="utrecht-paragraph">
        {t('questions.kids.text', { name: line.name, phone: line.phone })}{' '}
        <a class="utrecht-link" href={line.telHref}>
          {line.phone}
        </a>
      </p>
      {line.when && <p class="utrecht-paragraph">{line.when}</p>}
      {line.url && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={line.url} rel="noopener noreferrer">
            {t('questions.kids.link', { name: line.name })}
          </a>
        </p>
      )}
    </aside>
  );
}
