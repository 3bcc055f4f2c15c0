-- resolution= on /v1/votes and symbol= on /v1/documents find a symbol however its source writes it
-- (Votes.writtenSymbol): each stored symbol upper-cased, without spaces or trailing dots, and a
-- Security Council symbol without its year, compared with every way the sources write the symbol
-- asked for. These indexes hold that expression, written exactly as the queries write it, so a
-- lookup reads the index instead of computing it for every vote and document.
create index vote_resolution_written on vote
  ((regexp_replace(rtrim(upper(regexp_replace(resolution, '\s+', '', 'g')), '.'),
    '^(S/RES/[0-9]+)\([0-9]{4}\)$', '\1')));
create index document_symbol_written on document
  ((regexp_replace(rtrim(upper(regexp_replace(symbol, '\s+', '', 'g')), '.'),
    '^(S/RES/[0-9]+)\([0-9]{4}\)$', '\1')));
