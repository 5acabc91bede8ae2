-- What every table, view and column of the warehouse holds: applied on every load after the
-- views (which the load recreates), and the source of docs/warehouse.md (warehouse/document.py).
-- The extractors' generated tables are commented in 02_extracted.sql, from their declarations,
-- a reference table (one per CSV of the reference folder) in reference/<csv name>.sql.
-- No ';' inside a comment: the load splits scripts at every ';'.

COMMENT ON TABLE documents IS 'Every input document, with its fate: an article, a duplicate of one, or quarantined.';
COMMENT ON COLUMN documents.doc_id IS 'the document''s id, stable across runs (the key of every table)';
COMMENT ON COLUMN documents.source_path IS 'the input file (and entry, for an archive or a JSON lines file) it was read from';
COMMENT ON COLUMN documents.sha256 IS 'hash of the raw bytes: a landing-folder run skips documents it already holds';
COMMENT ON COLUMN documents.format IS 'the format it was read as (txt, html, json …)';
COMMENT ON COLUMN documents.encoding IS 'the text encoding it was decoded from';
COMMENT ON COLUMN documents.repairs IS 'repairs the reader made to the text (mojibake, stray control characters …)';
COMMENT ON COLUMN documents.fate IS 'article, duplicate or quarantined: where to find the document next';
COMMENT ON COLUMN documents.first_run_id IS 'the run that first loaded it (pipeline_runs.run_id)';

COMMENT ON TABLE articles IS 'The cleaned articles (canonical copies only) with what extract found in them.';
COMMENT ON COLUMN articles.doc_id IS 'the document (documents.doc_id)';
COMMENT ON COLUMN articles.title IS 'the headline';
COMMENT ON COLUMN articles.sapo IS 'the lead paragraph (sapo), when the page has one';
COMMENT ON COLUMN articles.body IS 'the cleaned body text, site chrome removed (see removed_lines)';
COMMENT ON COLUMN articles.published_date IS 'publication date as an ISO text (YYYY-MM-DD), when found';
COMMENT ON COLUMN articles.published_time IS 'publication time of day (HH:MM), when found';
COMMENT ON COLUMN articles.event_date_text IS 'the event''s date as the text writes it';
COMMENT ON COLUMN articles.event_date IS 'the event''s date as an ISO text, as precise as event_date_precision says';
COMMENT ON COLUMN articles.event_date_precision IS 'how much of event_date the text gives: day, month or year';
COMMENT ON COLUMN articles.time_of_day IS 'the event''s time as written (sáng, chiều, 9h30 …)';
COMMENT ON COLUMN articles.location IS 'where the event took place, as written';
COMMENT ON COLUMN articles.venue_city IS 'the venue''s city, when the text or the places gazetteer gives it';
COMMENT ON COLUMN articles.venue_country IS 'the venue''s country, when the text or the places gazetteer gives it';
COMMENT ON COLUMN articles.author IS 'the byline';
COMMENT ON COLUMN articles.story_id IS 'the story (one event, possibly several articles) the article belongs to (stories)';
COMMENT ON COLUMN articles.body_chars IS 'length of body in characters';

COMMENT ON TABLE removed_lines IS 'Lines the cleaner removed from an article as site chrome, with the rule that removed each.';
COMMENT ON COLUMN removed_lines.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN removed_lines.position IS 'the line''s place in the raw text, from 0';
COMMENT ON COLUMN removed_lines.line IS 'the removed line';
COMMENT ON COLUMN removed_lines.rule IS 'the cleaning rule that removed it';

COMMENT ON TABLE flagged_lines IS 'Lines the cleaner kept although they look like site chrome: audit them, turn recurring ones into rules.';
COMMENT ON COLUMN flagged_lines.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN flagged_lines.position IS 'the line''s place in the raw text, from 0';
COMMENT ON COLUMN flagged_lines.line IS 'the kept line';
COMMENT ON COLUMN flagged_lines.rule IS 'the rule it nearly matched';

