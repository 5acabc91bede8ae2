-- The analyst's views over the stated encounters, the quotes' speakers and the people's countries.

-- Every stated encounter in date order, with the sentence span that states it.
CREATE OR REPLACE VIEW meetings_timeline AS
SELECT d.activity_date, d.time_of_day, a.location, m.a AS host, m.b AS counterpart, m.kind,
       a.title AS article_title, m.doc_id, m.evidence_start, m.evidence_end
FROM meetings AS m
JOIN articles AS a USING (doc_id)
JOIN article_dates AS d USING (doc_id)
ORDER BY d.activity_date NULLS LAST, m.doc_id, m.position;

-- What each person said: the quotes the text attributes to them.
CREATE OR REPLACE VIEW quotes_by_person AS
SELECT p.person_id, p.name, q.quote, d.activity_date, a.title AS article_title, q.doc_id
FROM quote_speakers AS q
JOIN people AS p ON p.person_key = q.speaker_key
JOIN articles AS a USING (doc_id)
JOIN article_dates AS d USING (doc_id)
ORDER BY p.name, d.activity_date NULLS LAST, q.doc_id, q.position;

-- Which officials of which country appear, and in how many articles.
CREATE OR REPLACE VIEW officials_by_country AS
SELECT c.country, p.person_id, p.name, count(DISTINCT c.doc_id) AS articles,
       min(d.activity_date) AS first_seen, max(d.activity_date) AS last_seen
FROM person_countries AS c
JOIN people AS p ON p.person_key = c.person_key
JOIN article_dates AS d USING (doc_id)
WHERE c.country IS NOT NULL
GROUP BY ALL
ORDER BY c.country, articles DESC, p.name;
