-- The city and country of the main event's venue (canonical names from seeds/reference/
-- countries.csv), next to the venue as written in `location`.
ALTER TABLE articles ADD COLUMN venue_city VARCHAR;
ALTER TABLE articles ADD COLUMN venue_country VARCHAR;
