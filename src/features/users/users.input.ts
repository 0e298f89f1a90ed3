import { ROLES, type Role } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { EMAIL_PATTERN } from '../auth/auth.input.ts';
import type { Invitation } from '../auth/auth.service.ts';
import { isUuid, many, one } from '../beheer/beheer.query.ts';

export type UserField = 'email' | 'displayName' | 'roles' | 'organizationIds' | 'municipalityCodes';
export type UserErrors = Partial<Record<UserField, MessageKey>>;

/** What the invite and edit forms send, as typed (kept to show the form again on an error): an invitation's fields. */
export type UserForm = Invitation;

/** The ids the form fields have on the page, in page order (the error summary links to them). */
export const USER_FIELD_IDS: Readonly<Record<UserField, string>> = {
  email: 'gebruiker-email',
  displayName: 'gebruiker-naam',
  roles: 'gebruiker-rollen',
  organizationIds: 'gebruiker-organisaties',
  municipalityCodes: 'gebruiker-gemeenten',
};

export const EMPTY_USER_FORM: UserForm = { email: '', displayName: '', roles: [], organizationIds: [], municipalityCodes: [] };

export function readUserForm(body: unknown): UserForm {
  return {
    email: one(body, 'email', 300).trim(),
    displayName: one(body, 'naam', 300).trim(),
    roles: many(body, 'rollen', 10, 40).filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    organizationIds: many(body, 'organisaties', 200, 40).map((id) => id.toLowerCase()),
    municipalityCodes: many(body, 'gemeenten', 400, 10),
  };
}

/** Shape checks that need no database; `invite` also checks the e-mail address. */
export function userFormProblems(form: UserForm, options: { invite: boolean }): UserErrors {
  const errors: UserErrors = {};
  if (options.invite) {
    if (form.email === '') errors.email = 'users.error.emailMissing';
    else if (form.email.length > 254 || !EMAIL_PATTERN.test(form.email)) errors.email = 'users.error.email';
  }
  if (form.displayName === '') errors.displayName = 'users.error.nameMissing';
  else if (form.displayName.length > 120) errors.displayName = 'users.error.nameLong';
  if (form.roles.length === 0) errors.roles = 'users.error.rolesMissing';
  const scoped = scopesFor(form);
  if (form.roles.includes('provider_editor') && scoped.organizationIds.length === 0) errors.organizationIds = 'users.error.organizationsMissing';
  else if (scoped.organizationIds.some((id) => !isUuid(id))) errors.organizationIds = 'users.error.organizationsUnknown';
  if (form.roles.includes('municipality_analyst') && scoped.municipalityCodes.length === 0) errors.municipalityCodes = 'users.error.municipalitiesMissing';
  else if (scoped.municipalityCodes.some((c) => !/^GM\d{4}$/.test(c))) errors.municipalityCodes = 'users.error.municipalitiesUnknown';
  return errors;
}

/**
 * Scopes only mean something with their role: organisations for a provider editor, municipalities
 * for an analyst. Others are dropped, so taking a role away also takes its scope away.
 */
export function scopesFor(form: UserForm): { organizationIds: string[]; municipalityCodes: string[] } {
  return {
    organizationIds: form.roles.includes('provider_editor') ? [...form.organizationIds] : [],
    municipalityCodes: form.roles.includes('municipality_analyst') ? [...form.municipalityCodes] : [],
  };
}

export function hasErrors(errors: UserErrors): boolean {
  return Object.keys(errors).length > 0;
}
