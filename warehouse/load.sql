-- Merge one run's staging views into the warehouse. Runs inside one transaction (see
-- transforms/load.py). Every document of the run replaces what the warehouse knew of it, so
-- loading the same input twice leaves every table as it was; documents of earlier runs that
-- are not in this run are left untouched.

CREATE OR REPLACE TEMP TABLE run_doc_ids AS SELECT doc_id FROM stg_documents;

DELETE FROM articles WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
DELETE FROM removed_lines WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
DELETE FROM flagged_lines WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
DELETE FROM person_mentions WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
DELETE FROM organization_mentions WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
DELETE FROM country_mentions WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
DELETE FROM stories WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
DELETE FROM duplicates WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
DELETE FROM dedup_signatures WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);

INSERT INTO documents
SELECT doc_id, source_path, sha256, format, encoding, repairs, fate, getvariable('run_id')
FROM stg_documents
ON CONFLICT (doc_id) DO UPDATE SET
    source_path = excluded.source_path, sha256 = excluded.sha256, format = excluded.format,
    encoding = excluded.encoding, repairs = excluded.repairs, fate = excluded.fate;

INSERT INTO quarantine
SELECT doc_id, source_path, stage, reason, detail, getvariable('run_id') FROM stg_quarantine
ON CONFLICT (doc_id) DO UPDATE SET
    source_path = excluded.source_path, stage = excluded.stage,
    reason = excluded.reason, detail = excluded.detail;
DELETE FROM quarantine
WHERE doc_id IN (SELECT doc_id FROM run_doc_ids) AND doc_id NOT IN (SELECT doc_id FROM stg_quarantine);

INSERT INTO duplicates SELECT doc_id, canonical_id, method, similarity, cluster_id FROM stg_duplicates;
INSERT INTO dedup_signatures BY NAME
SELECT * FROM raw_dedup_signatures WHERE doc_id IN (SELECT doc_id FROM stg_documents WHERE fate <> 'quarantined');

INSERT INTO articles BY NAME SELECT * FROM stg_articles;
INSERT INTO removed_lines BY NAME SELECT * FROM stg_removed_lines;
INSERT INTO flagged_lines BY NAME SELECT * FROM stg_flagged_lines;
INSERT INTO stories BY NAME SELECT * FROM stg_stories;

INSERT INTO people BY NAME SELECT * FROM stg_people ON CONFLICT DO NOTHING;
INSERT INTO person_mentions BY NAME
SELECT doc_id, person_id, name, titles, in_caption FROM stg_person_mentions;

INSERT INTO organizations BY NAME SELECT * FROM stg_organizations ON CONFLICT DO NOTHING;
INSERT INTO organization_mentions BY NAME
SELECT doc_id, org_id, as_written FROM stg_organization_mentions;

INSERT INTO countries BY NAME SELECT * FROM stg_countries ON CONFLICT DO NOTHING;
INSERT INTO country_mentions BY NAME SELECT doc_id, country_id FROM stg_country_mentions;

-- BEGIN extractor tables: written by warehouse/build.py from transforms/extract/registry.py, do not edit
CREATE TABLE IF NOT EXISTS sources (
    doc_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    outlet VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, source, outlet)
);
DELETE FROM sources WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
INSERT INTO sources BY NAME SELECT * FROM stg_sources;
CREATE TABLE IF NOT EXISTS photo_credits (
    doc_id VARCHAR NOT NULL,
    credit VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, credit)
);
DELETE FROM photo_credits WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
INSERT INTO photo_credits BY NAME SELECT * FROM stg_photo_credits;
CREATE TABLE IF NOT EXISTS captions (
    doc_id   VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    caption  VARCHAR NOT NULL,
    credit   VARCHAR,
    PRIMARY KEY (doc_id, position)
);
DELETE FROM captions WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
INSERT INTO captions BY NAME SELECT * FROM stg_captions;
CREATE TABLE IF NOT EXISTS quotes (
    doc_id   VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    quote    VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, position)
);
DELETE FROM quotes WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
INSERT INTO quotes BY NAME SELECT * FROM stg_quotes;
CREATE TABLE IF NOT EXISTS doc_refs (
    doc_id       VARCHAR NOT NULL,
    doc_ref      VARCHAR NOT NULL,
    document_key VARCHAR NOT NULL,
    document     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, doc_ref, document_key, document)
);
DELETE FROM doc_refs WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
INSERT INTO doc_refs BY NAME SELECT * FROM stg_doc_refs;
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
DELETE FROM meetings WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
INSERT INTO meetings BY NAME SELECT * FROM stg_meetings;
CREATE TABLE IF NOT EXISTS quote_speakers (
    doc_id      VARCHAR NOT NULL,
    position    INTEGER NOT NULL,
    quote       VARCHAR NOT NULL,
    speaker_key VARCHAR,
    speaker     VARCHAR,
    PRIMARY KEY (doc_id, position)
);
DELETE FROM quote_speakers WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
INSERT INTO quote_speakers BY NAME SELECT * FROM stg_quote_speakers;
CREATE TABLE IF NOT EXISTS person_countries (
    doc_id     VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    person_key VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    country    VARCHAR,
    PRIMARY KEY (doc_id, position)
);
DELETE FROM person_countries WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
INSERT INTO person_countries BY NAME SELECT * FROM stg_person_countries;
CREATE TABLE IF NOT EXISTS event_types (
    doc_id     VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, event_type)
);
DELETE FROM event_types WHERE doc_id IN (SELECT doc_id FROM run_doc_ids);
INSERT INTO event_types BY NAME SELECT * FROM stg_event_types;
-- END extractor tables

INSERT INTO validation_results BY NAME SELECT * FROM raw_validate_validation_results;
