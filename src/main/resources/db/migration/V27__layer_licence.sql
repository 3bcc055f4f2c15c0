-- The licence notice that came with a layer's source (seed-data/layers/{name}/LICENSE, copied
-- from the source's folder by scripts/build-layers), null when the source has none. The veto list
-- is under the MIT licence, which asks that its notice go with every copy of the data: the dumps'
-- README.md carries each loaded layer's notice from here. A layer loaded before this column gains
-- it on the next start, when its files (now with the notice) are loaded again.
alter table layer add column licence text;
