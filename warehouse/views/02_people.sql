-- Every post a person was seen holding, with the organization the title names (the longest
-- organization of the same article found in the title) and the first and last date seen.
CREATE OR REPLACE VIEW person_posts AS
WITH titles AS (
    SELECT m.doc_id, m.person_id, t.title
    FROM person_mentions AS m, UNNEST(m.titles) AS t(title)
),
title_organizations AS (
    SELECT t.doc_id, t.person_id, t.title,
           arg_max(o.name, length(o.name)) FILTER (WHERE o.name IS NOT NULL) AS organization
    FROM titles AS t
    LEFT JOIN organization_mentions AS om ON om.doc_id = t.doc_id
    LEFT JOIN organizations AS o
        ON o.org_id = om.org_id AND strpos(lower(t.title), lower(o.name)) > 0
    GROUP BY ALL
)
SELECT
    p.person_id,
    p.name,
    t.title,
    t.organization,
    min(d.activity_date) AS first_seen,
    max(d.activity_date) AS last_seen,
    count(DISTINCT t.doc_id) AS articles
FROM title_organizations AS t
JOIN people AS p USING (person_id)
JOIN article_dates AS d USING (doc_id)
GROUP BY ALL;

-- One row per appearance of a person in an article, in date order.
CREATE OR REPLACE VIEW person_timeline AS
SELECT
    p.person_id, p.name, d.activity_date, d.time_of_day, d.location,
    m.titles, a.title AS article_title, a.doc_id
FROM person_mentions AS m
JOIN people AS p USING (person_id)
JOIN articles AS a USING (doc_id)
JOIN article_dates AS d USING (doc_id)
ORDER BY p.name, d.activity_date NULLS LAST, a.doc_id;

-- Who met whom: the encounters the articles state (meetings), one row per pair, kind and
-- story (one event, possibly several articles): a story's copies count once.
CREATE OR REPLACE VIEW who_met_whom AS
WITH stated AS (
    SELECT coalesce(a.story_id, a.doc_id) AS story_id, m.a_key, m.b_key, m.kind,
           min(d.activity_date) AS activity_date,
           any_value(a.location) FILTER (WHERE a.location IS NOT NULL) AS location,
           count(DISTINCT m.doc_id) AS articles
    FROM meetings AS m
    JOIN articles AS a USING (doc_id)
    JOIN article_dates AS d USING (doc_id)
    GROUP BY ALL
)
SELECT
    pa.name AS person_a, pb.name AS person_b, s.kind,
    s.activity_date, s.location, s.story_id, s.articles
FROM stated AS s
JOIN people AS pa ON pa.person_key = s.a_key
JOIN people AS pb ON pb.person_key = s.b_key;
