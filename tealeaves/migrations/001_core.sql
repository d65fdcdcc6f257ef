-- documents and events: the core of the store
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    date DATE,
    outlet VARCHAR,
    url VARCHAR,
    origin VARCHAR,
    language VARCHAR,
    author VARCHAR,
    text VARCHAR,
    clean_text VARCHAR,
    n_sentences INTEGER,
    n_events INTEGER,
    status VARCHAR,            -- coded | not_coded (with reason in note)
    note VARCHAR,
    coder VARCHAR,
    actor_resolver VARCHAR,
    ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    sentence INTEGER,
    text VARCHAR,
    source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    cameo VARCHAR, root VARCHAR, quad TINYINT, goldstein DOUBLE, plover VARCHAR,
    modality VARCHAR,
    date DATE, date_precision VARCHAR,
    location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
    cited_outlet VARCHAR,
    speaker_code VARCHAR,
    evidence_start INTEGER, evidence_end INTEGER,
    rule VARCHAR,
    coder VARCHAR
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
