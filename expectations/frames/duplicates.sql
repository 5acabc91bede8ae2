SELECT doc_id, canonical_id, method, similarity, doc_id = canonical_id AS points_to_itself
FROM stg_duplicates
