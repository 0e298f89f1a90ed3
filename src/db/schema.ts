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

export interface TaxonomyTermTable {
  id: string;
  taxonomy: string;
  code: string;
  label_nl: string;
  label_en: string;
  position: number;
}

export interface RecognitionLevelTable {
  name: string;
  code: string;
  rank: number;
}

export interface OrganizationTable {
  id: Generated<string>;
  name: string;
  description_nl: Generated<string>;
  description_en: Generated<string>;
  email: string | null;
  website: string | null;
  phone: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  status: Generated<RecordStatus>;
  version: Generated<number>;
}

export interface LocationTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  municipality_code: string;
  lat: number;
  lon: number;
  opening_hours_nl: Generated<string>;
  opening_hours_en: Generated<string>;
  accessibility_nl: Generated<string>;
  accessibility_en: Generated<string>;
  is_demo: Generated<boolean>;
  updated_at: Generated<Date>;
  status: Generated<RecordStatus>;
  version: Generated<number>;
}

export const SERVICE_STATUSES = ['active', 'inactive', 'temporarily_closed', 'defunct'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
/** The hulpniveau ladder, low to high (PRODUCT.md). */
export const LEVELS = ['information', 'advice', 'prevention', 'guidance', 'specialised', 'safety'] as const;
export type Level = (typeof LEVELS)[number];
export const AUDIENCES = ['parents', 'children', 'youth', 'professionals', 'network'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const PHASES = ['before', 'during', 'recent', 'long_ago'] as const;
export type Phase = (typeof PHASES)[number];
export const FORMS = ['individual', 'group', 'family', 'online', 'phone', 'chat'] as const;
export type Form = (typeof FORMS)[number];
export const ACCESS = ['free', 'referral', 'court'] as const;
export type Access = (typeof ACCESS)[number];
export const COSTS = ['free', 'own_contribution', 'municipality', 'legal_aid'] as const;
export type Cost = (typeof COSTS)[number];
export const THEMES = [
  'communication', 'parenting_plan', 'contact_arrangements', 'loyalty_conflict', 'child_emotions', 'school',
  'money_alimony', 'legal', 'housing', 'safety_domestic_violence', 'new_family', 'contact_loss',
] as const;
export type Theme = (typeof THEMES)[number];
export const RECOGNITIONS = ['goed_onderbouwd', 'eerste_aanwijzingen', 'goede_aanwijzingen', 'sterke_aanwijzingen', 'none'] as const;
export type Recognition = (typeof RECOGNITIONS)[number];

export interface ServiceTable {
  id: Generated<string>;
  organization_id: string;
  name_nl: string;
  name_en: string;
  summary_nl: string;
  summary_en: string;
  description_nl: string;
  description_en: string;
  status: ServiceStatus;
  level: Level;
  audiences: Audience[];
  age_min: number | null;
  age_max: number | null;
  phases: Phase[];
  forms: Form[];
  access: Access;
  cost: Cost;
  cost_note_nl: string | null;
  cost_note_en: string | null;
  languages: string[];
  themes: Theme[];
  intervention_id: string | null;
  duration_nl: Generated<string>;
  duration_en: Generated<string>;
  how_to_apply_nl: Generated<string>;
  how_to_apply_en: Generated<string>;
  waiting_weeks: number | null;
  last_verified: ColumnType<string, string, string>;
  national: Generated<boolean>;
  email: string | null;
  website: string | null;
  phone: string | null;
  is_demo: Generated<boolean>;
  search_document: Generated<string>;
  search_words: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ServiceAreaTable {
  service_id: string;
  municipality_code: string;
}

export interface ServiceAtLocationTable {
  id: Generated<string>;
  service_id: string;
  location_id: string;
}

export interface ServiceReportTable {
  id: Generated<string>;
  service_id: string;
  message: string;
  email: string | null;
  lang: string;
  status: Generated<'new' | 'handled' | 'rejected'>;
  created_at: Generated<Date>;
  handled_at: Date | null;
  note: Generated<string | null>;
  handled_by: Generated<string | null>;
}

export interface SearchDemandTable {
  id: Generated<number>;
  day: Generated<string>;
  municipality_code: string | null;
  query: string | null;
  filters: Generated<string[]>;
  result_count: number;
}

export interface HulpwijzerDemandTable {
  id: Generated<number>;
  day: Generated<string>;
  channel: 'page' | 'api';
  municipality_code: string | null;
  role: string;
  phase: string | null;
  age_bands: string[];
  communication: string | null;
  child_signals: string[];
  safety: string[];
  wishes: string[];
  safety_first: boolean;
  primary_level: Level;
  also_levels: Level[];
}

/** Attributes from an HSDS import whose taxonomy term is not ours (migration 0004). */
export interface HsdsAttributeTable {
  id: string;
  link_entity: 'service' | 'organization' | 'location';
  link_id: string;
  taxonomy: Generated<string>;
  term_id: string | null;
  term_code: Generated<string>;
  term_name: Generated<string>;
  value: Generated<string>;
}

export interface SearchVocabularyTable {
  word: string;
}

export const ROLES = ['professional', 'provider_editor', 'staff', 'editor', 'municipality_analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: Generated<string>;
  password_hash: string | null;
  roles: ColumnType<Role[], Role[] | undefined, Role[]>;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: ColumnType<string | null, number | null, number | null>;
  disabled_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserOrganizationTable {
  user_id: string;
  organization_id: string;
}

export interface UserMunicipalityTable {
  user_id: string;
  municipality_code: string;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export type SessionStage = 'password' | 'enrol' | 'full';

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  stage: SessionStage;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}

export type TokenPurpose = 'invite' | 'reset';

export interface AccountTokenTable {
  token_hash: string;
  user_id: string;
  purpose: TokenPurpose;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditEventTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: AuditResult;
  ip: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface EmailAttachment {
  readonly filename: string;
  readonly contentType: string;
  /** base64 */
  readonly content: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxEmailTable {
  id: Generated<string>;
  purpose: string;
  to_address: string;
  subject: string;
  /** '' once body_purged_at is set. */
  text_body: string;
  /** Written as JSON text; emptied (only) when the body is purged. */
  attachments: ColumnType<EmailAttachment[], string | undefined, string>;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
  /** The mail carries a private link: its body is purged when it is marked sent. */
  private_link: Generated<boolean>;
  body_purged_at: Date | null;
}

export type JobStatus = 'pending' | 'done' | 'failed';

export interface JobTable {
  id: Generated<string>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, never>;
  unique_key: string | null;
  run_at: Generated<Date>;
  status: Generated<JobStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export const QUESTION_STATUSES = ['new', 'in_progress', 'waiting', 'answered', 'closed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export type QuestionMessageKind = 'asker' | 'staff' | 'note';

export interface QuestionTable {
  id: Generated<string>;
  token_hash: string | null;
  short_code: string | null;
  idempotency_hash: string;
  token_sealed: string | null;
  /** Keyed hash of the submit's content (migration 0011); null on older rows. */
  request_hash: string | null;
  topic: string;
  role: Audience;
  municipality_code: string | null;
  lang: 'nl' | 'en';
  body: string | null;
  email: string | null;
  status: Generated<QuestionStatus>;
  assigned_to: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  closed_at: Date | null;
  deleted_at: Date | null;
  anonymised_at: Date | null;
}

export interface QuestionMessageTable {
  id: Generated<string>;
  question_id: string;
  kind: QuestionMessageKind;
  author_id: string | null;
  body: string;
  service_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
}

export const SPREEKUUR_MODES = ['phone', 'video', 'location'] as const;
export type SpreekuurMode = (typeof SPREEKUUR_MODES)[number];
export const BOOKING_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface SpreekuurHoursTable {
  id: Generated<string>;
  weekdays: number[];
  /** 'HH:MM:SS' */
  start_time: string;
  end_time: string;
  slot_minutes: number;
  capacity: number;
  mode: SpreekuurMode;
  location_id: string | null;
  location_text: Generated<string>;
  /** 'YYYY-MM-DD' */
  valid_from: string;
  valid_until: string | null;
  created_at: Generated<Date>;
}

export interface SpreekuurExceptionTable {
  id: Generated<string>;
  first_day: string;
  last_day: string;
  reason: string;
  created_at: Generated<Date>;
}

export interface SpreekuurSlotTable {
  id: Generated<string>;
  hours_id: string | null;
  starts_at: Date;
  ends_at: Date;
  mode: SpreekuurMode;
  location_id: string | null;
  location_text: Generated<string>;
  capacity: number;
  booked: Generated<number>;
  closed: Generated<boolean>;
}

export interface SpreekuurBookingTable {
  id: Generated<string>;
  slot_id: string;
  status: Generated<BookingStatus>;
  name: string | null;
  email: string | null;
  phone: string | null;
  topic_note: string | null;
  staff_note: string | null;
  topic: string;
  lang: Generated<'nl' | 'en'>;
  manage_token_hash: string | null;
  idempotency_key: string;
  /** Keyed hash of the submit's content (migration 0011); null on older rows. */
  request_hash: string | null;
  reminder_sent_for: Date | null;
  sequence: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  cancelled_at: Date | null;
  anonymised_at: Date | null;
}

/** Organisations and locations are deactivated, never deleted (migration 0007). */
export type RecordStatus = 'active' | 'inactive';
export type CatalogueEntity = 'organization' | 'service' | 'location';
export type VersionSource = 'baseline' | 'create' | 'editor' | 'deactivate' | 'proposal' | 'restore' | 'freshness';

export interface CatalogueVersionTable {
  entity_type: CatalogueEntity;
  entity_id: string;
  version: number;
  snapshot: ColumnType<Record<string, unknown>, string, string>;
  source: VersionSource;
  proposal_id: string | null;
  restored_from: number | null;
  author_id: string | null;
  author_email: string | null;
  created_at: Generated<Date>;
}

export type ProposalStatus = 'pending' | 'approved' | 'rejected';

export interface CatalogueProposalTable {
  id: Generated<string>;
  entity_type: CatalogueEntity;
  entity_id: string | null;
  organization_id: string;
  base_version: number | null;
  snapshot: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<ProposalStatus>;
  proposer_id: string | null;
  proposer_email: string;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  applied_version: number | null;
  created_at: Generated<Date>;
}

export interface FreshnessReminderTable {
  service_id: string;
  sent_at: Date;
}

export interface DB {
  question: QuestionTable;
  question_message: QuestionMessageTable;
  catalogue_version: CatalogueVersionTable;
  catalogue_proposal: CatalogueProposalTable;
  freshness_reminder: FreshnessReminderTable;
  app_user: AppUserTable;
  user_organization: UserOrganizationTable;
  user_municipality: UserMunicipalityTable;
  recovery_code: RecoveryCodeTable;
  user_session: UserSessionTable;
  account_token: AccountTokenTable;
  audit_event: AuditEventTable;
  outbox_email: OutboxEmailTable;
  job: JobTable;
  spreekuur_hours: SpreekuurHoursTable;
  spreekuur_exception: SpreekuurExceptionTable;
  spreekuur_slot: SpreekuurSlotTable;
  spreekuur_booking: SpreekuurBookingTable;
  search_vocabulary: SearchVocabularyTable;
  taxonomy_term: TaxonomyTermTable;
  recognition_level: RecognitionLevelTable;
  organization: OrganizationTable;
  location: LocationTable;
  service: ServiceTable;
  service_area: ServiceAreaTable;
  service_at_location: ServiceAtLocationTable;
  service_report: ServiceReportTable;
  search_demand: SearchDemandTable;
  hulpwijzer_demand: HulpwijzerDemandTable;
  hsds_attribute: HsdsAttributeTable;
  schema_migration: SchemaMigrationTable;
  app_setting: AppSettingTable;
  municipality: MunicipalityTable;
  postcode_area: PostcodeAreaTable;
  crisis_line: CrisisLineTable;
  intervention: InterventionTable;
}
