import { interpolate } from '../../../i18n/index.ts';
import type { ContentPage as Page } from '../../../i18n/content/nl.ts';
import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';

/** Long texts may use {email}, {siteName} and {retentionMonths} (the configured retention of personal data). */
export function ContentPage({ page, retentionMonths }: { page: Page; retentionMonths: number }) {
  const { siteName, contactEmail } = usePage();
  const fill = (text: string) => interpolate(text, { email: contactEmail, siteName, retentionMonths });
  return (
    <Layout title={page.title}>
      <div class="ww-prose">
        <Heading1>{page.title}</Heading1>
        <Paragraph lead>{fill(page.lead)}</Paragraph>
        {page.sections.map((section) => (
          <section key={section.heading}>
            <h2 class="utrecht-heading-2">{section.heading}</h2>
            {section.paragraphs.map((p) => (
              <Paragraph key={p}>{fill(p)}</Paragraph>
            ))}
          </section>
        ))}
      </div>
    </Layout>
  );
}
