-- Placeholder only: migration 0003 belongs to another branch (hulpwijzer), which is merged
-- separately. Delete this file when that branch's 0003 lands; it changes nothing.
select 1;
