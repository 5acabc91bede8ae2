-- Entities get ids from their normalized key (tone placement, case, Đ look-alikes), so the
-- same person spelled two ways in two articles is one row.

CREATE OR REPLACE TEMP VIEW stg_person_mentions AS
SELECT
    doc_id,
    substr(md5(person_key), 1, 16) AS person_id,
    person_key,
    first(name ORDER BY name) AS name,
    list_distinct(flatten(list(titles))) AS titles,
    bool_or(in_caption) AS in_caption
FROM raw_extract_person_mentions
WHERE doc_id IN (SELECT doc_id FROM stg_article_ids)
GROUP BY doc_id, person_key;

CREATE OR REPLACE TEMP VIEW stg_people AS
SELECT person_id, person_key, name
FROM (SELECT person_id, person_key, name, count(*) AS mentions FROM stg_person_mentions GROUP BY ALL)
QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY mentions DESC, name) = 1;

CREATE OR REPLACE TEMP VIEW stg_organization_mentions AS
SELECT doc_id, substr(md5(org_key), 1, 16) AS org_id, org_key,
       first(organization ORDER BY organization) AS organization,
       first(as_written ORDER BY as_written) AS as_written
FROM raw_extract_organization_mentions
WHERE doc_id IN (SELECT doc_id FROM stg_article_ids)
GROUP BY doc_id, org_key;

CREATE OR REPLACE TEMP VIEW stg_organizations AS
SELECT org_id, org_key, name
FROM (SELECT org_id, org_key, organization AS name, count(*) AS mentions FROM stg_organization_mentions GROUP BY ALL)
QUALIFY row_number() OVER (PARTITION BY org_id ORDER BY mentions DESC, name) = 1;

CREATE OR REPLACE TEMP VIEW stg_country_mentions AS
SELECT DISTINCT doc_id, substr(md5(country), 1, 16) AS country_id, country
FROM raw_extract_country_mentions
WHERE doc_id IN (SELECT doc_id FROM stg_article_ids);

CREATE OR REPLACE TEMP VIEW stg_countries AS
SELECT DISTINCT country_id, country AS name FROM stg_country_mentions;
