-- The reference table of seeds/reference/countries.csv: applied when the reference folder has it.
COMMENT ON TABLE ref_countries IS 'Reference: place names (seeds/reference/countries.csv), only kind country is reported.';
COMMENT ON COLUMN ref_countries.name IS 'the canonical name';
COMMENT ON COLUMN ref_countries.aliases IS 'other spellings, |-separated';
COMMENT ON COLUMN ref_countries.kind IS 'country, or a kind kept away from country and person matching (region …)';
COMMENT ON COLUMN ref_countries.ambiguous IS 'set when the name is also a common word or a person''s name';
COMMENT ON COLUMN ref_countries.country IS 'for a city or region: the country it is in';
COMMENT ON COLUMN ref_countries.city IS 'for a building or venue: the city it is in';
