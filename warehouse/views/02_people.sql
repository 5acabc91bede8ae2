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

-- Who met whom: pairs of people named in the same story (one event, possibly several
-- articles), with its date and venue.
CREATE OR REPLACE VIEW who_met_whom AS
WITH appearances AS (
    SELECT DISTINCT coalesce(a.story_id, a.doc_id) AS story_id, m.person_id
    FROM person_mentions AS m JOIN articles AS a USING (doc_id)
),
events AS (
    SELECT coalesce(a.story_id, a.doc_id) AS story_id,
           min(d.activity_date) AS activity_date,
           any_value(a.location) FILTER (WHERE a.location IS NOT NULL) AS location,
           count(*) AS articles
    FROM articles AS a JOIN article_dates AS d USING (doc_id)
    GROUP BY 1
)
SELECT
    pa.name AS person_a, pb.name AS person_b,
    e.activity_date, e.location, e.story_id, e.articles
FROM appearances AS x
JOIN appearances AS y ON x.story_id = y.story_id AND x.person_id < y.person_id
JOIN people AS pa ON pa.person_id = x.person_id
JOIN people AS pb ON pb.person_id = y.person_id
JOIN events AS e ON e.story_id = x.story_id;
