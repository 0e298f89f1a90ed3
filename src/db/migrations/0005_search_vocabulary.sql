-- Words of the catalogue, for typo correction: a typed word is matched against these short words
-- (trigram index) and the search then runs on the corrected words with full text. Much cheaper
-- than comparing the typed word with every offering's text.
create table search_vocabulary (
  word text primary key
);
create index search_vocabulary_trgm_idx on search_vocabulary using gin (word gin_trgm_ops);

create function search_vocabulary_collect() returns trigger language plpgsql as $$
begin
  insert into search_vocabulary (word)
  select distinct w from regexp_split_to_table(new.search_words, '[^a-z0-9]+') as w
   where length(w) between 4 and 40
  on conflict do nothing;
  return null;
end;
$$;
create trigger search_vocabulary_collect after insert or update of search_words on service
  for each row execute function search_vocabulary_collect();

insert into search_vocabulary (word)
select distinct w from service, regexp_split_to_table(search_words, '[^a-z0-9]+') as w
 where length(w) between 4 and 40
on conflict do nothing;
