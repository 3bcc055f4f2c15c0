-- What a position's stance is on (org.plenary.seed.Vocabulary.POSITION_SUBJECT): the convention,
-- a clause of it, a proposal in the negotiations, or a vote on another resolution. Releases up to
-- 1.1.0 did not say, and every stance was read as a stance on the convention: existing rows get
-- that value, as a positions.csv without the column does (org.plenary.seed.Schema
-- COLUMNS_ADDED_LATER); curated releases then correct it record by record.

alter table position add column subject text not null default 'convention';
alter table position alter column subject drop default;
alter table position add constraint position_subject_check
  check (subject in ('convention', 'clause', 'proposal', 'vote'));

-- A source published by a chamber of commerce or another business association (the ICC's
-- statements) is of its own kind, as the organization that holds the position already is.
alter table source drop constraint source_kind_check;
alter table source add constraint source_kind_check check (kind in ('official_un', 'government', 'news', 'ngo', 'company', 'dataset', 'aggregator', 'ai_summary', 'reference_work', 'blog', 'intergovernmental', 'business_association'));

-- The checksum recorded for the loaded release's position table (org.plenary.seed.ContentChecksum,
-- md5-row-text-by-key-1) covered the row without the new column. Where it still matches the
-- content as it was, it is recomputed with the column, so the next start does not take the
-- migration for tampering; a checksum that did not match stays, and tampering is still found.
set local timezone = 'UTC';
set local datestyle = 'ISO, YMD';
set local extra_float_digits = 1;
update dataset_state d
   set content_checksums = jsonb_set(d.content_checksums, '{tables,position}', to_jsonb((
         select md5(coalesce(string_agg(row(id, actor_kind, organization_id, delegation_id,
                  person_id, stance, subject, stance_summary, quote, quote_status, paraphrase,
                  date, date_precision, date_note, vote_id, certainty, note)::text, E'\n'
                  order by id), ''))
           from position)))
 where d.content_checksums ->> 'algorithm' = 'md5-row-text-by-key-1'
   and d.content_checksums -> 'tables' ->> 'position' = (
         select md5(coalesce(string_agg(row(id, actor_kind, organization_id, delegation_id,
                  person_id, stance, stance_summary, quote, quote_status, paraphrase, date,
                  date_precision, date_note, vote_id, certainty, note)::text, E'\n'
                  order by id), ''))
           from position);
