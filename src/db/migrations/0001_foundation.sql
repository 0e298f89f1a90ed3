-- Foundation: search extensions, the Dutch text-search configuration, settings and reference data.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists cube;
create extension if not exists earthdistance;

-- Dutch stemming with accents folded: "taalcafé" and "taalcafe" become the same lexeme.
create text search configuration nl (copy = dutch);
alter text search configuration nl
  alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part
  with unaccent, dutch_stem;

create table app_setting (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);

-- CBS municipalities (gemeenten), division of 1 January 2025. Source: reference-data/SOURCES.md.
create table municipality (
  code text primary key check (code ~ '^GM[0-9]{4}$'),
  name text not null,
  display_name text not null,
  province_code text not null,
  province_name text not null,
  lat double precision not null,
  lon double precision not null,
  youth_region text not null,
  youth_region_code text not null
);
create index municipality_display_name_idx on municipality (lower(display_name));
create index municipality_youth_region_idx on municipality (youth_region_code);

-- CBS PC4 areas (2020) assigned to the 2025 municipalities.
create table postcode_area (
  pc4 text primary key check (pc4 ~ '^[1-9][0-9]{3}$'),
  municipality_code text not null references municipality (code),
  lat double precision not null,
  lon double precision not null,
  municipality_share numeric(3, 2) not null,
  method text not null
);
create index postcode_area_municipality_idx on postcode_area (municipality_code);

-- National crisis and help lines. Texts shown to people live in the i18n catalogues.
create table crisis_line (
  id text primary key,
  name text not null,
  phone text not null,
  phone_alt text,
  free boolean not null,
  -- Raw hours as in the source (English); shown only as "day and night" when confirmed 24/7.
  hours text not null,
  always_open boolean not null,
  chat boolean not null,
  url text,
  age_min integer,
  age_max integer,
  audience text[] not null,
  priority integer not null
);

-- Intervention programmes and their NJi recognition (level + date), from the checked facts file.
create table intervention (
  id text primary key,
  name text not null unique,
  aliases text[] not null,
  target_groups text[] not null,
  age_min integer,
  age_max integer,
  forms text[] not null,
  severity_levels text[] not null,
  recognition_level text,
  -- As precise as the source: 'YYYY-MM-DD', 'YYYY', or null when the date was not retrieved.
  recognition_date text check (recognition_date ~ '^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$'),
  recognition_committee text,
  sources text[] not null,
  constraint intervention_recognition_level check (recognition_level in (
    'Goed onderbouwd', 'Effectief volgens eerste aanwijzingen',
    'Effectief volgens goede aanwijzingen', 'Effectief volgens sterke aanwijzingen'))
);
