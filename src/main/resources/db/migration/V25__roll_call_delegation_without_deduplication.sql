-- roll_call's second index, (delegation_id, vote_id), holds one entry per country vote: no two
-- entries share a key, so B-tree deduplication never merges any, and only costs its build (over
-- the 1.77 million country votes after a General Assembly import: 1.1 s instead of 1.3 s) and
-- every insert. A storage parameter only: the index is not rebuilt; the loads and imports that
-- drop and create it again (seed/BulkLoad) keep it.
alter index roll_call_delegation set (deduplicate_items = off);
