-- Catalogue editing: a version number on every catalogue row (optimistic concurrency), a status
-- on organisations and locations (deactivate, never delete), the version history, provider
-- proposals awaiting moderation, handling notes on "meld een fout" reports, and freshness reminders.

alter table organization add column status text not null default 'active' check (status in ('active', 'inactive'));
alter table location add column status text not null default 'active' check (status in ('active', 'inactive'));
alter table organization add column version integer not null default 1;
alter table service add column version integer not null default 1;
alter table location add column version integer not null default 1;

-- Every update, whoever writes it (editor, import, freshness confirmation), moves the version on,
-- so an edit based on an older version is always noticed.
create function catalogue_bump_version() returns trigger language plpgsql as $$
begin
  new.version := old.version + 1;
  return new;
end;
$$;
create trigger organization_bump_version before update on organization for each row execute function catalogue_bump_version();
create trigger service_bump_version before update on service for each row execute function catalogue_bump_version();
create trigger location_bump_version before update on location for each row execute function catalogue_bump_version();

-- Full snapshots of what a person edits, one per version; 'baseline' records the state before the
-- first change made through the app (demo data and imports have no history of their own).
create table catalogue_version (
  entity_type text not null check (entity_type in ('organization', 'service', 'location')),
  entity_id uuid not null,
  version integer not null,
  snapshot jsonb not null,
  source text not null check (source in ('baseline', 'create', 'editor', 'deactivate', 'proposal', 'restore', 'freshness')),
  proposal_id uuid,
  restored_from integer,
  author_id uuid references app_user (id) on delete set null,
  author_email text,
  created_at timestamptz not null default now(),
  primary key (entity_type, entity_id, version)
);

-- A provider editor's proposed change (or new record); applied only when a reviewer approves it.
create table catalogue_proposal (
  id uuid primary key default gen_random_uuid(),
  entity_type text not null check (entity_type in ('organization', 'service', 'location')),
  -- null: a proposal for a new record.
  entity_id uuid,
  -- The organisation the record belongs to: the scope of the proposer, taken from the record.
  organization_id uuid not null references organization (id),
  base_version integer,
  snapshot jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  proposer_id uuid references app_user (id) on delete set null,
  proposer_email text not null,
  decision_reason text,
  decided_by uuid references app_user (id) on delete set null,
  decided_at timestamptz,
  applied_version integer,
  created_at timestamptz not null default now()
);
create index catalogue_proposal_status_idx on catalogue_proposal (status, created_at);
create index catalogue_proposal_org_idx on catalogue_proposal (organization_id, created_at desc);

alter table service_report add column note text check (length(note) <= 2000);
alter table service_report add column handled_by uuid references app_user (id) on delete set null;

-- When the last "still correct?" e-mail about an offering went out, so the daily job mails once per period.
create table freshness_reminder (
  service_id uuid primary key references service (id) on delete cascade,
  sent_at timestamptz not null
);
