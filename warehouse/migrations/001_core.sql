-- Core tables of the warehouse. Every row traces back to a document (doc_id); a document
-- ends as exactly one of: an article, a duplicate of a canonical article, or quarantined.

CREATE TABLE documents (
    doc_id       VARCHAR PRIMARY KEY,
    source_path  VARCHAR NOT NULL,
    sha256       VARCHAR,
    format       VARCHAR,
    encoding     VARCHAR,
    repairs      VARCHAR[],
    fate         VARCHAR NOT NULL CHECK (fate IN ('article', 'duplicate', 'quarantined')),
    first_run_id VARCHAR NOT NULL
);

CREATE TABLE articles (
    doc_id               VARCHAR PRIMARY KEY,
    title                VARCHAR,
    sapo                 VARCHAR,
    body                 VARCHAR NOT NULL,
    published_date       VARCHAR,
    published_time       VARCHAR,
    event_date_text      VARCHAR,
    event_date           VARCHAR,
    event_date_precision VARCHAR,
    time_of_day          VARCHAR,
    location             VARCHAR,
    author               VARCHAR,
    story_id             VARCHAR,
    body_chars           INTEGER
);

CREATE TABLE removed_lines (
    doc_id   VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    line     VARCHAR NOT NULL,
    rule     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, position, rule)
);

CREATE TABLE people (
    person_id  VARCHAR PRIMARY KEY,
    person_key VARCHAR NOT NULL UNIQUE,
    name       VARCHAR NOT NULL
);

CREATE TABLE person_mentions (
    doc_id     VARCHAR NOT NULL,
    person_id  VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    titles     VARCHAR[] NOT NULL,
    in_caption BOOLEAN,
    PRIMARY KEY (doc_id, person_id)
);

CREATE TABLE organizations (
    org_id  VARCHAR PRIMARY KEY,
    org_key VARCHAR NOT NULL UNIQUE,
    name    VARCHAR NOT NULL
);

CREATE TABLE organization_mentions (
    doc_id     VARCHAR NOT NULL,
    org_id     VARCHAR NOT NULL,
    as_written VARCHAR,
    PRIMARY KEY (doc_id, org_id)
);

CREATE TABLE countries (
    country_id VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL UNIQUE
);

CREATE TABLE country_mentions (
    doc_id     VARCHAR NOT NULL,
    country_id VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, country_id)
);

CREATE TABLE sources (
    doc_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, source)
);

CREATE TABLE photo_credits (
    doc_id VARCHAR NOT NULL,
    credit VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, credit)
);

CREATE TABLE captions (
    doc_id   VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    caption  VARCHAR NOT NULL,
    credit   VARCHAR,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE quotes (
    doc_id   VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    quote    VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE doc_refs (
    doc_id  VARCHAR NOT NULL,
    doc_ref VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, doc_ref)
);

CREATE TABLE duplicates (
    doc_id       VARCHAR PRIMARY KEY,
    canonical_id VARCHAR NOT NULL,
    method       VARCHAR NOT NULL CHECK (method IN ('exact', 'near', 'contained')),
    similarity   DOUBLE NOT NULL,
    cluster_id   VARCHAR
);

CREATE TABLE quarantine (
    doc_id      VARCHAR PRIMARY KEY,
    source_path VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    detail       VARCHAR,
    first_run_id VARCHAR NOT NULL
);

-- The run log: one row per stage of every run (append-only by design).
CREATE TABLE pipeline_runs (
    run_id      VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,
    rows_in     BIGINT,
    rows_out    BIGINT,
    seconds     DOUBLE,
    status      VARCHAR NOT NULL,
    finished_at TIMESTAMPTZ,
    PRIMARY KEY (run_id, stage)
);

CREATE TABLE validation_results (
    run_id           VARCHAR NOT NULL,
    suite            VARCHAR NOT NULL,
    expectation      VARCHAR NOT NULL,
    column_name      VARCHAR,
    severity         VARCHAR NOT NULL,
    success          BOOLEAN NOT NULL,
    unexpected_count BIGINT,
    detail           VARCHAR
);

CREATE TABLE stories (
    doc_id   VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL
);

-- Dedup signatures of every document seen, so later runs catch copies of earlier stories
-- (see transforms/dedup.py for the columns).
CREATE TABLE dedup_signatures (
    doc_id         VARCHAR PRIMARY KEY,
    exact_hash     BLOB NOT NULL,
    body_length    INTEGER,
    published_date VARCHAR,
    shingle_count  INTEGER,
    shingles       BLOB,
    numbers        BLOB,
    minhash        UBIGINT[],
    band_hashes    UBIGINT[],
    canonical_id   VARCHAR
);
