-- The reference table of seeds/reference/boilerplate.csv: applied when the reference folder has it.
COMMENT ON TABLE ref_boilerplate IS 'Reference: site-chrome phrases the cleaner removes (seeds/reference/boilerplate.csv).';
COMMENT ON COLUMN ref_boilerplate.phrase IS 'the phrase, compared by matching key';
COMMENT ON COLUMN ref_boilerplate.match IS 'how a line must match it (whole line, prefix …)';
COMMENT ON COLUMN ref_boilerplate.rule IS 'the rule name recorded in removed_lines.rule';
