-- Sociale kaart: organisations, offerings (services), locations, service areas, taxonomy,
-- error reports and anonymous search demand. Aligned with Open Referral HSDS 3 (uuid ids).

-- Taxonomies are data: stable ids, Dutch and English labels, an order.
create table taxonomy_term (
  id text primary key,                 -- '<taxonomy>:<code>', e.g. 'theme:parenting_plan'
  taxonomy text not null,
  code text not null,
  label_nl text not null,
  label_en text not null,
  position integer not null,
  unique (taxonomy, code)
);

insert into taxonomy_term (id, taxonomy, code, label_nl, label_en, position) values
  ('level:information', 'level', 'information', 'Informatie en zelfhulp', 'Information and self-help', 0),
  ('level:advice', 'level', 'advice', 'Laagdrempelig advies', 'Easy-access advice', 1),
  ('level:prevention', 'level', 'prevention', 'Preventieve programma''s', 'Prevention programmes', 2),
  ('level:guidance', 'level', 'guidance', 'Begeleiding bij conflict en contact', 'Guidance with conflict and contact', 3),
  ('level:specialised', 'level', 'specialised', 'Gespecialiseerde hulp', 'Specialised help', 4),
  ('level:safety', 'level', 'safety', 'Veiligheid en crisis', 'Safety and crisis', 5),
  ('audience:parents', 'audience', 'parents', 'Ouders', 'Parents', 0),
  ('audience:children', 'audience', 'children', 'Kinderen', 'Children', 1),
  ('audience:youth', 'audience', 'youth', 'Jongeren', 'Young people', 2),
  ('audience:professionals', 'audience', 'professionals', 'Professionals', 'Professionals', 3),
  ('audience:network', 'audience', 'network', 'Netwerk (opa''s, oma''s, nieuwe partners, school)', 'Network (grandparents, new partners, school)', 4),
  ('phase:before', 'phase', 'before', 'Vóór de scheiding', 'Before the separation', 0),
  ('phase:during', 'phase', 'during', 'Tijdens de scheiding', 'During the separation', 1),
  ('phase:recent', 'phase', 'recent', 'Kort na de scheiding (minder dan 2 jaar)', 'Shortly after (less than 2 years)', 2),
  ('phase:long_ago', 'phase', 'long_ago', 'Lang na de scheiding', 'Long after the separation', 3),
  ('form:individual', 'form', 'individual', 'Individueel', 'One-to-one', 0),
  ('form:group', 'form', 'group', 'In een groep', 'In a group', 1),
  ('form:family', 'form', 'family', 'Met het gezin', 'With the family', 2),
  ('form:online', 'form', 'online', 'Online', 'Online', 3),
  ('form:phone', 'form', 'phone', 'Telefonisch', 'By phone', 4),
  ('form:chat', 'form', 'chat', 'Chat', 'Chat', 5),
  ('access:free', 'access', 'free', 'Vrij toegankelijk', 'Open to everyone', 0),
  ('access:referral', 'access', 'referral', 'Via een verwijzing', 'With a referral', 1),
  ('access:court', 'access', 'court', 'Via de rechter', 'Through the court', 2),
  ('cost:free', 'cost', 'free', 'Gratis', 'Free', 0),
  ('cost:own_contribution', 'cost', 'own_contribution', 'Eigen bijdrage', 'Own contribution', 1),
  ('cost:municipality', 'cost', 'municipality', 'Vergoed door de gemeente (Jeugdwet)', 'Paid by the municipality (Youth Act)', 2),
  ('cost:legal_aid', 'cost', 'legal_aid', 'Via rechtsbijstand', 'Through legal aid', 3),
  ('recognition:goed_onderbouwd', 'recognition', 'goed_onderbouwd', 'Goed onderbouwd', 'Well-founded (Goed onderbouwd)', 0),
  ('recognition:eerste_aanwijzingen', 'recognition', 'eerste_aanwijzingen', 'Effectief volgens eerste aanwijzingen', 'Effective: first indications', 1),
  ('recognition:goede_aanwijzingen', 'recognition', 'goede_aanwijzingen', 'Effectief volgens goede aanwijzingen', 'Effective: good indications', 2),
  ('recognition:sterke_aanwijzingen', 'recognition', 'sterke_aanwijzingen', 'Effectief volgens sterke aanwijzingen', 'Effective: strong indications', 3),
  ('recognition:none', 'recognition', 'none', 'Niet beoordeeld', 'Not assessed', 4),
  ('theme:communication', 'theme', 'communication', 'Communicatie tussen ouders', 'Communication between parents', 0),
  ('theme:parenting_plan', 'theme', 'parenting_plan', 'Ouderschapsplan', 'Parenting plan', 1),
  ('theme:contact_arrangements', 'theme', 'contact_arrangements', 'Omgang en contact', 'Contact arrangements', 2),
  ('theme:loyalty_conflict', 'theme', 'loyalty_conflict', 'Loyaliteitsconflict', 'Loyalty conflict', 3),
  ('theme:child_emotions', 'theme', 'child_emotions', 'Emoties en gedrag van het kind', 'The child''s emotions and behaviour', 4),
  ('theme:school', 'theme', 'school', 'School', 'School', 5),
  ('theme:money_alimony', 'theme', 'money_alimony', 'Geld en alimentatie', 'Money and maintenance', 6),
  ('theme:legal', 'theme', 'legal', 'Juridisch', 'Legal matters', 7),
  ('theme:housing', 'theme', 'housing', 'Wonen', 'Housing', 8),
  ('theme:safety_domestic_violence', 'theme', 'safety_domestic_violence', 'Veiligheid en huiselijk geweld', 'Safety and domestic violence', 9),
  ('theme:new_family', 'theme', 'new_family', 'Nieuw gezin', 'New family', 10),
  ('theme:contact_loss', 'theme', 'contact_loss', 'Contactverlies', 'Loss of contact', 11);

