-- The checksum of each dataset table's content as loaded ({"algorithm": ..., "tables": {table name: hex MD5}}), recorded by
-- the loader (and by whatever else publishes a release) and verified at every start, so direct
-- edits of the database never survive a restart unnoticed. Null until the next load records it.
alter table dataset_state add column content_checksums jsonb;
