-- Lines the cleaner kept although they look like site chrome (precision first): analysts
-- audit them here and turn the recurring ones into rules.
CREATE TABLE flagged_lines (
    doc_id   VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    line     VARCHAR NOT NULL,
    rule     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, position, rule)
);
