-- The UN Digital Library's documents of a vote, as rows, and the Member States' UN membership.
--
-- 1. The drafts, committee reports, meeting records and resolutions a Library file names for a
--    vote are documents linked to it (vote_document), each citing the file. They carry origin
--    'undl' like every row an import writes, so the seed files' merge never deletes them
--    (org.plenary.seed.Schema IMPORTED). A meeting record is a kind of document and a role of one.
alter table document add column origin text not null default 'seed'
  check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes'));
alter table vote_document add column origin text not null default 'seed'
  check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes'));
alter table document drop constraint document_kind_check;
alter table document add constraint document_kind_check check (kind in ('resolution', 'draft_resolution', 'amendment', 'report', 'proposal', 'meeting_record'));
alter table vote_document drop constraint vote_document_role_check;
alter table vote_document add constraint vote_document_role_check check (role in ('adopted_text', 'draft', 'amendment', 'report', 'subject', 'meeting_record'));

-- 2. A delegation's periods of UN membership, from the Member States' names file: the
--    coverage_periods of its current name's row (name_status ms), with the resolution that admitted
--    it (on its first period) and whether it is a founding member. end_date null: it lasts. A
--    delegation without rows has no imported source for them (the file was not imported), which
--    never means it was not a member.
create table un_membership (
  delegation_id   text not null references delegation (id),
  start_date      date not null,
  end_date        date,
  founding_member boolean,
  resolution      text,
  source_id       text not null references source (id),
  locator         text,
  origin     text not null default 'seed' check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (delegation_id, start_date),
  check (end_date is null or start_date <= end_date)
);

-- The start-up check (org.plenary.release.ContentChecksum) covers every dumped table: the new,
-- empty one is recorded as such for a dataset already loaded, so that the next start does not take
-- the migration for tampering (the MD5 of no rows, and the fingerprint of an empty table).
update dataset_state
   set content_checksums = jsonb_set(jsonb_set(content_checksums, '{tables,un_membership}',
         '"d41d8cd98f00b204e9800998ecf8427e"'), '{fingerprints,un_membership}', '"0:0"')
 where content_checksums ->> 'algorithm' = 'md5-of-row-md5s-by-key-2';
