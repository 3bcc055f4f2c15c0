-- The paragraphs' search apart from their text (org.plenary.statement.Statements, PASSAGES). A
-- search, its ranking and its counts per year read the keys and the tsvector of every candidate
-- paragraph, never its text: in statement_paragraph the text made each row twice as wide, so a
-- count of a common word (peace: 97,152 paragraphs) read 41,000 pages of 8 kB. Here they are one
-- row per paragraph without the text, in the order the newest are looked for (year, statement,
-- paragraph), and the text is read for the page's rows alone (their passages).
--
-- statement_paragraph keeps the texts (the statement page, the passages, the content checksum);
-- this table is derived from it (to_tsvector('english', text)) by every import, like an index.
create table statement_search (
  statement_id text not null,
  n            integer not null,
  code         text not null,
  session      integer not null,
  year         integer not null,
  search       tsvector not null,
  primary key (statement_id, n),
  foreign key (statement_id, n) references statement_paragraph (statement_id, n)
);
insert into statement_search (statement_id, n, code, session, year, search)
  select statement_id, n, code, session, year, search from statement_paragraph
  order by year, statement_id, n;

alter table statement_paragraph drop column search; -- and its index
drop index statement_paragraph_code;
drop index statement_paragraph_year;
drop index statement_paragraph_session;
-- the dropped column's space, given back (a database that had imported the corpus)
cluster statement_paragraph using statement_paragraph_pkey;

-- Without a pending list (fastupdate): a search after an import reads the index as built.
create index statement_search_search on statement_search using gin (search)
  with (fastupdate = off);
-- the newest first, read backwards (a search sorted by rank ranks the newest matches)
create index statement_search_newest on statement_search (year, statement_id, n);
create index statement_search_code on statement_search (code, year);
create index statement_search_session on statement_search (session);
-- The rows are stored by year: a window of years (2000-2014) is a range of pages, so a rare
-- word's matches outside it are not read (combined with the search index).
create index statement_search_years on statement_search using brin (year)
  with (pages_per_range = 8);
analyze statement_search;
