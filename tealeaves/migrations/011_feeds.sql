-- `tealeaves watch`: per-feed conditional-request state, and the entries already fetched
CREATE TABLE IF NOT EXISTS feed_state (
    url VARCHAR PRIMARY KEY,
    etag VARCHAR,
    last_modified VARCHAR,
    checked_at TIMESTAMP,
    ok_at TIMESTAMP,
    failures INTEGER DEFAULT 0,     -- consecutive failed polls
    last_error VARCHAR
);
CREATE TABLE IF NOT EXISTS feed_items (
    feed_url VARCHAR NOT NULL,
    item_key VARCHAR NOT NULL,      -- the entry's id, else its link
    doc_id VARCHAR,
    seen_at TIMESTAMP,
    PRIMARY KEY (feed_url, item_key)
);