COMMENT ON TABLE people IS 'People named in the articles, one row per person.';
COMMENT ON COLUMN people.person_id IS 'the person''s id';
COMMENT ON COLUMN people.person_key IS 'the matching key of the name (case- and tone-placement-blind): one person per key';
COMMENT ON COLUMN people.name IS 'the name as first written';

COMMENT ON TABLE person_mentions IS 'A person named in an article, with the titles the article gives them.';
COMMENT ON COLUMN person_mentions.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN person_mentions.person_id IS 'the person (people.person_id)';
COMMENT ON COLUMN person_mentions.name IS 'the name as this article writes it';
COMMENT ON COLUMN person_mentions.titles IS 'the posts and ranks written before the name (Thủ tướng, Đại tướng …)';
COMMENT ON COLUMN person_mentions.in_caption IS 'true when the person is named in a photo caption only';

COMMENT ON TABLE organizations IS 'Organizations named in the articles, one row per organization.';
COMMENT ON COLUMN organizations.org_id IS 'the organization''s id';
COMMENT ON COLUMN organizations.org_key IS 'the matching key of the canonical name: one organization per key';
COMMENT ON COLUMN organizations.name IS 'the canonical name (ref_organizations.name when the gazetteer knows it)';

COMMENT ON TABLE organization_mentions IS 'An organization named in an article.';
COMMENT ON COLUMN organization_mentions.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN organization_mentions.org_id IS 'the organization (organizations.org_id)';
COMMENT ON COLUMN organization_mentions.as_written IS 'the name as this article writes it (an alias or abbreviation)';

COMMENT ON TABLE countries IS 'Countries named in the articles, one row per country.';
COMMENT ON COLUMN countries.country_id IS 'the country''s id';
COMMENT ON COLUMN countries.name IS 'the canonical name (ref_countries.name)';

COMMENT ON TABLE country_mentions IS 'A country named in an article.';
COMMENT ON COLUMN country_mentions.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN country_mentions.country_id IS 'the country (countries.country_id)';

COMMENT ON TABLE stories IS 'The story of each article: articles about one event share a story_id.';
COMMENT ON COLUMN stories.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN stories.story_id IS 'the story''s id (one of its articles'' doc_id)';

COMMENT ON TABLE duplicates IS 'Documents dropped as copies of a canonical article, and how they were matched.';
COMMENT ON COLUMN duplicates.doc_id IS 'the duplicate document (documents.doc_id)';
COMMENT ON COLUMN duplicates.canonical_id IS 'the article it copies (articles.doc_id)';
COMMENT ON COLUMN duplicates.method IS 'exact (same text), near (MinHash similarity) or contained (its text inside the canonical one)';
COMMENT ON COLUMN duplicates.similarity IS 'similarity to the canonical article, from 0 to 1 (1 for exact)';
COMMENT ON COLUMN duplicates.cluster_id IS 'the cluster of copies it was found in';

COMMENT ON TABLE dedup_signatures IS 'Dedup signatures of every document kept, so later runs catch copies of earlier stories.';
COMMENT ON COLUMN dedup_signatures.doc_id IS 'the document (documents.doc_id)';
COMMENT ON COLUMN dedup_signatures.exact_hash IS 'hash of the normalized text: equal hashes are exact copies';
COMMENT ON COLUMN dedup_signatures.body_length IS 'length of the normalized text in characters';
COMMENT ON COLUMN dedup_signatures.published_date IS 'publication date (ISO text), to compare copies in time';
COMMENT ON COLUMN dedup_signatures.shingle_count IS 'number of distinct word shingles';
COMMENT ON COLUMN dedup_signatures.shingles IS 'the word shingles, packed';
COMMENT ON COLUMN dedup_signatures.numbers IS 'the numbers of the text, packed (copies must agree on them)';
COMMENT ON COLUMN dedup_signatures.minhash IS 'the MinHash signature of the shingles';
COMMENT ON COLUMN dedup_signatures.band_hashes IS 'LSH band hashes of the MinHash, to find candidate pairs';
COMMENT ON COLUMN dedup_signatures.canonical_id IS 'the article this document was folded into, or its own doc_id';

