import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, fieldErrors, Notice, SelectField, SubmitButton, TextArea, TextField } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { TEXT_MAX } from '../questions.input.ts';
import type { MessageView, QuestionView } from '../questions.presenter.ts';
import type { ServiceLink } from '../questions.repository.ts';
import { roleLabel, STATUS_LABELS } from './labels.ts';

export type DeskErrors = Partial<Record<'assignee' | 'note' | 'reply' | 'services', MessageKey>>;

const IDS = { assignee: 'toewijzen-medewerker', note: 'notitie-tekst', reply: 'antwoord-tekst', services: 'antwoord-aanbod-ids' } as const;

export interface DeskQuestionProps {
  readonly question: QuestionView;
  readonly handlers: readonly { id: string; name: string; email: string }[];
  readonly search: string;
  readonly found: readonly ServiceLink[];
  readonly done: 'assign' | 'note' | 'reply' | 'close' | null;
  readonly errors: DeskErrors;
  readonly values: Readonly<Record<string, string>>;
  readonly retentionMonths: number;
}

const DONE_TEXT: Record<NonNullable<DeskQuestionProps['done']>, MessageKey> = {
  assign: 'questions.desk.done.assign',
  note: 'questions.desk.done.note',
  reply: 'questions.desk.done.reply',
  close: 'questions.desk.done.close',
};

