-- The UN's voting record by default: layers of the published dataset built from outside data
-- (Voeten's General Assembly roll calls since 1946, the Security Council's veto list), topics, the
-- Security Council and its permanent members, conflicts between sources, historic states.
--
-- A layer is a directory of seed-data/layers/{name}/ written by `scripts/build-layers` from its
-- source files; the seed loader copies it into these tables with COPY. Its rows carry origin =
-- the layer's name: the seed files' merge never touches them, and a layer is replaced as a whole
-- when its files change (org.plenary.seed.Layers).

alter table source drop constraint source_origin_check;
alter table source add constraint source_origin_check
  check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes'));
alter table delegation drop constraint delegation_origin_check;
alter table delegation add constraint delegation_origin_check
  check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes'));
alter table vote drop constraint vote_origin_check;
alter table vote add constraint vote_origin_check
  check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes'));
alter table roll_call drop constraint roll_call_origin_check;
alter table roll_call add constraint roll_call_origin_check
  check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes'));
alter table citation drop constraint citation_origin_check;
alter table citation add constraint citation_origin_check
  check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes'));
-- the Security Council comes with the veto list
alter table body add column origin text not null default 'seed'
  check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes'));

-- How a decision was taken: a recorded vote, a non-recorded vote (show of hands: the UN Digital
-- Library's resolutions file), or without a vote. A draft a permanent member voted down is vetoed.
alter table vote drop constraint vote_method_check;
alter table vote add constraint vote_method_check
  check (method in ('recorded', 'without_vote', 'non_recorded'));
alter table vote drop constraint vote_outcome_check;
alter table vote add constraint vote_outcome_check
  check (outcome in ('adopted', 'rejected', 'vetoed'));

-- A vote's identity and flags in the outside sources, outside the seed files' model (dumped as
-- vote_details.csv): Voeten's roll-call id, whether it was a vote on an amendment or a paragraph,
-- the US State Department's "important vote" flag, the draft a vetoed Council vote was on.
alter table vote add column voeten_rcid integer unique;
alter table vote add column amend boolean;
alter table vote add column para boolean;
alter table vote add column important_vote boolean;
alter table vote add column draft text;
create index vote_body_date on vote (body_id, date desc, id);

create view vote_detail as
  select id as vote_id, voeten_rcid, amend, para, important_vote, draft from vote
  where voeten_rcid is not null or amend is not null or para is not null
     or important_vote is not null or draft is not null;

-- Topics: Voeten's six issues ('voeten'), the UN's subject terms ('unbis', from imported files),
-- agenda items ('agenda'). A vote has any number of them.
create table topic (
  id         text primary key,
  scheme     text not null check (scheme in ('voeten', 'unbis', 'agenda')),
  name       text not null,
  note       text,
  origin     text not null default 'seed' check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index topic_scheme on topic (scheme, id);

create table vote_topic (
  vote_id    text not null references vote (id),
  topic_id   text not null references topic (id),
  origin     text not null default 'seed' check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (vote_id, topic_id)
);
create index vote_topic_topic on vote_topic (topic_id, vote_id);

-- Historic states: which delegation's record continues as which (YUG -> SRB), with the date
-- where a source gives it (null: unknown), and the source.
create table delegation_succession (
  predecessor_id text not null references delegation (id),
  successor_id   text not null references delegation (id),
  date           date,
  date_precision text check (date_precision in ('day', 'month', 'year')),
  note           text,
  source_id      text not null references source (id),
  locator        text,
  origin     text not null default 'seed' check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (predecessor_id, successor_id)
);
create index delegation_succession_successor on delegation_succession (successor_id);

-- Every name a delegation is known by, in a language (en, fr, es, ar, zh, ru), with its source:
-- /v1/delegations?name= finds a delegation by any of them.
create table delegation_name (
  delegation_id text not null references delegation (id),
  language      text not null,
  name          text not null,
  source_id     text not null references source (id),
  origin     text not null default 'seed' check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (delegation_id, language, name, source_id)
);
create index delegation_name_lower on delegation_name (lower(name));

-- Members of a body (the Security Council's permanent members), with the source.
create table body_member (
  body_id       text not null references body (id),
  delegation_id text not null references delegation (id),
  permanent     boolean not null,
  note          text,
  source_id     text not null references source (id),
  origin     text not null default 'seed' check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (body_id, delegation_id)
);

-- Where two sources disagree on a vote that both report (a tally, a delegation's ballot): what
-- the published dataset holds and cites, and what the other source says. The published value
-- stands; the conflict is listed (/v1/conflicts).
create table conflict (
  id                  text primary key,
  vote_id             text not null references vote (id),
  field               text not null,
  delegation_id       text references delegation (id),
  published_value     text,
  published_source_id text references source (id),
  other_value         text,
  other_source_id     text not null references source (id),
  other_locator       text,
  note                text,
  origin     text not null default 'seed' check (origin in ('seed', 'undl', 'voeten', 'sc-vetoes')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index conflict_vote on conflict (vote_id, id);

-- Which version of each layer is loaded: the SHA-256 of its files (a start with the same files
-- skips it).
create table layer (
  name       text primary key,
  checksum   text not null,
  loaded_at  timestamptz not null default now()
);
