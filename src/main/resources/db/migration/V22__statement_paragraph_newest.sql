-- A search sorted by rank ranks the newest matching paragraphs (org.plenary.statement.Statements,
-- RANKED): this index gives them in that order (year, then statement and paragraph, descending)
-- and stops at the last one needed, instead of sorting a whole year's paragraphs.
drop index statement_paragraph_year;
create index statement_paragraph_year on statement_paragraph (year, statement_id, n);
