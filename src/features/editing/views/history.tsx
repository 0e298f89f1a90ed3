import type { CatalogueEntity, VersionSource } from '../../../db/schema.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { CsrfField, Notice, Pagination, SubmitButton } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { OptionLists } from '../editing.input.ts';
import type { VersionRow } from '../versions.repository.ts';
import { DiffTable } from './fields.tsx';

export interface HistoryProps {
  readonly kind: CatalogueEntity;
  readonly title: string;
  readonly editHref: string;
  readonly restoreAction: string;
  readonly currentVersion: number;
  /** Newest first; one more than shown, so the last shown entry has something to compare with. */
  readonly versions: readonly VersionRow[];
  readonly pageSize: number;
  readonly page: number;
  readonly pages: number;
  readonly options: OptionLists;
  readonly restored: boolean;
}

const SOURCES: Readonly<Record<VersionSource, MessageKey>> = {
  baseline: 'editing.source.baseline',
  create: 'editing.source.create',
  editor: 'editing.source.editor',
  deactivate: 'editing.source.deactivate',
  proposal: 'editing.source.proposal',
  restore: 'editing.source.restore',
  freshness: 'editing.source.freshness',
};

export function HistoryPage(props: HistoryProps) {
  const { t, lang } = usePage();
  const shown = props.versions.slice(0, props.pageSize);
  const date = (d: Date) => d.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  return (
    <Layout title={props.title}>
      <Heading1>{props.title}</Heading1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={props.editHref}>
          {t('editing.history.back')}
        </a>
      </p>
      {props.restored && (
        <Notice text={t('editing.notice.restored')} />
      )}
      {shown.length === 0 && <Paragraph>{t('editing.history.empty')}</Paragraph>}
      <ol class="ww-history">
        {shown.map((v, i) => {
          const previous = props.versions[i + 1] ?? null;
          const headingId = `versie-${v.version}`;
          return (
            <li key={v.version} aria-labelledby={headingId}>
              <h2 class="utrecht-heading-3" id={headingId}>
                {t('editing.history.version', { version: v.version, date: date(v.createdAt) })}
              </h2>
              <p class="utrecht-paragraph">
                {t(SOURCES[v.source])}
                {v.restoredFrom !== null && ` ${t('editing.history.restoredFrom', { version: v.restoredFrom })}`}
                {v.authorEmail && ` — ${v.authorEmail}`}
              </p>
              {previous ? (
                <DiffTable kind={props.kind} before={previous.snapshot} after={v.snapshot} options={props.options} onlyChanged caption={t('editing.history.caption', { from: previous.version, to: v.version })} beforeHeading={t('editing.history.before')} afterHeading={t('editing.history.after')} />
              ) : (
                <Paragraph>{t('editing.history.first')}</Paragraph>
              )}
              {v.version !== props.currentVersion && (
                <form method="post" action={props.restoreAction}>
                  <CsrfField />
                  <input type="hidden" name="_version" value={String(props.currentVersion)} />
                  <input type="hidden" name="versie" value={String(v.version)} />
                  <SubmitButton secondary>{t('editing.history.restore', { version: v.version })}</SubmitButton>
                </form>
              )}
            </li>
          );
        })}
      </ol>
      <Pagination page={props.page} pages={props.pages} />
    </Layout>
  );
}
