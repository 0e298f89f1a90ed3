import { Fragment } from 'preact';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, CsrfField, describedBy, ErrorSummary, FieldFrame, fieldErrors, Notice, SubmitButton } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { Cell, DataTable } from '../../beheer/beheer.parts.tsx';
import type { Problem } from '../hsds-import.collect.ts';
import type { ImportReport } from '../hsds-import.service.ts';

export interface UploadPageProps {
  readonly maxMb: number;
  readonly dryRun: boolean;
  readonly error?: MessageKey | undefined;
  readonly report?: ImportReport | undefined;
}

const SHOWN = 200;

function ProblemTable({ id, caption, problems }: { id: string; caption: string; problems: readonly Problem[] }) {
  const { t } = usePage();
  return (
    <>
      <DataTable id={id} caption={caption} head={[t('hsdsUpload.report.path'), t('hsdsUpload.report.message')]}>
        {problems.slice(0, SHOWN).map((p, i) => (
          <tr class="utrecht-table__row" key={`${p.path}-${i}`} data-problem-path={p.path}>
            <Cell>
              <code>{p.path || t('hsdsUpload.report.root')}</code>
            </Cell>
            <Cell>{p.message}</Cell>
          </tr>
        ))}
      </DataTable>
      {problems.length > SHOWN && <Paragraph>{t('hsdsUpload.report.more', { count: problems.length - SHOWN })}</Paragraph>}
    </>
  );
}

function Report({ report }: { report: ImportReport }) {
  const { t } = usePage();
  const summary = !report.ok
    ? t('hsdsUpload.report.failed', { count: report.problems.length })
    : report.dryRun
      ? t('hsdsUpload.report.checked')
      : t('hsdsUpload.report.imported', { changed: report.changed, deleted: report.deleted });
  return (
    <section aria-labelledby="resultaat" id="import-resultaat">
      <h2 class="utrecht-heading-2" id="resultaat">
        {t('hsdsUpload.report.title')}
      </h2>
      <Notice kind={report.ok ? 'ok' : 'error'} text={summary} />
      {!report.ok && <ProblemTable id="import-problemen" caption={t('hsdsUpload.report.problems')} problems={report.problems} />}
      {report.ok && (
        <dl class="ww-facts ww-facts--wide">
          {Object.entries(report.counts).map(([kind, n]) => (
            <Fragment key={kind}>
              <dt>{kind}</dt>
              <dd>{n}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {report.warnings.length > 0 && <ProblemTable id="import-opmerkingen" caption={t('hsdsUpload.report.warnings', { count: report.warnings.length })} problems={report.warnings} />}
    </section>
  );
}

export function UploadPage({ maxMb, dryRun, error, report }: UploadPageProps) {
  const { t } = usePage();
  const fileHint = t('hsdsUpload.fileHint', { mb: maxMb });
  return (
    <Layout title={t('hsdsUpload.title')}>
      <Heading1>{t('hsdsUpload.title')}</Heading1>
      <ErrorSummary errors={fieldErrors(error ? { file: error } : {}, { file: 'hsds-bestand' })} />
      <Paragraph>{t('hsdsUpload.intro')}</Paragraph>
      {report && <Report report={report} />}
      <form method="post" action="/beheer/hsds-import" enctype="multipart/form-data" novalidate class="ww-form">
        <CsrfField />
        <FieldFrame id="hsds-bestand" label={t('hsdsUpload.file')} hint={fileHint} error={error}>
          <input
            class="ww-file-input"
            type="file"
            id="hsds-bestand"
            name="bestand"
            accept="application/json,.json"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy('hsds-bestand', fileHint, error)}
          />
        </FieldFrame>
        <ChoiceGroup
          id="hsds-modus"
          name="modus"
          single
          legend={t('hsdsUpload.mode')}
          options={[
            { value: 'controleren', label: t('hsdsUpload.mode.check') },
            { value: 'importeren', label: t('hsdsUpload.mode.apply') },
          ]}
          checked={[dryRun ? 'controleren' : 'importeren']}
        />
        <SubmitButton>{t('hsdsUpload.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
