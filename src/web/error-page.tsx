import type { MessageKey } from '../i18n/index.ts';
import { usePage } from './context.ts';
import { Heading1, Layout, Paragraph } from './layout.tsx';

export interface ErrorPageProps {
  readonly title: MessageKey;
  readonly text: MessageKey;
  readonly reason?: string;
  readonly requestId?: string;
}

export function ErrorPage({ title, text, reason, requestId }: ErrorPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t(title)}>
      <Heading1>{t(title)}</Heading1>
      <Paragraph lead>{t(text, { reason: reason ?? '' })}</Paragraph>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          {t('error.backHome')}
        </a>
      </p>
      {requestId && <p class="utrecht-paragraph ww-muted">{t('error.reference', { id: requestId })}</p>}
    </Layout>
  );
}
