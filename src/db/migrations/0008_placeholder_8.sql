-- Placeholder so this branch's migration 0009 has no gap; replaced by the real 0008 on merge (drop this commit).
select 1;
