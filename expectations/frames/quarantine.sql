SELECT doc_id, source_path, stage, reason FROM stg_quarantine
