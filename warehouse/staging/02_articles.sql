CREATE OR REPLACE TEMP VIEW stg_article_ids AS
SELECT doc_id FROM stg_documents WHERE fate = 'article';

CREATE OR REPLACE TEMP VIEW stg_articles AS
SELECT
    c.doc_id, c.title, c.sapo, c.body,
    -- the extractor reads the article's own timestamp when the cleaner found no date
    coalesce(c.published_date, e.published_date) AS published_date, c.published_time,
    e.event_date_text, e.event_date, e.event_date_precision, e.time_of_day, e.location, e.venue_city, e.venue_country,
    coalesce(e.author, c.author) AS author,
    s.story_id,
    length(c.body) AS body_chars
FROM raw_clean_cleaned AS c
JOIN stg_article_ids USING (doc_id)
LEFT JOIN raw_extract_articles_extracted AS e USING (doc_id)
LEFT JOIN raw_extract_stories AS s USING (doc_id);

CREATE OR REPLACE TEMP VIEW stg_removed_lines AS
SELECT DISTINCT ON (doc_id, position, rule) doc_id, position, line, rule
FROM (SELECT doc_id, unnest(removed_lines, recursive := true) FROM raw_clean_cleaned)
WHERE doc_id IN (SELECT doc_id FROM stg_documents WHERE fate <> 'quarantined');

CREATE OR REPLACE TEMP VIEW stg_flagged_lines AS
SELECT DISTINCT ON (doc_id, position, rule) doc_id, position, line, rule
FROM (SELECT doc_id, unnest(flagged_lines, recursive := true) FROM raw_clean_cleaned)
WHERE doc_id IN (SELECT doc_id FROM stg_documents WHERE fate <> 'quarantined');

CREATE OR REPLACE TEMP VIEW stg_stories AS
SELECT doc_id, story_id FROM raw_extract_stories WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);
