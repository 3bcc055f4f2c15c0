-- The General Debate: what each state said in the General Assembly's general debate, 1946 on,
-- imported from the UN General Debate Corpus (`import ungdc FILE.tgz|DIR`, org.plenary.ingest).
--
-- The texts are the corpus's, not Plenary's: they are served with its citation and kept out of
-- Plenary's releases and dumps (these tables are not in the seed-data model). The corpus's source
-- row (origin 'ungdc') and the release each import publishes are.
alter table release drop constraint release_origin_check;
alter table release add constraint release_origin_check
  check (origin in ('seed', 'undl', 'curation', 'import', 'ungdc'));
alter table source drop constraint source_origin_check;
alter table source add constraint source_origin_check
  check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes', 'ungdc'));

-- One statement of one speaker for one delegation in one session's general debate. code is the
-- corpus's own: ISO alpha-3 for members (the delegation's id), a historic code for former states
-- (YUG, CSK, DDR, YMD) and EU, PSE, VAT for observers. It is not a foreign key: a code the
-- delegations lack is named, not refused, and links by itself once a delegation with that id
-- exists. locator is the corpus's file name, the citation's locator.
create table statement (
  id          text primary key,
  code        text not null,
  session     integer not null,
  year        integer not null,
  speaker     text,
  post        text,
  paragraphs  integer not null,
  characters  integer not null,
  text_sha256 text not null,
  source_id   text not null references source (id),
  locator     text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (code, session)
);
create index statement_year on statement (year, code);

-- Paragraphs are the unit of search and of citation (/v1/statements/{id}#p12): n counts from 1.
-- They repeat their statement's code, session and year (which its id fixes): a search filtered by
-- them combines this table's indexes once, instead of probing the search index per statement.
create table statement_paragraph (
  statement_id text not null references statement (id),
  n            integer not null,
  code         text not null,
  session      integer not null,
  year         integer not null,
  text         text not null,
  search       tsvector generated always as (to_tsvector('english', text)) stored,
  primary key (statement_id, n)
);
create index statement_paragraph_search on statement_paragraph using gin (search);
create index statement_paragraph_code on statement_paragraph (code, year);
create index statement_paragraph_year on statement_paragraph (year);
create index statement_paragraph_session on statement_paragraph (session);
