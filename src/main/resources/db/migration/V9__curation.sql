-- Curation: bearer tokens, change sets and their operations, reviews, and every published
-- release's files; plus claims (figures that sources disagree on) and ratifications.
-- Hibernate ORM maps the curation tables (org.plenary.curation) but never changes the schema.
-- (Version 9, not 5: it comes after V6, whose vocabulary checks it extends, on every database.)

-- A release is published from seed-data (the bootstrap), through review (curation) or by an import.
-- (origin comes from V4, the General Assembly import: 'seed' or 'undl'; curation adds its own.)
alter table release drop constraint release_origin_check;
alter table release add constraint release_origin_check
  check (origin in ('seed', 'undl', 'curation', 'import'));
alter table release add column notes text;
alter table release add column checksum text;
alter table release add column published_at timestamptz;
alter table release add column published_by text;

-- The dumps of every published release, byte for byte, so that each stays downloadable forever.
create table release_file (
  version     text not null references release (version),
  name        text not null,
  table_name  text,
  description text not null,
  media_type  text not null,
  bytes       bigint not null,
  sha256      text not null,
  row_count   bigint,
  content     bytea not null,
  primary key (version, name)
);

-- Only a SHA-256 of each token is stored; the token itself is shown once, when it is created.
create table api_token (
  id          bigserial primary key,
  name        text not null,
  role        text not null check (role in ('editor', 'reviewer', 'admin')),
  token_hash  text not null unique,
  created_by  text not null,
  created_at  timestamptz not null default now()
);

create table change_set (
  id              bigserial primary key,
  status          text not null check (status in ('proposed', 'approved', 'rejected', 'released')),
  reason          text not null,
  author          text not null,
  author_role     text not null,
  proposed_at     timestamptz not null default now(),
  release_version text references release (version),
  released_at     timestamptz
);
create index change_set_status on change_set (status, id);

-- One operation of a change set: what the editor asked for (payload, sources, base) and, once
-- published, the record before and after, as the dumps show it.
create table change_operation (
  id            bigserial primary key,
  change_set_id bigint not null references change_set (id),
  seq           integer not null,
  op            text not null check (op in ('create', 'update', 'delete')),
  table_name    text not null,
  record_id     text not null,
  base          text,
  payload       text not null,
  sources       text not null,
  before        text,
  after         text,
  unique (change_set_id, seq)
);
create index change_operation_record on change_operation (table_name, record_id);

create table review (
  id            bigserial primary key,
  change_set_id bigint not null references change_set (id),
  decision      text not null check (decision in ('approved', 'rejected')),
  reviewer      text not null,
  reviewer_role text not null,
  note          text,
  reviewed_at   timestamptz not null default now()
);
create index review_change_set on review (change_set_id);

-- A figure that sources disagree on (e.g. the signatory count: 65, 69, 72 or 74): one row per
-- claim, each with its as-of date, certainty and sources (citations); the one Plenary reports
-- is marked, with the reason.
create table claim (
  id               text primary key,
  subject_type     text not null,
  subject_id       text not null,
  property         text not null,
  value            integer not null,
  as_of            date,
  as_of_precision  text check (as_of_precision in ('day', 'month', 'year')),
  certainty        text not null,
  reported         boolean not null,
  reason           text,
  note             text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index claim_reported on claim (subject_type, subject_id, property) where reported;

create table ratification (
  id             text primary key,
  treaty_id      text not null references treaty (id),
  delegation_id  text not null references delegation (id),
  date           date,
  date_precision text check (date_precision in ('day', 'month', 'year')),
  certainty      text not null,
  note           text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (treaty_id, delegation_id)
);

-- The closed vocabularies of the new tables (org.plenary.seed.Vocabulary), as V6 does for the others.
alter table claim add constraint claim_subject_type_check check (subject_type in ('treaty'));
alter table claim add constraint claim_property_check check (property in ('signatories_count'));
alter table claim add constraint claim_certainty_check check (certainty in ('confirmed', 'single_source', 'uncertain'));
alter table ratification add constraint ratification_certainty_check check (certainty in ('confirmed', 'single_source', 'uncertain'));
-- Claims and ratifications cite their sources.
alter table citation drop constraint citation_record_type_check;
alter table citation add constraint citation_record_type_check check (record_type in ('delegation', 'body', 'document', 'vote', 'roll_call', 'organization', 'membership', 'person', 'position', 'event', 'treaty', 'signature', 'claim', 'ratification'));
