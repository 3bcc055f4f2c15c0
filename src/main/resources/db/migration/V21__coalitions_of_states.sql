-- Coalitions of states: an organization's member may be a delegation (a state), as well as another
-- organization, so that a coalition of states (its members cited like every record) is a group
-- whose cohesion Plenary computes (org.plenary.group.Groups, docs/analytics.md). A membership has
-- exactly one member: member_id (an organization) or delegation_id (a delegation), and may say
-- when it began and ended (a coalition's cohesion counts a member's votes within them). Releases up
-- to this one have none of the three columns: a memberships.csv without them reads them as empty
-- (org.plenary.seed.Schema COLUMNS_ADDED_LATER).

alter table membership alter column member_id drop not null;
alter table membership add column delegation_id text references delegation (id);
alter table membership add column start_date date;
alter table membership add column end_date date;
alter table membership add constraint membership_period check (start_date <= end_date);
alter table membership add constraint membership_one_member
  check (num_nonnulls(member_id, delegation_id) = 1);
alter table membership add constraint membership_organization_delegation
  unique (organization_id, delegation_id);
create index membership_delegation on membership (delegation_id, organization_id)
  where delegation_id is not null;

-- The checksum recorded for the loaded release's membership table (org.plenary.seed.ContentChecksum,
-- md5-row-text-by-key-1) covered the row without the new column. Where it still matches the
-- content as it was, it is recomputed with the column, so the next start does not take the
-- migration for tampering; a checksum that did not match stays, and tampering is still found.
set local timezone = 'UTC';
set local datestyle = 'ISO, YMD';
set local extra_float_digits = 1;
update dataset_state d
   set content_checksums = jsonb_set(d.content_checksums, '{tables,membership}', to_jsonb((
         select md5(coalesce(string_agg(row(id, organization_id, member_id, delegation_id,
                  start_date, end_date, note)::text, E'\n' order by id), ''))
           from membership)))
 where d.content_checksums ->> 'algorithm' = 'md5-row-text-by-key-1'
   and d.content_checksums -> 'tables' ->> 'membership' = (
         select md5(coalesce(string_agg(row(id, organization_id, member_id, note)::text, E'\n'
                  order by id), ''))
           from membership);
