CREATE OR REPLACE VIEW organization_activity_monthly AS
SELECT date_trunc('month', d.activity_date)::DATE AS month, o.name AS organization,
       count(DISTINCT m.doc_id) AS articles
FROM organization_mentions AS m
JOIN organizations AS o USING (org_id)
JOIN article_dates AS d USING (doc_id)
GROUP BY ALL;

CREATE OR REPLACE VIEW country_activity_monthly AS
SELECT date_trunc('month', d.activity_date)::DATE AS month, c.name AS country,
       count(DISTINCT m.doc_id) AS articles
FROM country_mentions AS m
JOIN countries AS c USING (country_id)
JOIN article_dates AS d USING (doc_id)
GROUP BY ALL;

CREATE OR REPLACE VIEW most_cited_documents AS
SELECT doc_ref, count(DISTINCT doc_id) AS articles, min(d.activity_date) AS first_cited,
       max(d.activity_date) AS last_cited
FROM doc_refs JOIN article_dates AS d USING (doc_id)
GROUP BY doc_ref;

-- Which outlets carry which stories, counting the syndicated copies folded into them.
CREATE OR REPLACE VIEW source_coverage AS
WITH copies AS (
    SELECT doc_id AS canonical_id, doc_id FROM articles
    UNION ALL
    SELECT canonical_id, doc_id FROM duplicates
)
SELECT s.source, count(DISTINCT coalesce(a.story_id, a.doc_id)) AS stories,
       count(DISTINCT a.doc_id) AS articles, count(DISTINCT c.doc_id) AS documents
FROM sources AS s
JOIN articles AS a USING (doc_id)
JOIN copies AS c ON c.canonical_id = a.doc_id
GROUP BY s.source;
