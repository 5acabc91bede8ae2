-- The analyst's tables (issue 14): stated meetings, quote speakers, people's countries, event types.
-- The load creates them too (CREATE TABLE IF NOT EXISTS, generated from the extractor registry);
-- they are here so the views over them (warehouse/views/) bind before any load has run.

CREATE TABLE IF NOT EXISTS meetings (
    doc_id         VARCHAR NOT NULL,
    position       INTEGER NOT NULL,
    a_key          VARCHAR NOT NULL,
    a              VARCHAR NOT NULL,
    b_key          VARCHAR NOT NULL,
    b              VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    evidence_start INTEGER,
    evidence_end   INTEGER,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE IF NOT EXISTS quote_speakers (
    doc_id      VARCHAR NOT NULL,
    position    INTEGER NOT NULL,
    quote       VARCHAR NOT NULL,
    speaker_key VARCHAR,
    speaker     VARCHAR,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE IF NOT EXISTS person_countries (
    doc_id     VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    person_key VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    country    VARCHAR,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE IF NOT EXISTS event_types (
    doc_id     VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, event_type)
);
