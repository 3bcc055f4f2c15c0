-- roll_call's second index, (delegation_id, vote_id), now also holds each entry's ballot (INCLUDE):
-- a delegation's country votes are read from the index alone (an index-only scan) instead of from
-- one heap page each. The table is stored roll call by roll call, so a delegation's 10,000 country
-- votes lie on 10,000 pages: comparing two delegations over the whole history (after a General
-- Assembly import, 1.77 million country votes) read 21,000 pages for 10,700 rows. Measured on
-- that data (docs/benchmarks.md): the pair's agreement 142 ms -> 97 ms, by year 91 -> 51 ms, a
-- delegation's ranking against every other 1.19 s -> 0.90 s, Brazil and the United States on
-- human rights 59 -> 29 ms. The index grows from 53 MB to 69 MB; its build takes a few percent
-- longer. The index-only scans need the table's pages marked all-visible: the first start vacuums
-- roll_call after it is served (curation/CuratedReleaseService), autovacuum does after an import.
-- The loads and imports that drop and create it again (seed/BulkLoad) read its definition here.
drop index roll_call_delegation;
create index roll_call_delegation on roll_call (delegation_id, vote_id) include (vote)
  with (deduplicate_items = off);
