-- The measures journalists ask of a vote record (docs/analytics.md), computed once per vote by
-- PostgreSQL from the vote's tallies, so that every body, period and import has them without a
-- loader or an import having to refresh anything:
--   margin        |yes - no|, the winning side's lead (recorded votes; null when yes or no is unknown)
--   margin_share  margin / (yes + no + abstain), 4 decimals (null when any of them is unknown or all are 0)
--   majority      the majority side: 'yes' when yes > no, 'no' when no > yes; on a tie the outcome's
--                 side (adopted: 'yes', rejected: 'no'); null on a tie with an unknown outcome
--   minority      the size of the other side of yes/no (the tallies' count of the minority side)
--   division      min(yes, no) / (yes + no + abstain), 4 decimals: the minority's share of those
--                 who voted (0 for a vote without opposition, at most 0.5)
alter table vote add column margin integer generated always as (
  case when method = 'recorded' then abs(yes - no) end) stored;
alter table vote add column margin_share double precision generated always as (
  case when method = 'recorded' and yes + no + abstain > 0
    then round(abs(yes - no)::numeric / (yes + no + abstain), 4)::float8 end) stored;
alter table vote add column majority text generated always as (
  case when method <> 'recorded' then null
       when yes > no then 'yes'
       when no > yes then 'no'
       when yes = no and outcome = 'adopted' then 'yes'
       when yes = no and outcome = 'rejected' then 'no' end) stored;
alter table vote add column minority integer generated always as (
  case when method <> 'recorded' then null
       when yes > no then no
       when no > yes then yes
       when yes = no and outcome in ('adopted', 'rejected') then yes end) stored;
alter table vote add column division double precision generated always as (
  case when method = 'recorded' and yes + no + abstain > 0
    then round(least(yes, no)::numeric / (yes + no + abstain), 4)::float8 end) stored;

-- /v1/votes?sort=margin (closest first) and ?sort=-division (most divided first) over every vote:
-- the first page walks these indexes and stops at the page's end.
create index vote_margin on vote (margin, id);
create index vote_margin_share on vote (margin_share, id);
create index vote_division on vote (division desc, id);
