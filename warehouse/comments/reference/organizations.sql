-- The reference table of seeds/reference/organizations.csv: applied when the reference folder has it.
COMMENT ON TABLE ref_organizations IS 'Reference: organizations (seeds/reference/organizations.csv).';
COMMENT ON COLUMN ref_organizations.name IS 'the canonical name reported';
COMMENT ON COLUMN ref_organizations.aliases IS 'other spellings and abbreviations, |-separated';
COMMENT ON COLUMN ref_organizations.type IS 'the kind of organization';
COMMENT ON COLUMN ref_organizations.valid_from IS 'the year the name came into use, if known';
COMMENT ON COLUMN ref_organizations.valid_until IS 'the year it went out of use, if it did';
COMMENT ON COLUMN ref_organizations.successor IS 'the organization that replaced it';
COMMENT ON COLUMN ref_organizations.descriptive IS 'set when the name is a description (matched only in full)';
COMMENT ON COLUMN ref_organizations.note IS 'a note for maintainers';