COMMENT ON TABLE quarantine IS 'Documents set aside, with the stage and reason: nothing is dropped silently.';
COMMENT ON COLUMN quarantine.doc_id IS 'the document (documents.doc_id)';
COMMENT ON COLUMN quarantine.source_path IS 'the input file it came from';
COMMENT ON COLUMN quarantine.stage IS 'the stage that quarantined it (ingest, clean, extract, validate …)';
COMMENT ON COLUMN quarantine.reason IS 'why, as a short code';
COMMENT ON COLUMN quarantine.detail IS 'the particulars, for a human';
COMMENT ON COLUMN quarantine.first_run_id IS 'the run that first quarantined it (pipeline_runs.run_id)';

COMMENT ON TABLE pipeline_runs IS 'The run log: one row per stage of every run (append-only).';
COMMENT ON COLUMN pipeline_runs.run_id IS 'the run''s id (UTC start time and a random suffix)';
COMMENT ON COLUMN pipeline_runs.stage IS 'the stage (ingest, clean, dedup, extract, validate, load)';
COMMENT ON COLUMN pipeline_runs.rows_in IS 'rows the stage read (documents, articles or rows, by stage)';
COMMENT ON COLUMN pipeline_runs.rows_out IS 'rows the stage wrote';
COMMENT ON COLUMN pipeline_runs.seconds IS 'wall time of the stage in seconds';
COMMENT ON COLUMN pipeline_runs.status IS 'completed, or cached when an earlier run''s output was reused';
COMMENT ON COLUMN pipeline_runs.finished_at IS 'when the stage finished';

COMMENT ON TABLE validation_results IS 'Every expectation checked by the validate stage, per run, and whether it was met.';
COMMENT ON COLUMN validation_results.run_id IS 'the run (pipeline_runs.run_id)';
COMMENT ON COLUMN validation_results.suite IS 'the GX suite (expectations/gx/expectations/NAME.json)';
COMMENT ON COLUMN validation_results.expectation IS 'the expectation''s type';
COMMENT ON COLUMN validation_results.column_name IS 'the column it checks, if one';
COMMENT ON COLUMN validation_results.severity IS 'critical (a failure stops the load) or warning';
COMMENT ON COLUMN validation_results.success IS 'true when the expectation was met';
COMMENT ON COLUMN validation_results.unexpected_count IS 'rows that did not meet it';
COMMENT ON COLUMN validation_results.detail IS 'examples of the unexpected values';

COMMENT ON TABLE schema_version IS 'The migrations applied to this warehouse (warehouse/migrations/).';
COMMENT ON COLUMN schema_version.version IS 'the migration''s number';
COMMENT ON COLUMN schema_version.name IS 'the migration''s file name';
COMMENT ON COLUMN schema_version.applied_at IS 'when it was applied';

COMMENT ON VIEW article_dates IS 'The best known date of each article: the event''s full date, else publication, else its story''s date.';
COMMENT ON COLUMN article_dates.doc_id IS 'the article (articles.doc_id)';
COMMENT ON COLUMN article_dates.activity_date IS 'the best known date (NULL when none is known)';
COMMENT ON COLUMN article_dates.time_of_day IS 'the event''s time as written';
COMMENT ON COLUMN article_dates.location IS 'where the event took place, as written';

COMMENT ON VIEW person_posts IS 'Every post a person was seen holding, with the organization the title names and when.';
COMMENT ON COLUMN person_posts.person_id IS 'the person (people.person_id)';
COMMENT ON COLUMN person_posts.name IS 'the person''s name';
COMMENT ON COLUMN person_posts.title IS 'the post as written';
COMMENT ON COLUMN person_posts.organization IS 'the longest organization of the same article found in the title';
COMMENT ON COLUMN person_posts.first_seen IS 'the earliest activity_date of an article giving this post';
COMMENT ON COLUMN person_posts.last_seen IS 'the latest activity_date of an article giving this post';
COMMENT ON COLUMN person_posts.articles IS 'articles giving this post';

