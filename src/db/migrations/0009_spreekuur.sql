-- Consultation hours (spreekuur): recurring hours, exceptions, materialised slots and bookings.
-- Times are Europe/Amsterdam wall-clock in the definitions (hours) and instants in slots.

create table spreekuur_hours (
  id uuid primary key default gen_random_uuid(),
  -- ISO weekdays: 1 = Monday … 7 = Sunday.
  weekdays smallint[] not null check (cardinality(weekdays) between 1 and 7 and weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
  start_time time not null,
  end_time time not null,
  slot_minutes smallint not null check (slot_minutes between 5 and 240),
  capacity smallint not null check (capacity between 1 and 50),
  mode text not null check (mode in ('phone', 'video', 'location')),
  location_id uuid references location (id) on delete set null,
  location_text text not null default '' check (length(location_text) <= 200),
  valid_from date not null,
  valid_until date,
  created_at timestamptz not null default now(),
  check (end_time > start_time),
  check (valid_until is null or valid_until >= valid_from)
);

-- Holidays and closures: no slots on these days; existing bookings are listed for staff to contact.
create table spreekuur_exception (
  id uuid primary key default gen_random_uuid(),
  first_day date not null,
  last_day date not null,
  reason text not null check (length(reason) between 1 and 200),
  created_at timestamptz not null default now(),
  check (last_day >= first_day and last_day - first_day <= 366)
);
create index spreekuur_exception_days_idx on spreekuur_exception (first_day, last_day);

-- One row per bookable time. `booked` is changed in the booking transaction; the CHECK is what
-- makes overbooking impossible, whatever the concurrency: the row lock of the UPDATE serialises
-- bookings of one slot and the losing transaction fails the constraint.
create table spreekuur_slot (
  id uuid primary key default gen_random_uuid(),
  hours_id uuid references spreekuur_hours (id) on delete set null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  mode text not null check (mode in ('phone', 'video', 'location')),
  location_id uuid references location (id) on delete set null,
  location_text text not null default '',
  capacity smallint not null check (capacity >= 1),
  booked smallint not null default 0,
  -- Closed by an exception: not bookable, but kept while it has bookings.
  closed boolean not null default false,
  constraint spreekuur_slot_capacity check (booked >= 0 and booked <= capacity),
  check (ends_at > starts_at),
  unique (hours_id, starts_at)
);
create index spreekuur_slot_starts_idx on spreekuur_slot (starts_at);

create table spreekuur_booking (
  id uuid primary key default gen_random_uuid(),
  slot_id uuid not null references spreekuur_slot (id),
  status text not null default 'booked' check (status in ('booked', 'cancelled', 'attended', 'no_show')),
  -- Personal fields: emptied by the retention job (anonymised_at set).
  name text check (length(name) between 1 and 100),
  email text check (length(email) between 3 and 254),
  phone text check (length(phone) between 6 and 20),
  topic_note text check (length(topic_note) <= 500),
  staff_note text check (length(staff_note) <= 2000),
  -- Anonymous, kept for counts.
  topic text not null,
  lang text not null default 'nl' check (lang in ('nl', 'en')),
  -- SHA-256 of the private manage link's token; the token itself is never stored.
  manage_token_hash text unique,
  idempotency_key text not null unique check (length(idempotency_key) between 8 and 100),
  -- The slot start the reminder was sent for, so a rebooked appointment gets its own reminder.
  reminder_sent_for timestamptz,
  -- iCalendar SEQUENCE: raised on every rebook or cancellation, so calendars replace the event.
  sequence integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  cancelled_at timestamptz,
  anonymised_at timestamptz,
  check (anonymised_at is not null or (name is not null and (email is not null or phone is not null))),
  check ((status = 'cancelled') = (cancelled_at is not null))
);
create index spreekuur_booking_slot_idx on spreekuur_booking (slot_id);
create index spreekuur_booking_retention_idx on spreekuur_booking (created_at) where anonymised_at is null;
