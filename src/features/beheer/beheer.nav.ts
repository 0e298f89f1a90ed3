import type { MessageKey } from '../../i18n/index.ts';
import type { Permission } from '../auth/auth.policy.ts';

export interface BeheerLink {
  readonly href: string;
  readonly label: MessageKey;
  readonly permission: Permission;
}

/** The back-office menu: one list, each entry shown only to who holds its permission. Features add theirs here. */
export const BEHEER_LINKS: BeheerLink[] = [
  { href: '/beheer/vragen', label: 'questions.desk.nav', permission: 'questions.handle' },
  { href: '/beheer/spreekuur/agenda', label: 'spreekuur.admin.nav.label', permission: 'spreekuur.manage' },
];
