import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, fieldErrors, Notice, SubmitButton, TextArea } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { CrisisLineView } from '../../crisis/crisis.presenter.ts';
import { askerMayReply } from '../questions.policy.ts';
import { TEXT_MAX } from '../questions.input.ts';
import type { MessageView, QuestionView } from '../questions.presenter.ts';
import { KidsHelp } from './kids-help.tsx';
import { ASKER_STATUS_LABELS } from './labels.ts';

export interface FollowUpPageProps {
  readonly token: string;
  readonly question: QuestionView;
  readonly replied: boolean;
  readonly reply: { readonly text: string; readonly error?: MessageKey | undefined };
  readonly deleteError?: MessageKey | undefined;
  readonly kidsLine: CrisisLineView | null;
}

const IDS = { reply: 'reactie-tekst', confirm: 'verwijder-bevestig' } as const;

function Message({ message }: { message: MessageView }) {
  const { t } = usePage();
  const mine = message.kind === 'asker';
  return (
    <li class={`ww-question-message ww-question-message--${mine ? 'asker' : 'staff'}`}>
      <p class="ww-question-message__meta">{t(mine ? 'questions.followUp.fromYou' : 'questions.followUp.fromDesk', { date: message.date })}</p>
      <p class="utrecht-paragraph ww-question-message__body">{message.body}</p>
      {message.services.length > 0 && (
        <>
          <p class="utrecht-paragraph">{t('questions.followUp.suggested')}</p>
          <ul class="utrecht-unordered-list">
            {message.services.map((s) => (
              <li key={s.id}>
                <a class="utrecht-link" href={s.href}>
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

/** The asker's private page: the question, the visible conversation, reply, delete. Never notes or staff names. */
export function FollowUpPage({ token, question, replied, reply, deleteError, kidsLine }: FollowUpPageProps) {
  const { t } = usePage();
  const base = `/vraag/volg/${token}`;
  const open = askerMayReply(question.status);
  return (
    <Layout title={t('questions.followUp.title')}>
      <Heading1>{t('questions.followUp.title')}</Heading1>
      <ErrorSummary errors={fieldErrors({ reply: reply.error, confirm: deleteError }, IDS)} />
      {replied && (
        <Notice text={t('questions.followUp.replied')} />
      )}
      <dl class="ww-question-meta">
        <dt>{t('questions.followUp.status')}</dt>
        <dd>{t(ASKER_STATUS_LABELS[question.status])}</dd>
        <dt>{t('questions.followUp.topic')}</dt>
        <dd>{question.topic}</dd>
        <dt>{t('questions.followUp.asked')}</dt>
        <dd>{question.asked}</dd>
      </dl>
      <p class="utrecht-paragraph">{t('questions.followUp.code', { code: question.code })}</p>
      <p class="utrecht-paragraph ww-question-message__body">{question.body}</p>
      <h2 class="utrecht-heading-2">{t('questions.followUp.conversation')}</h2>
      {question.messages.length === 0 ? (
        <Paragraph>{t('questions.followUp.noAnswer')}</Paragraph>
      ) : (
        <ol class="ww-question-messages">
          {question.messages.map((m, i) => (
            <Message key={i} message={m} />
          ))}
        </ol>
      )}
      {open ? (
        <form method="post" action={`${base}/reactie`} novalidate class="ww-form">
          <h2 class="utrecht-heading-2">{t('questions.followUp.replyHeading')}</h2>
          <CsrfField />
          <TextArea id={IDS.reply} name="text" label={t('questions.followUp.replyLabel')} error={reply.error} value={reply.text} maxLength={TEXT_MAX} required />
          <SubmitButton>{t('questions.followUp.replySubmit')}</SubmitButton>
        </form>
      ) : (
        <p class="utrecht-paragraph">
          {t('questions.followUp.closed')}{' '}
          <a class="utrecht-link" href="/vraag">
            {t('questions.followUp.newQuestion')}
          </a>
        </p>
      )}
      <KidsHelp line={kidsLine} />
      <form method="post" action={`${base}/verwijderen`} novalidate class="ww-form ww-question-delete">
        <h2 class="utrecht-heading-2">{t('questions.followUp.deleteHeading')}</h2>
        <Paragraph>{t('questions.followUp.deleteText')}</Paragraph>
        <CsrfField />
        <ChoiceGroup
          id={IDS.confirm}
          name="confirm"
          legend={t('questions.followUp.deleteHeading')}
          error={deleteError}
          options={[{ value: 'yes', label: t('questions.followUp.deleteConfirm') }]}
          checked={[]}
        />
        <SubmitButton secondary>{t('questions.followUp.deleteSubmit')}</SubmitButton>
      </form>
    </Layout>
  );
}
