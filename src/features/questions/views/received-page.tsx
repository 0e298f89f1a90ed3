import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { CrisisLineView } from '../../crisis/crisis.presenter.ts';
import { KidsHelp } from './kids-help.tsx';
import { Notice } from '../../../web/forms.tsx';

export interface ReceivedPageProps {
  readonly followUpUrl: string;
  readonly code: string;
  readonly emailed: boolean;
  readonly kidsLine: CrisisLineView | null;
}

/** Shown only in the answer to the submit (and to a repeat of that same submit): the link exists nowhere else. */
export function ReceivedPage({ followUpUrl, code, emailed, kidsLine }: ReceivedPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('questions.received.title')}>
      <Heading1>{t('questions.received.title')}</Heading1>
      <Notice text={t('questions.received.intro')} />
      <section class="ww-question-link" aria-labelledby="link-titel">
        <h2 class="utrecht-heading-2" id="link-titel">
          {t('questions.received.linkHeading')}
        </h2>
        <Paragraph>{t('questions.received.linkText')}</Paragraph>
        <p class="utrecht-paragraph ww-question-url">
          <a class="utrecht-link" href={followUpUrl} data-follow-up="">
            {followUpUrl}
          </a>
        </p>
        {emailed && <Paragraph>{t('questions.received.emailed')}</Paragraph>}
      </section>
      <section aria-labelledby="code-titel">
        <h2 class="utrecht-heading-2" id="code-titel">
          {t('questions.received.codeHeading')}
        </h2>
        <p class="utrecht-paragraph ww-question-code" data-code="">
          {t('questions.received.codeText', { code })}
        </p>
      </section>
      <KidsHelp line={kidsLine} />
    </Layout>
  );
}

/** A repeat of a submit whose link can no longer be shown (after a day, or after deleting). */
export function AlreadySentPage() {
  const { t } = usePage();
  return (
    <Layout title={t('questions.already.title')}>
      <Heading1>{t('questions.already.title')}</Heading1>
      <Paragraph>{t('questions.already.text')}</Paragraph>
    </Layout>
  );
}

/** One page for an unknown, deleted or anonymised link: nothing tells them apart. */
export function LinkInvalidPage() {
  const { t } = usePage();
  return (
    <Layout title={t('questions.link.title')}>
      <Heading1>{t('questions.link.title')}</Heading1>
      <Paragraph>{t('questions.link.text')}</Paragraph>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/vraag">
          {t('questions.followUp.newQuestion')}
        </a>
      </p>
    </Layout>
  );
}

export function DeletedPage() {
  const { t } = usePage();
  return (
    <Layout title={t('questions.deleted.title')}>
      <Heading1>{t('questions.deleted.title')}</Heading1>
      <Notice text={t('questions.deleted.text')} />
    </Layout>
  );
}
