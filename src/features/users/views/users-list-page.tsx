import { ROLES, type Role } from '../../../db/schema.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { CsrfField, ErrorSummary, fieldErrors, Notice, Pagination, SelectField, SubmitButton, TextField } from '../../../web/forms.tsx';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { Cell, DataTable } from '../../beheer/beheer.parts.tsx';
import { RoleList } from '../../auth/views/account-pages.tsx';
import { USER_FIELD_IDS, type UserErrors, type UserForm } from '../users.input.ts';
import type { UserListRow, UserStatus } from '../users.repository.ts';
import { UserFields, type ScopeChoices } from './user-fields.tsx';

export interface UsersListPageProps {
  readonly rows: readonly UserListRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly filter: { readonly role: Role | ''; readonly text: string; readonly status: UserStatus };
}

const STATUS_KEYS: Record<UserStatus, MessageKey> = { active: 'users.status.active', disabled: 'users.status.disabled', all: 'users.status.all' };

function UserFilter({ filter }: Pick<UsersListPageProps, 'filter'>) {
  const { t } = usePage();
  return (
    <form method="get" action="/beheer/gebruikers" class="ww-form ww-filter" aria-label={t('users.filter.title')}>
      <TextField id="filter-tekst" name="q" type="search" label={t('users.filter.text')} value={filter.text} maxLength={100} />
      <SelectField id="filter-rol" name="rol" label={t('users.filter.role')} value={filter.role} placeholder={t('users.filter.anyRole')} options={ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))} />
      <SelectField id="filter-status" name="status" label={t('users.filter.status')} value={filter.status} options={(['active', 'disabled', 'all'] as const).map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))} />
      <SubmitButton secondary>{t('users.filter.submit')}</SubmitButton>
    </form>
  );
}

function statusText(row: UserListRow, t: ReturnType<typeof usePage>['t']): string {
  if (row.disabled) return t('users.status.disabled');
  return row.invitationPending ? t('users.status.invited') : t('users.status.active');
}

export function UsersListPage({ rows, total, page, pages, filter }: UsersListPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('users.list.title')}>
      <Heading1>{t('users.list.title')}</Heading1>
      <Paragraph>{t('users.list.intro')}</Paragraph>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/gebruikers/nieuw">
          {t('users.list.invite')}
        </a>
      </p>
      <UserFilter filter={filter} />
      {rows.length === 0 ? (
        <Paragraph>{t('users.list.none')}</Paragraph>
      ) : (
        <DataTable id="gebruikers" caption={t('users.list.caption', { count: total })} head={[t('users.col.name'), t('users.col.email'), t('users.col.roles'), t('users.col.status'), t('users.col.twoStep')]}>
          {rows.map((r) => (
            <tr class="utrecht-table__row" key={r.id} data-user={r.id}>
              <th class="utrecht-table__header-cell" scope="row">
                <a class="utrecht-link" href={`/beheer/gebruikers/${r.id}`}>
                  {r.displayName || r.email}
                </a>
              </th>
              <Cell>{r.email}</Cell>
              <Cell>
                <RoleList roles={r.roles} />
              </Cell>
              <Cell>{statusText(r, t)}</Cell>
              <Cell>{r.twoStep ? t('users.yes') : t('users.no')}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pages={pages} />
    </Layout>
  );
}

export interface InvitePageProps {
  readonly form: UserForm;
  readonly errors: UserErrors;
  readonly choices: ScopeChoices;
  readonly problem?: MessageKey | undefined;
}

export function InvitePage({ form, errors, choices, problem }: InvitePageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('users.invite.title')}>
      <Heading1>{t('users.invite.title')}</Heading1>
      <ErrorSummary errors={fieldErrors(errors, USER_FIELD_IDS)} />
      {problem && <Notice kind="error" text={t(problem)} />}
      <Paragraph>{t('users.invite.intro')}</Paragraph>
      <form method="post" action="/beheer/gebruikers/nieuw" novalidate class="ww-form">
        <CsrfField />
        <TextField id={USER_FIELD_IDS.email} name="email" type="email" label={t('users.field.email')} value={form.email} error={errors.email} autoComplete="off" maxLength={254} required />
        <UserFields form={form} errors={errors} choices={choices} />
        <SubmitButton>{t('users.invite.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
