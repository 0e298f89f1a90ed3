import type { ColumnType, Generated } from 'kysely';

/** Kysely table types; one interface per table, kept beside the SQL migrations. */
export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: Generated<Date>;
}

export interface MunicipalityTable {
  code: string;
  name: string;
  display_name: string;
  province_code: string;
  province_name: string;
  lat: number;
  lon: number;
  youth_region: string;
  youth_region_code: string;
}

export interface PostcodeAreaTable {
  pc4: string;
  municipality_code: string;
  lat: number;
  lon: number;
  municipality_share: ColumnType<string, number, number>;
  method: string;
}

export interface CrisisLineTable {
  id: string;
  name: string;
  phone: string;
  phone_alt: string | null;
  free: boolean;
  hours: string;
  always_open: boolean;
  chat: boolean;
  url: string | null;
  age_min: number | null;
  age_max: number | null;
  audience: string[];
  priority: number;
}

export interface InterventionTable {
  id: string;
  name: string;
  aliases: string[];
  target_groups: string[];
  age_min: number | null;
  age_max: number | null;
  forms: string[];
  severity_levels: string[];
  recognition_level: string | null;
  recognition_date: string | null;
  recognition_committee: string | null;
  sources: string[];
}

export interface DB {
  schema_migration: SchemaMigrationTable;
  app_setting: AppSettingTable;
  municipality: MunicipalityTable;
  postcode_area: PostcodeAreaTable;
  crisis_line: CrisisLineTable;
  intervention: InterventionTable;
}
