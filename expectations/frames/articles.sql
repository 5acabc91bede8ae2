WITH days AS (
    SELECT
        a.*,
        try_cast(CASE WHEN a.event_date_precision = 'day' THEN a.event_date END AS DATE) AS event_day,
        try_cast(CASE WHEN length(a.published_date) = 10 THEN a.published_date END AS DATE) AS published_day
    FROM stg_articles AS a
)
SELECT
    d.doc_id,
    d.body,
    d.title,
    d.event_date,
    d.event_day,
    d.published_day,
    abs(date_diff('day', d.published_day, d.event_day)) AS days_from_published,
    d.time_of_day,
    (SELECT count(*) FROM stg_person_mentions AS m WHERE m.doc_id = d.doc_id) > 0 AS has_person
FROM days AS d
