SELECT m.doc_id, m.person_id, t.title
FROM stg_person_mentions AS m, UNNEST(m.titles) AS t(title)
