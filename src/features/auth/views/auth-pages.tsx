import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { CsrfField, ErrorSummary, fieldErrors, Notice, SubmitButton, TextField } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';

export interface SignInPageProps {
  readonly email: string;
  readonly next: string;
  readonly errors: Partial<Record<'email' | 'password', MessageKey>>;
  readonly problem?: MessageKey | undefined;
  readonly notice?: MessageKey | undefined;
}

const SIGN_IN_IDS = { email: 'inloggen-email', password: 'inloggen-wachtwoord' } as const;

export function SignInPage({ email, next, errors, problem, notice }: SignInPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('auth.signIn.title')}>
      <Heading1>{t('auth.signIn.title')}</Heading1>
      <ErrorSummary errors={fieldErrors(errors, SIGN_IN_IDS)} />
      {problem && <Notice kind="error" text={t(problem)} />}
      {notice && <Notice kind="ok" text={t(notice)} />}
      <Paragraph>{t('auth.signIn.intro')}</Paragraph>
      <form method="post" action="/inloggen" novalidate class="ww-form">
        <CsrfField />
        <input type="hidden" name="terug" value={next} />
        <TextField id={SIGN_IN_IDS.email} name="email" type="email" autoComplete="username" label={t('auth.signIn.email')} value={email} error={errors.email} required />
        <TextField id={SIGN_IN_IDS.password} name="password" type="password" autoComplete="current-password" label={t('auth.signIn.password')} error={errors.password} required />
        <SubmitButton>{t('auth.signIn.submit')}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/wachtwoord-vergeten">
          {t('auth.signIn.forgot')}
        </a>
      </p>
    </Layout>
  );
}

export function CodePage({ error, next }: { error?: MessageKey | undefined; next: string }) {
  const { t } = usePage();
  const errors = error ? { code: error } : {};
  return (
    <Layout title={t('auth.code.title')}>
      <Heading1>{t('auth.code.title')}</Heading1>
      <ErrorSummary errors={fieldErrors(errors, { code: 'inloggen-code' })} />
      <Paragraph>{t('auth.code.intro')}</Paragraph>
      <form method="post" action="/inloggen/code" novalidate class="ww-form">
        <CsrfField />
        <input type="hidden" name="terug" value={next} />
        <TextField id="inloggen-code" name="code" autoComplete="one-time-code" inputMode="text" label={t('auth.code.label')} hint={t('auth.code.hint')} error={error} maxLength={20} required />
        <SubmitButton>{t('auth.code.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

export interface EnrolPageProps {
  readonly secret: string;
  readonly qrDataUrl: string;
  readonly error?: MessageKey | undefined;
}

export function EnrolPage({ secret, qrDataUrl, error }: EnrolPageProps) {
  const { t } = usePage();
  const grouped = secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <Layout title={t('auth.enrol.title')}>
      <Heading1>{t('auth.enrol.title')}</Heading1>
      <ErrorSummary errors={fieldErrors(error ? { code: error } : {}, { code: 'tweestaps-code' })} />
      <Paragraph>{t('auth.enrol.intro')}</Paragraph>
      <ol class="utrecht-ordered-list ww-steps">
        <li>{t('auth.enrol.step1')}</li>
        <li>
          {t('auth.enrol.step2')}
          <div class="ww-qr">
            <img src={qrDataUrl} alt={t('auth.enrol.qrAlt')} width={200} height={200} />
          </div>
          <p class="utrecht-paragraph">
            {t('auth.enrol.secret')}: <code class="ww-secret">{grouped}</code>
          </p>
        </li>
        <li>{t('auth.enrol.step3')}</li>
      </ol>
      <form method="post" action="/account/tweestaps" novalidate class="ww-form">
        <CsrfField />
        <TextField id="tweestaps-code" name="code" autoComplete="one-time-code" inputMode="numeric" label={t('auth.code.label')} error={error} maxLength={10} required />
        <SubmitButton>{t('auth.enrol.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

export function RecoveryCodesPage({ codes }: { codes: readonly string[] }) {
  const { t } = usePage();
  return (
    <Layout title={t('auth.recovery.title')}>
      <Heading1>{t('auth.recovery.title')}</Heading1>
      <Paragraph>{t('auth.recovery.intro')}</Paragraph>
      <ul class="utrecht-unordered-list ww-recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer">
          {t('auth.recovery.continue')}
        </a>
      </p>
    </Layout>
  );
}

export function ForgotPage({ email, error, sent }: { email: string; error?: MessageKey | undefined; sent: boolean }) {
  const { t } = usePage();
  return (
    <Layout title={t('auth.forgot.title')}>
      <Heading1>{t('auth.forgot.title')}</Heading1>
      <ErrorSummary errors={fieldErrors(error ? { email: error } : {}, { email: 'vergeten-email' })} />
      {sent ? (
        <Notice kind="ok" text={t('auth.forgot.sent')} />
      ) : (
        <>
          <Paragraph>{t('auth.forgot.intro')}</Paragraph>
          <form method="post" action="/wachtwoord-vergeten" novalidate class="ww-form">
            <CsrfField />
            <TextField id="vergeten-email" name="email" type="email" autoComplete="username" label={t('auth.signIn.email')} value={email} error={error} required />
            <SubmitButton>{t('auth.forgot.submit')}</SubmitButton>
          </form>
        </>
      )}
    </Layout>
  );
}

const LINK_MESSAGES = { expired: 'auth.link.expired', used: 'auth.link.used', unknown: 'auth.link.unknown' } as const;

export function BrokenLinkPage({ state }: { state: keyof typeof LINK_MESSAGES }) {
  const { t } = usePage();
  return (
    <Layout title={t('auth.link.title')}>
      <Heading1>{t('auth.link.title')}</Heading1>
      <Paragraph>{t(LINK_MESSAGES[state])}</Paragraph>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/wachtwoord-vergeten">
          {t('auth.link.again')}
        </a>
      </p>
    </Layout>
  );
}

export function SetPasswordPage({ token, errors }: { token: string; errors: Partial<Record<'password' | 'repeat', MessageKey>> }) {
  const { t } = usePage();
  const ids = { password: 'nieuw-wachtwoord', repeat: 'herhaal-wachtwoord' } as const;
  return (
    <Layout title={t('auth.setPassword.title')}>
      <Heading1>{t('auth.setPassword.title')}</Heading1>
      <ErrorSummary errors={fieldErrors(errors, ids)} />
      <Paragraph>{t('auth.setPassword.intro')}</Paragraph>
      <form method="post" action="/wachtwoord-instellen" novalidate class="ww-form">
        <CsrfField />
        <input type="hidden" name="token" value={token} />
        <TextField id={ids.password} name="password" type="password" autoComplete="new-password" label={t('auth.setPassword.password')} error={errors.password} maxLength={128} required />
        <TextField id={ids.repeat} name="repeat" type="password" autoComplete="new-password" label={t('auth.setPassword.repeat')} error={errors.repeat} maxLength={128} required />
        <SubmitButton>{t('auth.setPassword.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
