-- The reference table of seeds/reference/titles.csv: applied when the reference folder has it.
COMMENT ON TABLE ref_titles IS 'Reference: positions, honorifics and title modifiers (seeds/reference/titles.csv).';
COMMENT ON COLUMN ref_titles.title IS 'the title';
COMMENT ON COLUMN ref_titles.kind IS 'position, honorific (a cue for a name, never reported) or modifier';
COMMENT ON COLUMN ref_titles.complement IS 'what may follow the title (an organization, a place, none)';
COMMENT ON COLUMN ref_titles.organization IS 'the organization the title implies, if any';
COMMENT ON COLUMN ref_titles.note IS 'a note for maintainers';
