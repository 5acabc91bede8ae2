-- Staging: the lake's stage outputs (raw_* views over Parquet) shaped into the warehouse's
-- tables. The validate stage checks these views; the load stage merges them.

CREATE OR REPLACE TEMP VIEW stg_quarantine AS
WITH stage_quarantine AS (
    SELECT *, 1 AS stage_order FROM raw_ingest_quarantine
    UNION ALL BY NAME SELECT *, 2 AS stage_order FROM raw_clean_quarantine
    UNION ALL BY NAME SELECT *, 4 AS stage_order FROM raw_extract_quarantine
    UNION ALL BY NAME SELECT *, 5 AS stage_order FROM raw_validate_quarantine
    -- A copy of a canonical that validation quarantined would point at no article: it goes
    -- with its canonical (the copy was never extracted or validated on its own).
    UNION ALL BY NAME
    SELECT dup.doc_id, 'validate' AS stage, 'canonical-quarantined' AS reason,
           'its canonical ' || dup.canonical_id || ' was quarantined by validation' AS detail, 6 AS stage_order
    FROM raw_dedup_duplicates AS dup
    WHERE dup.canonical_id IN (SELECT doc_id FROM raw_validate_quarantine)
)
SELECT
    -- an unreadable file has no content hash: its id comes from where it was found
    coalesce(q.doc_id, substr(sha256(q.source_path), 1, 16)) AS doc_id,
    coalesce(q.source_path, d.source_path) AS source_path,
    coalesce(q.sha256, d.sha256) AS sha256,
    q.stage, q.reason, q.detail
FROM stage_quarantine AS q
LEFT JOIN raw_ingest_documents AS d USING (doc_id)
QUALIFY row_number() OVER (
    PARTITION BY coalesce(q.doc_id, substr(sha256(q.source_path), 1, 16)) ORDER BY q.stage_order
) = 1;

CREATE OR REPLACE TEMP VIEW stg_duplicates AS
SELECT doc_id, canonical_id, method, similarity, cluster_id
FROM raw_dedup_duplicates
WHERE doc_id NOT IN (SELECT doc_id FROM stg_quarantine);

CREATE OR REPLACE TEMP VIEW stg_documents AS
SELECT
    d.doc_id, d.source_path, d.sha256, d.format, d.encoding, d.repairs,
    CASE
        WHEN q.doc_id IS NOT NULL THEN 'quarantined'
        WHEN dup.doc_id IS NOT NULL THEN 'duplicate'
        ELSE 'article'
    END AS fate
FROM raw_ingest_documents AS d
LEFT JOIN stg_quarantine AS q USING (doc_id)
LEFT JOIN stg_duplicates AS dup USING (doc_id)
UNION ALL
SELECT q.doc_id, q.source_path, q.sha256, NULL, NULL, NULL, 'quarantined'
FROM stg_quarantine AS q
WHERE q.doc_id NOT IN (SELECT doc_id FROM raw_ingest_documents);
