SELECT
    m.doc_id,
    m.org_id,
    m.organization,
    m.doc_id IN (SELECT doc_id FROM stg_articles) AS article_exists
FROM stg_organization_mentions AS m
