-- Plenary schema. Flyway owns it; seed-data/*.csv (and the dumps) have one file per table with
-- the same columns. Dates of reduced precision are stored as their first day plus a precision.
-- Every table has created_at/updated_at, kept by the loader (a row untouched by a reload keeps both).

create table release (
  version     text primary key,
  date        date not null,
  changes     text not null,
  data_sha256 text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

create table source (
  id         text primary key,
  publisher  text not null,
  title      text,
  url        text,
  published  date,
  published_precision text check (published_precision in ('day', 'month', 'year')),
  kind       text not null,
  note       text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table delegation (
  id                    text primary key,
  iso2                  text not null unique,
  name                  text not null,
  kind                  text not null,
  un_member             boolean not null,
  regional_group        text,
  regional_group_status text not null,
  note                  text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table body (
  id         text primary key,
  name       text not null,
  kind       text not null,
  parent_id  text references body (id),
  note       text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table document (
  id             text primary key,
  symbol         text not null unique,
  title          text,
  kind           text not null,
  body_id        text references body (id),
  date           date,
  date_precision text check (date_precision in ('day', 'month', 'year')),
  note           text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table vote (
  id             text primary key,
  body_id        text not null references body (id),
  date           date not null,
  date_precision text not null check (date_precision in ('day', 'month', 'year')),
  date_note      text,
  subject        text not null,
  method         text not null check (method in ('recorded', 'without_vote')),
  outcome        text not null check (outcome in ('adopted', 'rejected')),
  yes            integer check (yes >= 0),
  no             integer check (no >= 0),
  abstain        integer check (abstain >= 0),
  non_voting     integer check (non_voting >= 0),
  roll_call_status text not null check (roll_call_status in ('complete', 'partial', 'absent')),
  meeting        text,
  certainty      text not null,
  note           text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index vote_date on vote (date, id);

create table vote_document (
  vote_id     text not null references vote (id),
  document_id text not null references document (id),
  role        text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (vote_id, document_id)
);
create index vote_document_document on vote_document (document_id);

-- One row per delegation per recorded vote: the table that grows to ~900,000 rows.
create table roll_call (
  vote_id       text not null references vote (id),
  delegation_id text not null references delegation (id),
  vote          text not null check (vote in ('yes', 'no', 'abstain', 'non_voting')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (vote_id, delegation_id)
);
create index roll_call_delegation on roll_call (delegation_id, vote_id);

create table organization (
  id         text primary key,
  name       text not null,
  kind       text not null,
  note       text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table membership (
  id              text primary key,
  organization_id text not null references organization (id),
  member_id       text not null references organization (id),
  note            text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, member_id)
);

create table person (
  id              text primary key,
  name            text not null,
  role            text,
  organization_id text references organization (id),
  delegation_id   text references delegation (id),
  note            text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (organization_id is null or delegation_id is null)
);

create table position (
  id              text primary key,
  actor_kind      text not null check (actor_kind in ('organization', 'delegation')),
  organization_id text references organization (id),
  delegation_id   text references delegation (id),
  person_id       text references person (id),
  stance          text not null check (stance in ('supports', 'opposes', 'conditional', 'concerned', 'mixed')),
  stance_summary  text not null,
  quote           text,
  quote_status    text not null check (quote_status in ('verbatim', 'fragment', 'none')),
  paraphrase      text,
  date            date not null,
  date_precision  text not null check (date_precision in ('day', 'month', 'year')),
  date_note       text,
  vote_id         text references vote (id),
  certainty       text,
  note            text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((actor_kind = 'organization') = (organization_id is not null and delegation_id is null)),
  check ((actor_kind = 'delegation') = (delegation_id is not null and organization_id is null)),
  check ((quote_status = 'none') = (quote is null))
);
create index position_date on position (date, id);
create index position_organization on position (organization_id);
create index position_delegation on position (delegation_id);
create index position_person on position (person_id);

create table event (
  id             text primary key,
  date           date not null,
  date_precision text not null check (date_precision in ('day', 'month', 'year')),
  end_date       date,
  end_date_precision text check (end_date_precision in ('day', 'month', 'year')),
  kind           text not null,
  title          text not null,
  description    text,
  vote_id        text references vote (id),
  document_id    text references document (id),
  certainty      text,
  note           text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table treaty (
  id                         text primary key,
  name                       text not null,
  short_name                 text,
  adopted_document_id        text references document (id),
  adoption_vote_id           text references vote (id),
  adopted_on                 date,
  signature_opened           date,
  signature_closes           date,
  signatories_official_count integer,
  ratifications_required     integer,
  entry_into_force_days      integer,
  note                       text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table signature (
  id            text primary key,
  treaty_id     text not null references treaty (id),
  delegation_id text not null references delegation (id),
  date          date,
  date_precision text check (date_precision in ('day', 'month', 'year')),
  certainty     text not null,
  note          text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (treaty_id, delegation_id)
);

-- Which records cite which source. record_type names a table; record_id its id (for roll_call,
-- the vote id: a roll call is cited as a whole).
create table citation (
  record_type text not null,
  record_id   text not null,
  source_id   text not null references source (id),
  locator     text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (record_type, record_id, source_id)
);
create index citation_source on citation (source_id);

-- One row: what is loaded (the dataset version and the checksum of the files it came from).
create table dataset_state (
  id           boolean primary key default true check (id),
  version      text not null,
  checksum     text not null,
  loaded_at    timestamptz not null default now()
);
