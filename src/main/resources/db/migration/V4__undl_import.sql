-- The whole General Assembly: records imported from the UN Digital Library's voting file.
--
-- origin says where a row came from: 'seed' (the curated dataset, merged by the seed loader) or
-- 'undl' (written by `import undl FILE`). The seed loader's merge only ever deletes rows of origin
-- 'seed', so restarting never wipes an import, and an import never deletes anything.
alter table release    add column origin text not null default 'seed' check (origin in ('seed', 'undl'));
alter table source     add column origin text not null default 'seed' check (origin in ('seed', 'undl'));
alter table delegation add column origin text not null default 'seed' check (origin in ('seed', 'undl'));
alter table vote       add column origin text not null default 'seed' check (origin in ('seed', 'undl'));
alter table roll_call  add column origin text not null default 'seed' check (origin in ('seed', 'undl'));
alter table citation   add column origin text not null default 'seed' check (origin in ('seed', 'undl'));

-- Historic states (YUG, CSK, DDR, ...) have no ISO alpha-2 code.
alter table delegation alter column iso2 drop not null;

-- A roll call of the General Assembly in the UN Digital Library: its record number, session
-- (a number, or e.g. ES-10) and resolution symbol. A curated vote linked to a roll call of the
-- file carries them too. The file does not say whether a paragraph or amendment vote passed:
-- an imported vote's outcome is unknown (null).
alter table vote add column undl_id integer unique;
alter table vote add column session text;
alter table vote add column resolution text;
alter table vote alter column outcome drop not null;
create index vote_session on vote (session, date, id);
create index vote_resolution on vote (resolution);

-- Full-text search over titles (q=) from an index rather than a computed expression.
alter table vote add column search tsvector generated always as (
  setweight(to_tsvector('english', subject), 'A')
  || setweight(to_tsvector('english', coalesce(resolution, '') || ' ' || coalesce(meeting, '')), 'B')
  || setweight(to_tsvector('english', coalesce(note, '') || ' ' || coalesce(date_note, '')), 'D')
) stored;
create index vote_search on vote using gin (search);

-- The dataset's identity after imports: the checksum of what the imports changed, combined with
-- the seed files' checksum (dataset_state.checksum, which the seed loader compares its files to).
alter table dataset_state add column import_checksum text;

-- The UN Digital Library identity of roll calls, as dumped (undl_votes.csv).
create view undl_vote as
  select id as vote_id, undl_id, session, resolution from vote where undl_id is not null;
