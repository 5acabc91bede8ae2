SELECT doc_id, source_path, fate FROM stg_documents
