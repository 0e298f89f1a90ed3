-- The question desk (Vraag): questions from the public, the conversation with staff, internal notes.
-- Personal fields (text, e-mail, message bodies) are removed by the retention job or at once when the
-- asker deletes the question; the row itself stays as an anonymous count (topic, municipality, role,
-- dates, status) for municipality insight.

create table question (
  id uuid primary key default gen_random_uuid(),
  -- Only the SHA-256 of the private follow-up token; null once the question is deleted or anonymised.
  token_hash text unique,
  -- 8 characters from an alphabet without look-alikes, quoted on the phone; not a credential.
  short_code text unique check (short_code ~ '^[A-HJKMNP-Z2-9]{8}$'),
  -- SHA-256 of the client's idempotency key: a repeated submit finds the first question.
  idempotency_hash text not null unique,
  -- The follow-up token, AES-GCM-sealed with a key derived from the idempotency key (which is not
  -- stored), so only a repeat of the same submit can show the link again; cleared after a day.
  token_sealed text,
  topic text not null,
  role text not null check (role in ('parents', 'children', 'youth', 'professionals', 'network')),
  municipality_code text references municipality (code),
  lang text not null check (lang in ('nl', 'en')),
  -- Personal: the question itself and the optional address.
  body text check (body is null or length(body) <= 4000),
  email text check (email is null or length(email) <= 254),
  status text not null default 'new' check (status in ('new', 'in_progress', 'waiting', 'answered', 'closed')),
  assigned_to uuid references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  deleted_at timestamptz,
  anonymised_at timestamptz
);
create index question_inbox_idx on question (status, created_at desc) where anonymised_at is null;
create index question_closed_idx on question (closed_at) where anonymised_at is null;
create index question_sealed_idx on question (created_at) where token_sealed is not null;

-- The conversation: the asker's question replies, staff replies (shown to the asker) and internal notes.
create table question_message (
  id uuid primary key default gen_random_uuid(),
  question_id uuid not null references question (id) on delete cascade,
  kind text not null check (kind in ('asker', 'staff', 'note')),
  author_id uuid references app_user (id) on delete set null,
  body text not null check (length(body) between 1 and 4000),
  -- Offerings from the sociale kaart suggested in a staff reply.
  service_ids uuid[] not null default '{}',
  created_at timestamptz not null default now()
);
create index question_message_question_idx on question_message (question_id, created_at);
