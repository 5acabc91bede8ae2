SELECT
    m.doc_id,
    m.person_id,
    m.name,
    m.doc_id IN (SELECT doc_id FROM stg_articles) AS article_exists
FROM stg_person_mentions AS m
