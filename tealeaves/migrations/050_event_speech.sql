-- events: reported speech (quote span, reporting verb) and the pattern dictionary that coded the event
ALTER TABLE events ADD COLUMN IF NOT EXISTS quote_start INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS quote_end INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS reporting_verb VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS dictionary VARCHAR;