-- Recognition levels by their NJi name, to map intervention.recognition_level to a term.
create table recognition_level (
  name text primary key,
  code text not null unique,
  rank integer not null
);
insert into recognition_level (name, code, rank) values
  ('Goed onderbouwd', 'goed_onderbouwd', 1),
  ('Effectief volgens eerste aanwijzingen', 'eerste_aanwijzingen', 2),
  ('Effectief volgens goede aanwijzingen', 'goede_aanwijzingen', 3),
  ('Effectief volgens sterke aanwijzingen', 'sterke_aanwijzingen', 4);

create table organization (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  description_nl text not null default '',
  description_en text not null default '',
  email text,
  website text,
  phone text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table location (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organization (id),
  name text not null,
  address text not null,
  postcode text not null check (postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
  city text not null,
  municipality_code text not null references municipality (code),
  lat double precision not null check (lat between 50 and 54),
  lon double precision not null check (lon between 3 and 8),
  opening_hours_nl text not null default '',
  opening_hours_en text not null default '',
  accessibility_nl text not null default '',
  accessibility_en text not null default '',
  is_demo boolean not null default false,
  updated_at timestamptz not null default now()
);
create index location_organization_idx on location (organization_id);
create index location_municipality_idx on location (municipality_code);
create index location_earth_idx on location using gist (ll_to_earth(lat, lon));

create table service (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organization (id),
  name_nl text not null check (length(name_nl) between 1 and 200),
  name_en text not null,
  summary_nl text not null,
  summary_en text not null,
  description_nl text not null,
  description_en text not null,
  status text not null check (status in ('active', 'inactive', 'temporarily_closed', 'defunct')),
  level text not null check (level in ('information', 'advice', 'prevention', 'guidance', 'specialised', 'safety')),
  audiences text[] not null check (cardinality(audiences) > 0),
  age_min smallint check (age_min between 0 and 99),
  age_max smallint check (age_max between 0 and 99),
  phases text[] not null,
  forms text[] not null,
  access text not null check (access in ('free', 'referral', 'court')),
  cost text not null check (cost in ('free', 'own_contribution', 'municipality', 'legal_aid')),
  cost_note_nl text,
  cost_note_en text,
  languages text[] not null,
  themes text[] not null,
  intervention_id text references intervention (id),
  duration_nl text not null default '',
  duration_en text not null default '',
  how_to_apply_nl text not null default '',
  how_to_apply_en text not null default '',
  waiting_weeks smallint check (waiting_weeks >= 0),
  last_verified date not null,
  -- Service area: national/online, or the municipalities in service_area.
  national boolean not null default false,
  email text,
  website text,
  phone text,
  is_demo boolean not null default false,
  -- Maintained by the trigger below: weighted Dutch document and words for typo matching.
  search_document tsvector not null default ''::tsvector,
  search_words text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint service_age_range check (age_min is null or age_max is null or age_min <= age_max)
);
create index service_organization_idx on service (organization_id);
create index service_search_idx on service using gin (search_document);
create index service_words_trgm_idx on service using gin (search_words gin_trgm_ops);
create index service_status_level_idx on service (status, level);
create index service_national_idx on service (national) where national;

create table service_area (
  service_id uuid not null references service (id) on delete cascade,
  municipality_code text not null references municipality (code),
  primary key (service_id, municipality_code)
);
create index service_area_municipality_idx on service_area (municipality_code, service_id);

create table service_at_location (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references service (id) on delete cascade,
  location_id uuid not null references location (id),
  unique (service_id, location_id)
);
create index service_at_location_location_idx on service_at_location (location_id);

-- Name (A) > programme (B) > themes and target groups (C) > summary and description (D).
create function service_search_refresh() returns trigger language plpgsql as $$
declare
  programme text := '';
  theme_labels text := '';
begin
  if new.intervention_id is not null then
    select i.name || ' ' || array_to_string(i.aliases, ' ') into programme from intervention i where i.id = new.intervention_id;
  end if;
  select coalesce(string_agg(t.label_nl || ' ' || t.label_en, ' '), '') into theme_labels
    from taxonomy_term t
   where (t.taxonomy = 'theme' and t.code = any (new.themes))
      or (t.taxonomy = 'audience' and t.code = any (new.audiences));
  new.search_document :=
       setweight(to_tsvector('nl', new.name_nl || ' ' || new.name_en), 'A')
    || setweight(to_tsvector('nl', coalesce(programme, '')), 'B')
    || setweight(to_tsvector('nl', theme_labels), 'C')
    || setweight(to_tsvector('nl', new.summary_nl || ' ' || new.description_nl || ' ' || new.summary_en || ' ' || new.description_en), 'D');
  new.search_words := lower(unaccent(new.name_nl || ' ' || new.name_en || ' ' || coalesce(programme, '') || ' ' || theme_labels || ' ' || new.summary_nl));
  return new;
end;
$$;
create trigger service_search_refresh before insert or update on service
  for each row execute function service_search_refresh();

-- "Meld een fout": reports from the public pages, for editors.
create table service_report (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references service (id) on delete cascade,
  message text not null check (length(message) between 1 and 4000),
  email text,
  lang text not null,
  status text not null default 'new' check (status in ('new', 'handled', 'rejected')),
  created_at timestamptz not null default now(),
  handled_at timestamptz
);
create index service_report_status_idx on service_report (status, created_at);

-- Anonymous search demand for municipality insight: no address, no cookie, nothing about a person.
create table search_demand (
  id bigint generated always as identity primary key,
  day date not null default current_date,
  municipality_code text references municipality (code),
  query text,
  filters text[] not null default '{}',
  result_count integer not null
);
create index search_demand_day_idx on search_demand (day, municipality_code);
