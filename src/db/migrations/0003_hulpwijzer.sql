-- Hulpwijzer demand signal: one anonymous row per completed Hulpwijzer (result page or API call).
-- Only coded answers and age bands: no free text, no exact ages, no postcode, nothing about a person.
create table hulpwijzer_demand (
  id bigint generated always as identity primary key,
  day date not null default current_date,
  channel text not null check (channel in ('page', 'api')),
  municipality_code text references municipality (code),
  role text not null check (role in ('parent', 'child', 'youth', 'professional', 'network')),
  phase text check (phase in ('before', 'during', 'recent', 'long_ago')),
  age_bands text[] not null default '{}' check (age_bands <@ array['0-3', '4-7', '8-12', '13-17', '18-23']),
  communication text check (communication in ('good', 'sometimes_hard', 'often_conflict', 'no_contact', 'through_lawyers_or_court')),
  child_signals text[] not null default '{}',
  safety text[] not null default '{}',
  wishes text[] not null default '{}',
  safety_first boolean not null,
  primary_level text not null check (primary_level in ('information', 'advice', 'prevention', 'guidance', 'specialised', 'safety')),
  also_levels text[] not null default '{}'
);
create index hulpwijzer_demand_day_idx on hulpwijzer_demand (day, municipality_code);
