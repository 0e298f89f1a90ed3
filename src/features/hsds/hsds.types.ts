/** The HSDS 3.0 shapes this platform writes and reads (only the fields of our profile). */
export interface HsdsTaxonomy {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly uri?: string;
  readonly version?: string;
}

export interface HsdsTaxonomyTerm {
  readonly id: string;
  readonly code?: string;
  readonly name: string;
  readonly description: string;
  readonly parent_id?: string;
  readonly taxonomy?: string;
  readonly taxonomy_id?: string;
  readonly taxonomy_detail?: HsdsTaxonomy;
  readonly language?: string;
}

export interface HsdsAttribute {
  readonly id: string;
  readonly link_id: string;
  readonly link_type: string;
  readonly link_entity: string;
  readonly taxonomy_term_id: string;
  readonly taxonomy_term: HsdsTaxonomyTerm;
  readonly value?: string;
}

export interface HsdsPhone {
  readonly id: string;
  readonly number: string;
  readonly service_id?: string;
  readonly organization_id?: string;
}

export interface HsdsAddress {
  readonly id: string;
  readonly location_id: string;
  readonly address_1: string;
  readonly city: string;
  readonly state_province: string;
  readonly postal_code: string;
  readonly country: string;
  readonly address_type: 'physical';
}

export interface HsdsLocation {
  readonly id: string;
  readonly location_type: 'physical';
  readonly organization_id: string;
  readonly name: string;
  readonly description?: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly external_identifier: string;
  readonly external_identifier_type: string;
  readonly addresses?: readonly HsdsAddress[];
  readonly accessibility?: readonly { id: string; location_id: string; description: string }[];
  readonly schedules?: readonly { id: string; location_id: string; description: string }[];
  readonly attributes?: readonly HsdsAttribute[];
}

export interface HsdsServiceArea {
  readonly id: string;
  readonly service_id: string;
  readonly name: string;
  readonly extent: string;
  readonly extent_type: string;
}

export interface HsdsLanguage {
  readonly id: string;
  readonly service_id: string;
  readonly code: string;
}

export interface HsdsServiceAtLocation {
  readonly id: string;
  readonly service_id: string;
  readonly location_id: string;
  readonly location?: HsdsLocation;
  readonly service?: HsdsServiceBasic;
}

export interface HsdsOrganizationBasic {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly email?: string;
  readonly website?: string;
}

export interface HsdsOrganization extends HsdsOrganizationBasic {
  readonly phones?: readonly HsdsPhone[];
  readonly locations?: readonly HsdsLocation[];
  readonly attributes?: readonly HsdsAttribute[];
  readonly services?: readonly HsdsServiceBasic[];
}

/** One-to-one fields only (the `service_list` shape). */
export interface HsdsServiceBasic {
  readonly id: string;
  readonly organization_id: string;
  readonly name: string;
  readonly description: string;
  readonly url?: string;
  readonly email?: string;
  readonly status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  readonly application_process?: string;
  readonly fees_description?: string;
  readonly wait_time?: string;
  readonly minimum_age?: number;
  readonly maximum_age?: number;
  readonly assured_date: string;
  readonly last_modified: string;
}

export interface HsdsService extends HsdsServiceBasic {
  readonly organization?: HsdsOrganizationBasic;
  readonly phones?: readonly HsdsPhone[];
  readonly service_areas: readonly HsdsServiceArea[];
  readonly service_at_locations: readonly HsdsServiceAtLocation[];
  readonly languages: readonly HsdsLanguage[];
  readonly attributes: readonly HsdsAttribute[];
}

/** The whole catalogue in one file: what `export:hsds` writes and `import:hsds` reads back. */
export interface HsdsDocument {
  readonly version: '3.0';
  readonly profile: string;
  readonly taxonomies: readonly HsdsTaxonomy[];
  readonly taxonomy_terms: readonly HsdsTaxonomyTerm[];
  readonly organizations: readonly HsdsOrganization[];
  readonly services: readonly HsdsService[];
}

export interface HsdsPage<T> {
  readonly total_items: number;
  readonly total_pages: number;
  readonly page_number: number;
  readonly size: number;
  readonly first_page: boolean;
  readonly last_page: boolean;
  readonly empty: boolean;
  readonly contents: readonly T[];
}
