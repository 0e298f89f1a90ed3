-- Open Referral HSDS import: attributes whose taxonomy term is not one of ours are kept here,
-- linked to the record they came with, so they travel on in the next export.
create table hsds_attribute (
  id uuid primary key,
  link_entity text not null check (link_entity in ('service', 'organization', 'location')),
  link_id uuid not null,
  taxonomy text not null default '',
  term_id uuid,
  term_code text not null default '',
  term_name text not null default '',
  value text not null default ''
);
create index hsds_attribute_link_idx on hsds_attribute (link_entity, link_id);
create index hsds_attribute_term_idx on hsds_attribute (term_id);
-- Last-Modified of the open API and `modified_after` read the newest change: an index, not a scan.
create index service_updated_at_idx on service (updated_at);
create index organization_updated_at_idx on organization (updated_at);
create index location_updated_at_idx on location (updated_at);
