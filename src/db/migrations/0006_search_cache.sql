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

create trigger catalogue_revision_bump before insert or update or delete or truncate on service
  for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_bump before insert or update or delete or truncate on service_area
  for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_bump before insert or update or delete or truncate on service_at_location
  for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_bump before insert or update or delete or truncate on organization
  for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_bump before insert or update or delete or truncate on location
  for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_bump before insert or update or delete or truncate on taxonomy_term
  for each statement execute function catalogue_revision_bump();
-- Reference data that results show (recognition, places): loaded at start, possibly by another process.
create trigger catalogue_revision_bump before insert or update or delete or truncate on intervention
  for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_bump before insert or update or delete or truncate on municipality
  for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_bump before insert or update or delete or truncate on postcode_area
  for each statement execute function catalogue_revision_bump();

-- Keep the search document in the row (compressed) rather than in the TOAST table: the candidate
-- query reads it for every offering of a place, and the out-of-line fetch was a third of its cost.
-- The long texts are moved out of line first instead. The update rebuilds every document (the
-- refresh trigger runs) so existing rows are stored the new way too.
alter table service alter column search_document set storage main;
update service set search_words = search_words;
