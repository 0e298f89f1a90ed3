import type { CatalogueEntity } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Page titles per kind of record. */
export const TITLES: Readonly<Record<CatalogueEntity, { list: MessageKey; own: MessageKey; create: MessageKey; edit: MessageKey; propose: MessageKey }>> = {
  service: { list: 'editing.title.services', own: 'editing.title.ownServices', create: 'editing.new.service', edit: 'editing.title.editService', propose: 'editing.title.proposeService' },
  organization: { list: 'editing.title.organizations', own: 'editing.title.ownOrganizations', create: 'editing.new.organization', edit: 'editing.title.editOrganization', propose: 'editing.title.proposeOrganization' },
  location: { list: 'editing.title.locations', own: 'editing.title.ownLocations', create: 'editing.new.location', edit: 'editing.title.editLocation', propose: 'editing.title.proposeLocation' },
};
