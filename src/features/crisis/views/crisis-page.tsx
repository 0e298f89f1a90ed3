import { content } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { CrisisLineView } from '../crisis.presenter.ts';
import { CrisisLineList } from './crisis-lines.tsx';

export function CrisisPage({ lines }: { lines: readonly CrisisLineView[] }) {
  const { lang, t } = usePage();
  const text = content(lang).crisis;
  const acute = lines.find((l) => l.id === '112');
  return (
    <Layout title={text.title}>
      <Heading1>{text.title}</Heading1>
      <Paragraph lead>{text.lead}</Paragraph>
      <section class="ww-crisis-block" aria-labelledby="acuut">
        <h2 class="utrecht-heading-2" id="acuut">
          {text.acuteHeading}
        </h2>
        <p class="utrecht-paragraph">{text.acuteText}</p>
        {acute && (
          <p class="utrecht-paragraph">
            <a class="utrecht-link ww-phone" href={acute.telHref}>
              {t('crisis.phone', { phone: acute.phone })}
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="kinderen">
        <h2 class="utrecht-heading-2" id="kinderen">
          {text.childrenHeading}
        </h2>
        <p class="utrecht-paragraph">{text.childrenText}</p>
      </section>
      <section aria-labelledby="lijnen">
        <h2 class="utrecht-heading-2" id="lijnen">
          {t('crisis.linesHeading')}
        </h2>
        <p class="utrecht-paragraph ww-muted">{text.hoursNote}</p>
        <CrisisLineList lines={lines} />
      </section>
    </Layout>
  );
}
