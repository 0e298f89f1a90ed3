import type { MessageKey } from '../../i18n/index.ts';
import type { Permission } from '../auth/auth.policy.ts';

export interface BeheerLink {
  readonly href: string;
  readonly label: MessageKey;
  readonly permission: Permission;
}

/** The back-office menu: one list, each entry shown only to who holds its permission. Features add theirs here. */
export const BEHEER_LINKS: BeheerLink[] = [
  { href: '/beheer/gebruikers', label: 'users.nav', permission: 'users.manage' },
  { href: '/beheer/audit', label: 'audit.nav', permission: 'audit.read' },
  { href: '/beheer/e-mail', label: 'outbox.nav', permission: 'outbox.read' },
  { href: '/beheer/hsds-import', label: 'hsdsUpload.nav', permission: 'hsds.import' },
];
