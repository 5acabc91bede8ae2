-- The reference table of seeds/reference/agencies.csv: applied when the reference folder has it.
COMMENT ON TABLE ref_agencies IS 'Reference: news agencies and outlets (seeds/reference/agencies.csv), reloaded on every load.';
COMMENT ON COLUMN ref_agencies.name IS 'the outlet''s name, grouping its spellings';
COMMENT ON COLUMN ref_agencies.aliases IS 'other spellings, |-separated';
COMMENT ON COLUMN ref_agencies.kind IS 'the kind of outlet';
COMMENT ON COLUMN ref_agencies.note IS 'a note for maintainers';
COMMENT ON COLUMN ref_agencies.domains IS 'the outlet''s web domains, |-separated (vov.vn)';
