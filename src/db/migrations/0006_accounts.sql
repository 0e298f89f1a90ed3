-- Accounts, sessions, one-time links, the audit log, the e-mail outbox and durable jobs.

create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  display_name text not null default '' check (length(display_name) <= 120),
  -- scrypt, with its parameters in the string; null until the user sets a password.
  password_hash text,
  roles text[] not null default '{}' check (
    roles <@ array['professional', 'provider_editor', 'staff', 'editor', 'municipality_analyst', 'admin']
  ),
  totp_secret text,
  totp_enabled_at timestamptz,
  -- The last accepted TOTP time step, so a code can't be used twice.
  totp_last_step bigint,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index app_user_email_idx on app_user (email);

-- Scopes: a provider editor edits only its organisations; an analyst sees only its municipalities.
create table user_organization (
  user_id uuid not null references app_user (id) on delete cascade,
  organization_id uuid not null references organization (id) on delete cascade,
  primary key (user_id, organization_id)
);
create index user_organization_org_idx on user_organization (organization_id);

create table user_municipality (
  user_id uuid not null references app_user (id) on delete cascade,
  municipality_code text not null references municipality (code),
  primary key (user_id, municipality_code)
);

create table recovery_code (
  user_id uuid not null references app_user (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
create table user_session (
  token_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  -- 'password': password checked, second factor still due; 'enrol': must set up two-step
  -- verification before anything else; 'full': signed in.
  stage text not null check (stage in ('password', 'enrol', 'full')),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user_idx on user_session (user_id);

-- Single-use, expiring links (invitation, password reset); only the SHA-256 of the token is kept.
create table account_token (
  token_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  purpose text not null check (purpose in ('invite', 'reset')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index account_token_user_idx on account_token (user_id, purpose);

-- Append-only audit log: who did what to which object, with what result, when and from where.
create table audit_event (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_email text,
  action text not null,
  object_type text,
  object_id text,
  result text not null check (result in ('ok', 'denied', 'failed')),
  -- Truncated client address (IPv4 /24, IPv6 /48).
  ip text,
  detail jsonb not null default '{}'
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_actor_idx on audit_event (actor_id, at desc);
create index audit_event_object_idx on audit_event (object_type, object_id, at desc);
create index audit_event_action_idx on audit_event (action, at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();

-- Durable e-mail outbox: written in the same transaction as the change that causes it,
-- delivered by the worker (SMTP, or .eml files in the embedded default), retried with backoff.
create table outbox_email (
  id uuid primary key default gen_random_uuid(),
  purpose text not null,
  to_address text not null,
  subject text not null,
  text_body text not null,
  -- [{ filename, contentType, content (base64) }]
  attachments jsonb not null default '[]',
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_email_due_idx on outbox_email (next_attempt_at) where status = 'pending';
create index outbox_email_created_idx on outbox_email (created_at desc);

-- Durable jobs (reminders, retention, freshness mails): polled with FOR UPDATE SKIP LOCKED.
create table job (
  id bigint generated always as identity primary key,
  kind text not null,
  payload jsonb not null default '{}',
  -- At most one pending or running job per key (e.g. 'retention:2026-11-23').
  unique_key text,
  run_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create unique index job_unique_key_idx on job (unique_key) where unique_key is not null;
create index job_due_idx on job (run_at) where status = 'pending';
