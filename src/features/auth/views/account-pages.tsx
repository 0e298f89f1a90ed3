import type { Role } from '../../../db/schema.ts';
import { usePage } from '../../../web/context.ts';
import { CsrfField, Notice, SubmitButton } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import type { BeheerLink } from '../../beheer/beheer.nav.ts';

export function RoleList({ roles }: { roles: readonly Role[] }) {
  const { t } = usePage();
  return <>{roles.map((r) => t(`auth.role.${r}`)).join(', ')}</>;
}

export interface AccountPageProps {
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly twoStep: boolean;
  readonly recoveryCodesLeft: number | null;
}

export function AccountPage({ email, displayName, roles, twoStep, recoveryCodesLeft }: AccountPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('auth.account.title')}>
      <Heading1>{t('auth.account.title')}</Heading1>
      {recoveryCodesLeft !== null && (
        <Notice kind="warning" text={t('auth.code.recoveryLeft', { count: recoveryCodesLeft })} />
      )}
      <dl class="ww-facts">
        <dt>{t('auth.account.name')}</dt>
        <dd>{displayName}</dd>
        <dt>{t('auth.account.email')}</dt>
        <dd>{email}</dd>
        <dt>{t('auth.account.roles')}</dt>
        <dd>
          <RoleList roles={roles} />
        </dd>
        <dt>{t('auth.account.twoStep')}</dt>
        <dd>
          {twoStep ? (
            t('auth.account.twoStepOn')
          ) : (
            <a class="utrecht-link" href="/account/tweestaps">
              {t('auth.account.twoStepOff')} — {t('auth.enrol.title')}
            </a>
          )}
        </dd>
      </dl>
      <form method="post" action="/account/overal-uitloggen" class="ww-form">
        <CsrfField />
        <Paragraph>{t('auth.account.signOutEverywhereHint')}</Paragraph>
        <SubmitButton secondary>{t('auth.account.signOutEverywhere')}</SubmitButton>
      </form>
    </Layout>
  );
}

export function BeheerHomePage({ name, links }: { name: string; links: readonly BeheerLink[] }) {
  const { t } = usePage();
  return (
    <Layout title={t('beheer.title')}>
      <Heading1>{t('beheer.title')}</Heading1>
      <Paragraph>{t('beheer.intro', { name })}</Paragraph>
      {links.length === 0 ? (
        <Paragraph>{t('beheer.nothing')}</Paragraph>
      ) : (
        <nav aria-label={t('beheer.nav')}>
          <ul class="utrecht-link-list ww-beheer-links">
            {links.map((l) => (
              <li key={l.href}>
                <a class="utrecht-link" href={l.href}>
                  {t(l.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </Layout>
  );
}
