-- Counted from the stage outputs independently of the fate column: every input document must
-- end in exactly one of articles, duplicates or quarantine.
SELECT
    (SELECT count(*) FROM raw_ingest_documents)
        + (SELECT count(*) FROM raw_ingest_quarantine) AS documents,
    (SELECT count(*) FROM stg_articles)
        + (SELECT count(*) FROM stg_duplicates)
        + (SELECT count(*) FROM stg_quarantine) AS accounted_for
