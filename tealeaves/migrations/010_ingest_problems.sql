-- what ingest skipped and why: one row per file or record and reason, the latest sighting wins
CREATE TABLE IF NOT EXISTS ingest_problems (
    origin VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,          -- failed | warning
    seen_at TIMESTAMP,
    PRIMARY KEY (origin, reason)
);
