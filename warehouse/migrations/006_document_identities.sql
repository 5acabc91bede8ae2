-- Document references carry the identity of the document they name (kind | number or congress
-- ordinal | issuing body) and its canonical name, so mentions of one document can be counted
-- whatever their form. The key changes, so the table is rebuilt; rows loaded before keep their
-- text as key and name until their documents are loaded again.
CREATE TABLE doc_refs_with_documents (
    doc_id       VARCHAR NOT NULL,
    doc_ref      VARCHAR NOT NULL,
    document_key VARCHAR NOT NULL,
    document     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, doc_ref, document_key, document)
);
INSERT INTO doc_refs_with_documents SELECT doc_id, doc_ref, doc_ref, doc_ref FROM doc_refs;
DROP TABLE doc_refs;
ALTER TABLE doc_refs_with_documents RENAME TO doc_refs;
