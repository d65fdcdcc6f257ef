-- readout: near-duplicate documents and event clusters (one row per happening)
CREATE TABLE IF NOT EXISTS doc_signatures (
    doc_id VARCHAR PRIMARY KEY,
    hashvalues UBIGINT[],       -- datasketch MinHash signature of the cleaned text's word 3-shingles
    n_shingles INTEGER
);
CREATE TABLE IF NOT EXISTS doc_bands (
    band SMALLINT,
    key UBIGINT,               -- one LSH band of the signature, so candidates are found by a join
    doc_id VARCHAR
);
CREATE INDEX IF NOT EXISTS doc_bands_key ON doc_bands(band, key);
CREATE TABLE IF NOT EXISTS duplicates (
    doc_id VARCHAR PRIMARY KEY, -- the copy
    original_id VARCHAR NOT NULL, -- the earliest document it copies (never itself a copy)
    similarity DOUBLE,          -- estimated Jaccard similarity of the two texts
    kind VARCHAR                -- syndicated (another outlet) | revision (same outlet)
);
CREATE TABLE IF NOT EXISTS clusters (
    id VARCHAR PRIMARY KEY,
    source_code VARCHAR, target_code VARCHAR,
    source_country VARCHAR, target_country VARCHAR,
    cameo VARCHAR, root VARCHAR, quad TINYINT, goldstein DOUBLE, plover VARCHAR,
    modality VARCHAR,
    date DATE, date_precision VARCHAR, first_date DATE, last_date DATE,
    location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
    representative VARCHAR,     -- the event id whose text and codes stand for the cluster
    mentions INTEGER, articles INTEGER, outlets INTEGER, independent_outlets INTEGER,
    updated_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS cluster_members (
    event_id VARCHAR PRIMARY KEY,
    cluster_id VARCHAR NOT NULL,
    doc_id VARCHAR
);
CREATE INDEX IF NOT EXISTS cluster_members_cluster ON cluster_members(cluster_id);
CREATE INDEX IF NOT EXISTS cluster_members_doc ON cluster_members(doc_id);