COMMENT ON VIEW person_timeline IS 'One row per appearance of a person in an article, in date order.';
COMMENT ON COLUMN person_timeline.person_id IS 'the person (people.person_id)';
COMMENT ON COLUMN person_timeline.name IS 'the person''s name';
COMMENT ON COLUMN person_timeline.activity_date IS 'the article''s best known date (article_dates)';
COMMENT ON COLUMN person_timeline.time_of_day IS 'the event''s time as written';
COMMENT ON COLUMN person_timeline.location IS 'where the event took place';
COMMENT ON COLUMN person_timeline.titles IS 'the titles the article gives the person';
COMMENT ON COLUMN person_timeline.article_title IS 'the article''s headline';
COMMENT ON COLUMN person_timeline.doc_id IS 'the article (articles.doc_id)';

COMMENT ON VIEW who_met_whom IS 'Stated meetings (the meetings table) per story, not per copy: who received, talked with or phoned whom, when and where.';
COMMENT ON COLUMN who_met_whom.person_a IS 'the host, initiator or grammatical subject';
COMMENT ON COLUMN who_met_whom.person_b IS 'the guest or counterpart';
COMMENT ON COLUMN who_met_whom.kind IS 'tiếp, hội đàm, hội kiến, điện đàm, gặp, đón, chúc mừng or other';
COMMENT ON COLUMN who_met_whom.activity_date IS 'the story''s earliest known date';
COMMENT ON COLUMN who_met_whom.location IS 'a venue one of the story''s articles gives';
COMMENT ON COLUMN who_met_whom.story_id IS 'the story (stories.story_id, or the article''s doc_id)';
COMMENT ON COLUMN who_met_whom.articles IS 'articles in the story';

COMMENT ON VIEW organization_activity_monthly IS 'Articles naming each organization, per month.';
COMMENT ON COLUMN organization_activity_monthly.month IS 'the first day of the month (from article_dates)';
COMMENT ON COLUMN organization_activity_monthly.organization IS 'the organization''s name';
COMMENT ON COLUMN organization_activity_monthly.articles IS 'articles naming it that month';

COMMENT ON VIEW country_activity_monthly IS 'Articles naming each country, per month.';
COMMENT ON COLUMN country_activity_monthly.month IS 'the first day of the month (from article_dates)';
COMMENT ON COLUMN country_activity_monthly.country IS 'the country''s name';
COMMENT ON COLUMN country_activity_monthly.articles IS 'articles naming it that month';

COMMENT ON VIEW most_cited_documents IS 'Party and state documents by the number of articles citing them.';
COMMENT ON COLUMN most_cited_documents.doc_ref IS 'the document as written (doc_refs.doc_ref)';
COMMENT ON COLUMN most_cited_documents.articles IS 'articles citing it';
COMMENT ON COLUMN most_cited_documents.first_cited IS 'the earliest date of an article citing it';
COMMENT ON COLUMN most_cited_documents.last_cited IS 'the latest date of an article citing it';

COMMENT ON VIEW source_coverage IS 'Which outlets carry which stories, counting the syndicated copies folded into them.';
COMMENT ON COLUMN source_coverage.source IS 'the outlet (sources.source)';
COMMENT ON COLUMN source_coverage.stories IS 'distinct stories it is credited in';
COMMENT ON COLUMN source_coverage.articles IS 'articles crediting it';
COMMENT ON COLUMN source_coverage.documents IS 'documents behind those articles, duplicates included';

COMMENT ON VIEW duplicate_summary IS 'Each canonical article that has duplicates, with how many and how they matched.';
COMMENT ON COLUMN duplicate_summary.canonical_id IS 'the canonical article (articles.doc_id)';
COMMENT ON COLUMN duplicate_summary.title IS 'its headline';
COMMENT ON COLUMN duplicate_summary.copies IS 'duplicates folded into it';
COMMENT ON COLUMN duplicate_summary.methods IS 'the match method of each copy (duplicates.method)';
COMMENT ON COLUMN duplicate_summary.min_similarity IS 'the lowest similarity among the copies';

