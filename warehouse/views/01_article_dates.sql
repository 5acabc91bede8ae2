-- Marts for analysts. Recreated on every load; they only read the core tables.

-- The best known date of each article: the event's own date when the text gives a full one,
-- else the publication date.
CREATE OR REPLACE VIEW article_dates AS
SELECT
    doc_id,
    coalesce(
        CASE WHEN event_date_precision = 'day' THEN try_cast(event_date AS DATE) END,
        try_cast(published_date AS DATE)
    ) AS activity_date,
    time_of_day,
    location
FROM articles;
