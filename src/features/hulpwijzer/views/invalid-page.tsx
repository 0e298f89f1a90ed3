import type { MessageKey } from '../../../i18n/nl.ts';
import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { FIELDS } from '../parse.ts';

/** 400: an answer in the address is not one we know; says which, and offers a fresh start. */
export function InvalidAnswersPage({ errors }: { errors: Readonly<Record<string, string>> }) {
  const { t } = usePage();
  const fields = Object.keys(errors);
  return (
    <Layout title={t('hulpwijzer.invalid.title')}>
      <Heading1>{t('hulpwijzer.invalid.title')}</Heading1>
      <Paragraph lead>{t('hulpwijzer.invalid.text')}</Paragraph>
      <ul class="utrecht-unordered-list ww-invalid-fields">
        {fields.map((field) => (
          <li key={field} data-field={field}>
            {(FIELDS as readonly string[]).includes(field) ? t(`hulpwijzer.field.${field}` as MessageKey) : field}
            {` (${field}): ${errors[field] ?? ''}`}
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/hulpwijzer">
          {t('hulpwijzer.invalid.restart')}
        </a>
      </p>
    </Layout>
  );
}
