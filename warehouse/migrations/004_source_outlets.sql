-- Sources carry the canonical outlet each spelling is one of (seeds/reference/agencies.csv:
-- "VOV.VN", "vov.vn", "Đài Tiếng nói Việt Nam" are VOV), part of the key. The key changes, so
-- the table is rebuilt; rows loaded before keep their source as their outlet until their
-- documents are loaded again.
CREATE TABLE sources_with_outlets (
    doc_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    outlet VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, source, outlet)
);
INSERT INTO sources_with_outlets SELECT doc_id, source, source FROM sources;
DROP TABLE sources;
ALTER TABLE sources_with_outlets RENAME TO sources;