function Entry({ message }: { message: MessageView }) {
  const { t } = usePage();
  const label: Record<MessageView['kind'], MessageKey> = { asker: 'questions.desk.kind.asker', staff: 'questions.desk.kind.staff', note: 'questions.desk.kind.note' };
  return (
    <li class={`ww-question-message ww-question-message--${message.kind}`}>
      <p class="ww-question-message__meta">{t(label[message.kind], { name: message.authorName, date: message.date })}</p>
      <p class="utrecht-paragraph ww-question-message__body">{message.body}</p>
      {message.services.length > 0 && (
        <ul class="utrecht-unordered-list">
          {message.services.map((s) => (
            <li key={s.id}>
              <a class="utrecht-link" href={s.href}>
                {s.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ReplyForm({ question, search, found, errors, values }: Pick<DeskQuestionProps, 'question' | 'search' | 'found' | 'errors' | 'values'>) {
  const { t, lang } = usePage();
  const base = `/beheer/vragen/${question.id}`;
  return (
    <section aria-labelledby="antwoord-titel">
      <h2 class="utrecht-heading-2" id="antwoord-titel">
        {t('questions.desk.reply.heading')}
      </h2>
      <form method="get" action={`${base}#antwoord-titel`} class="ww-form">
        <TextField id="aanbod-zoek" name="zoek" type="search" label={t('questions.desk.search.label')} value={search} maxLength={100} />
        <SubmitButton secondary>{t('questions.desk.search.submit')}</SubmitButton>
      </form>
      {search.length >= 2 && found.length === 0 && <Paragraph>{t('questions.desk.search.none')}</Paragraph>}
      <form method="post" action={`${base}/antwoord`} novalidate class="ww-form">
        <CsrfField />
        <TextArea id={IDS.reply} name="text" label={t('questions.desk.reply.label')} hint={t('questions.desk.reply.hint')} error={errors.reply} value={values['reply'] ?? ''} rows={8} maxLength={TEXT_MAX} />
        {found.length > 0 && (
          <ChoiceGroup id="antwoord-aanbod" name="services" legend={t('questions.desk.reply.services')} options={found.map((s) => ({ value: s.id, label: lang === 'nl' ? s.name_nl : s.name_en }))} checked={[]} />
        )}
        <TextField id={IDS.services} name="serviceIds" label={t('questions.desk.reply.serviceIds')} hint={t('questions.desk.reply.serviceIdsHint')} error={errors.services} value={values['serviceIds'] ?? ''} maxLength={400} />
        <ChoiceGroup
          id="antwoord-daarna"
          name="next"
          legend={t('questions.desk.reply.wait')}
          options={[
            { value: 'answered', label: t('questions.desk.reply.answered') },
            { value: 'waiting', label: t('questions.desk.reply.waiting') },
          ]}
          checked={['answered']}
          single
        />
        <SubmitButton>{t('questions.desk.reply.submit')}</SubmitButton>
      </form>
    </section>
  );
}

/** One question for the desk: everything, internal notes included. Opening this page is an audit row. */
export function DeskQuestionPage(props: DeskQuestionProps) {
  const { question, handlers, done, errors, values, retentionMonths } = props;
  const { t } = usePage();
  const base = `/beheer/vragen/${question.id}`;
  return (
    <Layout title={t('questions.desk.detail.title', { code: question.code })}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/vragen">
          {t('questions.desk.detail.back')}
        </a>
      </p>
      <Heading1>{t('questions.desk.detail.title', { code: question.code })}</Heading1>
      <ErrorSummary errors={fieldErrors(errors, IDS)} />
      {done && (
        <Notice text={t(DONE_TEXT[done])} />
      )}
      <dl class="ww-question-meta">
        <dt>{t('questions.desk.col.status')}</dt>
        <dd>{t(STATUS_LABELS[question.status])}</dd>
        <dt>{t('questions.desk.col.topic')}</dt>
        <dd>{question.topic}</dd>
        <dt>{t('questions.desk.col.role')}</dt>
        <dd>{t(roleLabel(question.role))}</dd>
        <dt>{t('questions.desk.col.gemeente')}</dt>
        <dd>{question.municipality ?? t('questions.desk.unknown')}</dd>
        <dt>{t('questions.desk.col.received')}</dt>
        <dd>{question.asked}</dd>
        <dt>{t('questions.desk.detail.lang')}</dt>
        <dd>{question.lang}</dd>
        <dt>{t('questions.desk.detail.contact')}</dt>
        <dd>{t(question.hasEmail ? 'questions.desk.detail.emailYes' : 'questions.desk.detail.emailNo')}</dd>
      </dl>
      <h2 class="utrecht-heading-2">{t('questions.desk.detail.question')}</h2>
      <p class="utrecht-paragraph ww-question-message__body">{question.body}</p>
      <h2 class="utrecht-heading-2">{t('questions.desk.detail.conversation')}</h2>
      {question.messages.length === 0 ? (
        <Paragraph>{t('questions.desk.detail.none')}</Paragraph>
      ) : (
        <ol class="ww-question-messages">
          {question.messages.map((m, i) => (
            <Entry key={i} message={m} />
          ))}
        </ol>
      )}
      <ReplyForm {...props} />
      <form method="post" action={`${base}/notitie`} novalidate class="ww-form">
        <h2 class="utrecht-heading-2">{t('questions.desk.note.heading')}</h2>
        <CsrfField />
        <TextArea id={IDS.note} name="text" label={t('questions.desk.note.label')} hint={t('questions.desk.note.hint')} error={errors.note} value={values['note'] ?? ''} rows={3} maxLength={TEXT_MAX} />
        <SubmitButton secondary>{t('questions.desk.note.submit')}</SubmitButton>
      </form>
      <form method="post" action={`${base}/toewijzen`} novalidate class="ww-form">
        <h2 class="utrecht-heading-2">{t('questions.desk.assign.heading')}</h2>
        <CsrfField />
        <SelectField id={IDS.assignee} name="assignee" label={t('questions.desk.assign.label')} error={errors.assignee} value={question.assignedTo ?? ''} options={handlers.map((h) => ({ value: h.id, label: h.name || h.email }))} />
        <SubmitButton secondary>{t('questions.desk.assign.submit')}</SubmitButton>
      </form>
      {question.status !== 'closed' && (
        <form method="post" action={`${base}/sluiten`} class="ww-form">
          <h2 class="utrecht-heading-2">{t('questions.desk.close.heading')}</h2>
          <Paragraph>{t('questions.desk.close.text', { months: retentionMonths })}</Paragraph>
          <CsrfField />
          <SubmitButton secondary>{t('questions.desk.close.submit')}</SubmitButton>
        </form>
      )}
    </Layout>
  );
}
