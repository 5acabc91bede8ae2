-- Written by warehouse/build.py from transforms/extract/registry.py: edit the registry, not this file.
-- Staging views of the extractors' sets (one row per value) and lists (numbered in
-- article order), articles only.

CREATE OR REPLACE TEMP VIEW stg_sources AS
SELECT DISTINCT doc_id, source, outlet FROM raw_extract_sources WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);

CREATE OR REPLACE TEMP VIEW stg_photo_credits AS
SELECT DISTINCT doc_id, credit FROM raw_extract_photo_credits WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);

CREATE OR REPLACE TEMP VIEW stg_captions AS
SELECT doc_id, (row_number() OVER (PARTITION BY doc_id ORDER BY ordinality) - 1)::INTEGER AS position, caption, credit
FROM (SELECT *, row_number() OVER () AS ordinality FROM raw_extract_captions)
WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);

CREATE OR REPLACE TEMP VIEW stg_quotes AS
SELECT doc_id, (row_number() OVER (PARTITION BY doc_id ORDER BY ordinality) - 1)::INTEGER AS position, quote
FROM (SELECT *, row_number() OVER () AS ordinality FROM raw_extract_quotes)
WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);

CREATE OR REPLACE TEMP VIEW stg_doc_refs AS
SELECT DISTINCT doc_id, doc_ref, document_key, document FROM raw_extract_doc_refs WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);

CREATE OR REPLACE TEMP VIEW stg_meetings AS
SELECT doc_id, (row_number() OVER (PARTITION BY doc_id ORDER BY ordinality) - 1)::INTEGER AS position, a_key, a, b_key, b, kind, evidence_start, evidence_end
FROM (SELECT *, row_number() OVER () AS ordinality FROM raw_extract_meetings)
WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);

CREATE OR REPLACE TEMP VIEW stg_quote_speakers AS
SELECT doc_id, (row_number() OVER (PARTITION BY doc_id ORDER BY ordinality) - 1)::INTEGER AS position, quote, speaker_key, speaker
FROM (SELECT *, row_number() OVER () AS ordinality FROM raw_extract_quote_speakers)
WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);

CREATE OR REPLACE TEMP VIEW stg_person_countries AS
SELECT doc_id, (row_number() OVER (PARTITION BY doc_id ORDER BY ordinality) - 1)::INTEGER AS position, person_key, name, country
FROM (SELECT *, row_number() OVER () AS ordinality FROM raw_extract_person_countries)
WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);

CREATE OR REPLACE TEMP VIEW stg_event_types AS
SELECT DISTINCT doc_id, event_type FROM raw_extract_event_types WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);
