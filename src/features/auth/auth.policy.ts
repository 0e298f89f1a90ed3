import type { Role } from '../../db/schema.ts';

/**
 * What each role may do. Every route under /beheer and /account names one permission in its
 * route config; app.ts refuses to start when one doesn't, and checks it before the handler runs.
 * Object-level checks (whose organisation, which municipality) live beside the feature.
 */
export const PERMISSIONS = [
  /** Any signed-in account: own account page, sign out. */
  'account',
  /** The back-office start page. */
  'beheer',
  /** Propose changes to the own organisation's records (moderated). */
  'catalogue.propose',
  /** Create and edit organisations, offerings and locations directly. */
  'catalogue.edit',
  /** Moderation queue: proposals and "meld een fout" reports; staleness list. */
  'moderation.review',
  'users.manage',
  'audit.read',
  'outbox.read',
  'hsds.import',
  /** The question desk: personal data. */
  'questions.handle',
  'spreekuur.manage',
  /** Aggregates for own municipalities; never personal data. */
  'insight.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  professional: ['account'],
  provider_editor: ['account', 'beheer', 'catalogue.propose'],
  staff: ['account', 'beheer', 'questions.handle', 'spreekuur.manage', 'moderation.review'],
  editor: ['account', 'beheer', 'catalogue.edit', 'moderation.review'],
  municipality_analyst: ['account', 'beheer', 'insight.read'],
  admin: PERMISSIONS,
};

/** BIO: multi-factor authentication for access to personal data and to the catalogue as a whole. */
const MFA_ROLES: readonly Role[] = ['staff', 'editor', 'municipality_analyst', 'admin'];

export function requiresMfa(roles: readonly Role[]): boolean {
  return roles.some((r) => MFA_ROLES.includes(r));
}

export interface Principal {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly organizationIds: readonly string[];
  readonly municipalityCodes: readonly string[];
}

export function can(principal: Principal | null, permission: Permission): boolean {
  return principal !== null && principal.roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

/** Editors and admins edit every organisation; a provider editor only its own. */
export function canEditOrganization(principal: Principal, organizationId: string): boolean {
  if (can(principal, 'catalogue.edit')) return true;
  return can(principal, 'catalogue.propose') && principal.organizationIds.includes(organizationId);
}

/** The municipalities whose aggregates a principal may see; null means all. */
export function municipalityScope(principal: Principal): readonly string[] | null {
  return principal.roles.includes('admin') ? null : principal.municipalityCodes;
}
