-- Search caches (docs/decisions/0004-search-cache.md): a catalogue revision that every write to the
-- tables a search reads moves on, whoever writes (editors, HSDS import, demo seed, psql). A process
-- reads it before using anything it cached, so several processes and outside writers stay correct.
create table catalogue_revision (
  id boolean primary key default true check (id),
  revision bigint not null,
  changed_at timestamptz not null default now()
);
insert into catalogue_revision (revision) values (1);

-- BEFORE STATEMENT, so a writing transaction takes the row lock before its first catalogue row
-- lock: catalogue writers queue here (briefly) instead of risking a deadlock on this row. Bumping
-- for a statement that then changes nothing only costs a cache refill.
create function catalogue_revision_bump() returns trigger language plpgsql as $$
begin
  update catalogue_revision set revision = revision + 1, changed_at = now();
  return null;
end;
$$;

-- The catalogue, and the reference data search pages show (recognition, places, crisis lines),
-- which another process may load at its start.
do $$
declare
  name text;
begin
  foreach name in array array['service', 'service_area', 'service_at_location', 'organization', 'location',
                              'taxonomy_term', 'intervention', 'municipality', 'postcode_area', 'crisis_line'] loop
    execute format('create trigger catalogue_revision_bump before insert or update or delete or truncate on %I
                      for each statement execute function catalogue_revision_bump()', name);
  end loop;
end;
$$;

-- Keep the search document in the row (compressed) rather than in the TOAST table: the candidate
-- query reads it for every offering of a place, and the out-of-line fetch was a third of its cost.
-- The long texts are moved out of line first instead. The update rebuilds every document (the
-- refresh trigger runs) so existing rows are stored the new way too.
alter table service alter column search_document set storage main;
update service set search_words = search_words;
