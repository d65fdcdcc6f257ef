-- where in its document a corrected event was (sentence and evidence span), so a correction still
-- finds its event when a changed coder gives that event another id (tealeaves.store.apply_corrections)
ALTER TABLE corrections ADD COLUMN IF NOT EXISTS sentence INTEGER;
ALTER TABLE corrections ADD COLUMN IF NOT EXISTS evidence_start INTEGER;
ALTER TABLE corrections ADD COLUMN IF NOT EXISTS evidence_end INTEGER;
