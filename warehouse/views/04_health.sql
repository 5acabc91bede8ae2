CREATE OR REPLACE VIEW duplicate_summary AS
SELECT d.canonical_id, a.title, count(*) AS copies, list(d.method ORDER BY d.doc_id) AS methods,
       min(d.similarity) AS min_similarity
FROM duplicates AS d LEFT JOIN articles AS a ON a.doc_id = d.canonical_id
GROUP BY ALL;

CREATE OR REPLACE VIEW quarantine_summary AS
SELECT stage, reason, count(*) AS documents, any_value(detail) AS example_detail
FROM quarantine GROUP BY ALL;

CREATE OR REPLACE VIEW document_fates AS
SELECT fate, count(*) AS documents FROM documents GROUP BY fate;

CREATE OR REPLACE VIEW last_run AS
SELECT * FROM pipeline_runs
WHERE run_id = (SELECT run_id FROM pipeline_runs ORDER BY finished_at DESC LIMIT 1)
ORDER BY finished_at;