COMMENT ON VIEW quarantine_summary IS 'Quarantined documents counted by stage and reason, with one example.';
COMMENT ON COLUMN quarantine_summary.stage IS 'the stage that quarantined them';
COMMENT ON COLUMN quarantine_summary.reason IS 'the reason code';
COMMENT ON COLUMN quarantine_summary.documents IS 'documents quarantined for it';
COMMENT ON COLUMN quarantine_summary.example_detail IS 'the detail of one of them';

COMMENT ON VIEW document_fates IS 'How many documents ended as articles, duplicates and quarantined.';
COMMENT ON COLUMN document_fates.fate IS 'article, duplicate or quarantined';
COMMENT ON COLUMN document_fates.documents IS 'documents with that fate';

COMMENT ON VIEW last_run IS 'The stages of the latest run (pipeline_runs), in order.';
COMMENT ON COLUMN last_run.run_id IS 'the run''s id';
COMMENT ON COLUMN last_run.stage IS 'the stage';
COMMENT ON COLUMN last_run.rows_in IS 'rows the stage read';
COMMENT ON COLUMN last_run.rows_out IS 'rows the stage wrote';
COMMENT ON COLUMN last_run.seconds IS 'wall time in seconds';
COMMENT ON COLUMN last_run.status IS 'completed or cached';
COMMENT ON COLUMN last_run.finished_at IS 'when the stage finished';

COMMENT ON VIEW meetings_timeline IS 'Every stated meeting with its article''s date, time of day and venue, in date order.';
COMMENT ON COLUMN meetings_timeline.activity_date IS 'the article''s event date, else its publication date (article_dates)';
COMMENT ON COLUMN meetings_timeline.time_of_day IS 'sáng, trưa, chiều, tối or đêm, when stated';
COMMENT ON COLUMN meetings_timeline.host IS 'the host, initiator or grammatical subject (meetings.a)';
COMMENT ON COLUMN meetings_timeline.counterpart IS 'the guest or counterpart (meetings.b)';
COMMENT ON COLUMN meetings_timeline.kind IS 'the kind of meeting (meetings.kind)';
COMMENT ON COLUMN meetings_timeline.location IS 'the venue as written';
COMMENT ON COLUMN meetings_timeline.doc_id IS 'the article stating it';
COMMENT ON COLUMN meetings_timeline.article_title IS 'that article''s headline';
COMMENT ON COLUMN meetings_timeline.evidence_start IS 'first character of the sentence stating it, in articles.body';
COMMENT ON COLUMN meetings_timeline.evidence_end IS 'end of that sentence (exclusive)';

COMMENT ON VIEW quotes_by_person IS 'What each person is quoted as saying, with the article and its date.';
COMMENT ON COLUMN quotes_by_person.person_id IS 'the speaker (people.person_id)';
COMMENT ON COLUMN quotes_by_person.name IS 'the speaker''s name';
COMMENT ON COLUMN quotes_by_person.quote IS 'the quoted words';
COMMENT ON COLUMN quotes_by_person.activity_date IS 'the article''s event date, else its publication date';
COMMENT ON COLUMN quotes_by_person.doc_id IS 'the article';
COMMENT ON COLUMN quotes_by_person.article_title IS 'the article''s headline';

COMMENT ON VIEW officials_by_country IS 'People by the country whose official they are, with how often and when they appear.';
COMMENT ON COLUMN officials_by_country.country IS 'the country (person_countries.country)';
COMMENT ON COLUMN officials_by_country.person_id IS 'the person (people.person_id)';
COMMENT ON COLUMN officials_by_country.name IS 'the person''s name';
COMMENT ON COLUMN officials_by_country.articles IS 'articles naming the person with that country';
COMMENT ON COLUMN officials_by_country.first_seen IS 'the earliest of those articles'' dates';
COMMENT ON COLUMN officials_by_country.last_seen IS 'the latest of those articles'' dates';
