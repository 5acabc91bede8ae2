-- Marts for analysts. Recreated on every load; they only read the core tables.

-- The best known date of each article: the event's own date when the text gives a full one,
-- else the publication date, else the date of another article about the same story.
CREATE OR REPLACE VIEW article_dates AS
WITH own AS (
    SELECT
        doc_id, story_id, time_of_day, location,
        coalesce(
            CASE WHEN event_date_precision = 'day' THEN try_cast(event_date AS DATE) END,
            try_cast(published_date AS DATE)
        ) AS own_date
    FROM articles
)
SELECT
    doc_id,
    coalesce(own_date, CASE WHEN story_id IS NOT NULL THEN min(own_date) OVER (PARTITION BY story_id) END) AS activity_date,
    time_of_day,
    location
FROM own;
