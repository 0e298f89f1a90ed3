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
  // Catalogue editing, moderation and freshness (features/editing, moderation, freshness).
  { href: '/beheer/aanbod', label: 'editing.nav.services', permission: 'catalogue.edit' },
  { href: '/beheer/organisaties', label: 'editing.nav.organizations', permission: 'catalogue.edit' },
  { href: '/beheer/locaties', label: 'editing.nav.locations', permission: 'catalogue.edit' },
  { href: '/beheer/moderatie', label: 'moderation.nav', permission: 'moderation.review' },
  { href: '/beheer/actualiteit', label: 'freshness.nav', permission: 'moderation.review' },
  { href: '/beheer/mijn/aanbod', label: 'editing.nav.ownServices', permission: 'catalogue.propose' },
  { href: '/beheer/mijn/locaties', label: 'editing.nav.ownLocations', permission: 'catalogue.propose' },
  { href: '/beheer/mijn/organisaties', label: 'editing.nav.ownOrganizations', permission: 'catalogue.propose' },
  { href: '/beheer/mijn/voorstellen', label: 'editing.nav.ownProposals', permission: 'catalogue.propose' },
  { href: '/beheer/gebruikers', label: 'users.nav', permission: 'users.manage' },
  { href: '/beheer/audit', label: 'audit.nav', permission: 'audit.read' },
  { href: '/beheer/e-mail', label: 'outbox.nav', permission: 'outbox.read' },
  { href: '/beheer/hsds-import', label: 'hsdsUpload.nav', permission: 'hsds.import' },
];
