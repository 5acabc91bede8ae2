-- Written by warehouse/build.py from transforms/extract/registry.py: edit the registry, not this file.
-- Comments of the extractors' tables, from their declarations' descriptions.

COMMENT ON TABLE sources IS 'The news outlets an article credits, one row per spelling and article, with its canonical outlet.';
COMMENT ON COLUMN sources.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN sources.source IS 'an outlet the article credits (lead, byline, photo credit or text), as written: VOV.VN, TTXVN';
COMMENT ON COLUMN sources.outlet IS 'the canonical outlet that spelling is one of (seeds/reference/agencies.csv): VOV';
COMMENT ON TABLE photo_credits IS 'Photo credits of an article, one row per distinct credit and article.';
COMMENT ON COLUMN photo_credits.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN photo_credits.credit IS 'a photographer or agency credited for a photo, as written';
COMMENT ON TABLE captions IS 'Photo captions of an article, in article order.';
COMMENT ON COLUMN captions.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN captions.position IS 'the value''s place in the article, from 0 (in reading order)';
COMMENT ON COLUMN captions.caption IS 'the caption''s text, its credit removed';
COMMENT ON COLUMN captions.credit IS 'the photo credit at the caption''s end, if any';
COMMENT ON TABLE quotes IS 'Direct quotations in an article, in article order.';
COMMENT ON COLUMN quotes.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN quotes.position IS 'the value''s place in the article, from 0 (in reading order)';
COMMENT ON COLUMN quotes.quote IS 'the quoted words, without their quotation marks';
COMMENT ON TABLE doc_refs IS 'Party and state documents an article cites, one row per reference and article, with the document''s identity.';
COMMENT ON COLUMN doc_refs.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN doc_refs.doc_ref IS 'the document as written: a numbered act (Nghị định 18/2022/NĐ-CP), a congress document or a named law';
COMMENT ON COLUMN doc_refs.document_key IS 'the document''s identity, the same whatever the form: kind | number or congress ordinal | issuing body';
COMMENT ON COLUMN doc_refs.document IS 'the document''s canonical name';
COMMENT ON COLUMN meetings.position IS 'the value''s place in the article, from 0 (in reading order)';
COMMENT ON COLUMN quote_speakers.position IS 'the value''s place in the article, from 0 (in reading order)';
COMMENT ON COLUMN person_countries.position IS 'the value''s place in the article, from 0 (in reading order)';
