-- The checksum of each dataset table's content as loaded (table name -> hex SHA-256), recorded by
-- the loader (and by whatever else publishes a release) and verified at every start, so direct
-- edits of the database never survive a restart unnoticed. Null until the next load records it.
alter table dataset_state add column content_checksums jsonb;
