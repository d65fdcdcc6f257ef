-- an analyst's corrections of coded events: what the event was, what it became, who, when. The
-- latest correction of an event overrides the coder wherever the event is read, and is applied
-- again when its document is re-coded (tealeaves.corrections)
CREATE TABLE IF NOT EXISTS corrections (
    id VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    verdict VARCHAR NOT NULL,       -- right | wrong | corrected
    before VARCHAR,                 -- JSON: cameo, source, target, confidence as coded
    after VARCHAR,                  -- JSON: cameo, source, target as corrected, and "columns" it sets (null unless corrected)
    author VARCHAR,
    made_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS corrections_doc ON corrections(doc_id);
ALTER TABLE events ADD COLUMN IF NOT EXISTS review VARCHAR;  -- right | corrected (wrong events are removed)
