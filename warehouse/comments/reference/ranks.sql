-- The reference table of seeds/reference/ranks.csv: applied when the reference folder has it.
COMMENT ON TABLE ref_ranks IS 'Reference: military and police ranks (seeds/reference/ranks.csv), reported as titles.';
COMMENT ON COLUMN ref_ranks.title IS 'the rank';
COMMENT ON COLUMN ref_ranks.kind IS 'rank';
COMMENT ON COLUMN ref_ranks.complement IS 'what may follow the rank before the name';
COMMENT ON COLUMN ref_ranks.organization IS 'the organization the rank implies, if any';
COMMENT ON COLUMN ref_ranks.note IS 'a note for maintainers';
