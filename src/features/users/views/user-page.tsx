import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { CsrfField, ErrorSummary, fieldErrors, Notice, SubmitButton } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { formatMoment } from '../../beheer/beheer.query.ts';

import { USER_FIELD_IDS, type UserErrors, type UserForm } from '../users.input.ts';
import type { UserDetail } from '../users.service.ts';
import { UserFields, type ScopeChoices } from './user-fields.tsx';

export interface UserPageProps {
  readonly user: UserDetail;
  readonly form: UserForm;
  readonly errors: UserErrors;
  readonly choices: ScopeChoices;
  readonly notice?: MessageKey | undefined;
  readonly problem?: MessageKey | undefined;
}

function ActionForm({ action, hint, children }: { action: string; hint?: string; children: ComponentChildren }) {
  return (
    <form method="post" action={action} class="ww-form ww-action-form">
      <CsrfField />
      {hint && <Paragraph>{hint}</Paragraph>}
      <SubmitButton secondary>{children}</SubmitButton>
    </form>
  );
}

function Facts({ user }: { user: UserDetail }) {
  const { t, lang } = usePage();
  const { account, times } = user;
  const status = account.disabled ? t('users.status.disabled') : account.passwordHash === null ? t('users.status.invited') : t('users.status.active');
  return (
    <dl class="ww-facts ww-facts--wide">
      <dt>{t('users.col.email')}</dt>
      <dd>{account.email}</dd>
      <dt>{t('users.detail.status')}</dt>
      <dd data-status>{status}</dd>
      <dt>{t('users.col.twoStep')}</dt>
      <dd>{account.totpEnabled ? t('users.yes') : t('users.no')}</dd>
      <dt>{t('users.detail.created')}</dt>
      <dd>{formatMoment(times.createdAt, lang)}</dd>
      <dt>{t('users.detail.sessions')}</dt>
      <dd>{times.sessions}</dd>
    </dl>
  );
}

function Actions({ user }: { user: UserDetail }) {
  const { t } = usePage();
  const { account } = user;
  const base = `/beheer/gebruikers/${account.id}`;
  return (
    <section aria-labelledby="acties">
      <h2 class="utrecht-heading-2" id="acties">
        {t('users.detail.actions')}
      </h2>
      {account.disabled ? (
        <ActionForm action={`${base}/aanzetten`}>{t('users.action.enable')}</ActionForm>
      ) : (
        <ActionForm action={`${base}/uitzetten`} hint={t('users.action.disableHint')}>
          {t('users.action.disable')}
        </ActionForm>
      )}
      {!account.disabled && account.passwordHash === null && (
        <ActionForm action={`${base}/uitnodiging`} hint={t('users.action.resendHint')}>
          {t('users.action.resend')}
        </ActionForm>
      )}
      {account.totpSecret !== null && (
        <ActionForm action={`${base}/tweestaps-herstellen`} hint={t('users.action.resetTwoStepHint')}>
          {t('users.action.resetTwoStep')}
        </ActionForm>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/beheer/audit?type=account&object=${account.id}`}>
          {t('users.detail.auditLink')}
        </a>
      </p>
    </section>
  );
}

export function UserPage({ user, form, errors, choices, notice, problem }: UserPageProps) {
  const { t } = usePage();
  const { account } = user;
  return (
    <Layout title={t('users.detail.title', { name: account.displayName || account.email })}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/gebruikers">
          {t('users.detail.back')}
        </a>
      </p>
      <Heading1>{t('users.detail.title', { name: account.displayName || account.email })}</Heading1>
      <ErrorSummary errors={fieldErrors(errors, USER_FIELD_IDS)} />
      {problem && <Notice kind="error" text={t(problem)} />}
      {notice && <Notice text={t(notice)} />}
      <Facts user={user} />
      <section aria-labelledby="bewerken">
        <h2 class="utrecht-heading-2" id="bewerken">
          {t('users.detail.edit')}
        </h2>
        <form method="post" action={`/beheer/gebruikers/${account.id}`} novalidate class="ww-form">
          <CsrfField />
          <UserFields form={form} errors={errors} choices={choices} />
          <SubmitButton>{t('users.detail.save')}</SubmitButton>
        </form>
      </section>
      <Actions user={user} />
    </Layout>
  );
}
