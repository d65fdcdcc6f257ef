-- how sure the coder is of each event (0-1) and the model that said so; a cluster is as sure as
-- its surest mention. NULL: coded before confidence existed (filters let such rows through)
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence_model VARCHAR;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS confidence DOUBLE;
