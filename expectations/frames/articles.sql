SELECT
    a.doc_id,
    a.body,
    a.title,
    a.event_date,
    try_cast(CASE WHEN a.event_date_precision = 'day' THEN a.event_date END AS DATE) AS event_day,
    try_cast(CASE WHEN length(a.published_date) = 10 THEN a.published_date END AS DATE) AS published_day,
    a.time_of_day,
    (SELECT count(*) FROM stg_person_mentions AS m WHERE m.doc_id = a.doc_id) > 0 AS has_person
FROM stg_articles AS a
