-- Migration 1 of the city's answer database (kiosk-sync's `postgres` destination).
-- Runs inside one transaction with search_path set to the target schema (`kiosk` by default):
-- kiosk-sync does that itself; `kiosk-sync postgres-schema` prints it whole for a DBA.
-- README.md, "Several kiosks, one database", explains the tables, the roles and the views.

-- Every kiosk that ever delivered (its id from kiosk.toml).
CREATE TABLE kiosks (
    kiosk_id text PRIMARY KEY,
    first_delivery_at timestamptz NOT NULL DEFAULT now()
);

-- Survey definitions as the kiosks knew them, one row per (survey, version). Texts are JSON
-- objects by language: {"fr": "…", "en": "…"}. A version no kiosk had the file of any more
-- when delivering has mode and title NULL: its answers are kept all the same.
CREATE TABLE surveys (
    survey_id text NOT NULL,
    version bigint NOT NULL,
    mode text CHECK (mode IN ('survey', 'poll')),
    default_language text,
    title jsonb,
    PRIMARY KEY (survey_id, version)
);

CREATE TABLE questions (
    survey_id text NOT NULL,
    version bigint NOT NULL,
    question_id text NOT NULL,
    position integer NOT NULL,
    type text NOT NULL,
    text jsonb NOT NULL,
    PRIMARY KEY (survey_id, version, question_id),
    FOREIGN KEY (survey_id, version) REFERENCES surveys
);

CREATE TABLE options (
    survey_id text NOT NULL,
    version bigint NOT NULL,
    question_id text NOT NULL,
    option_id text NOT NULL,
    position integer NOT NULL,
    label jsonb NOT NULL,
    PRIMARY KEY (survey_id, version, question_id, option_id),
    FOREIGN KEY (survey_id, version, question_id) REFERENCES questions
);

-- One row per delivered batch. A batch id always names the same responses; content_sha256
-- is the hash of what was loaded, so a second delivery with the same id is recognised (same
-- hash: already here) or refused (another hash: a person must look).
CREATE TABLE batches (
    batch_id text PRIMARY KEY,
    content_sha256 text NOT NULL,
    kiosk_id text NOT NULL REFERENCES kiosks,
    database_id text NOT NULL,
    after_seq bigint NOT NULL,
    last_seq bigint NOT NULL,
    responses integer NOT NULL,
    answers integer NOT NULL,
    created_at timestamptz NOT NULL,
    delivered_at timestamptz NOT NULL DEFAULT now()
);

-- One row per response: the visitor is anonymous (docs/privacy.md); `uuid` is random.
CREATE TABLE responses (
    uuid uuid PRIMARY KEY,
    batch_id text NOT NULL REFERENCES batches,
    kiosk_id text NOT NULL,
    seq bigint NOT NULL,
    survey_id text NOT NULL,
    survey_version bigint NOT NULL,
    language text NOT NULL,
    origin text NOT NULL CHECK (origin IN ('kiosk', 'assisted', 'event', 'synthetic', 'paper')),
    status text NOT NULL CHECK (status IN ('complete', 'abandoned')),
    is_test boolean NOT NULL,
    burst boolean NOT NULL,
    started_at timestamptz NOT NULL,
    submitted_at timestamptz NOT NULL,
    duration_ms bigint NOT NULL,
    paper_date date
);
CREATE INDEX responses_survey ON responses (survey_id, survey_version);
CREATE INDEX responses_batch ON responses (batch_id);

-- One row per answer, in question order (`position`). Which columns are set depends on the
-- question type (docs/export-formats.md, "csv-long — `answers.csv`").
CREATE TABLE answers (
    response_uuid uuid NOT NULL REFERENCES responses ON DELETE CASCADE,
    position integer NOT NULL,
    question_id text NOT NULL,
    option_id text,
    text text,
    number double precision,
    plan_id text,
    x double precision,
    y double precision,
    hidden boolean NOT NULL,
    PRIMARY KEY (response_uuid, position)
);
CREATE INDEX answers_question ON answers (question_id);

-- For analysts: one row per answer with its response and the question and option texts in
-- the survey's default language.
CREATE VIEW answers_long AS
SELECT r.uuid AS response_uuid, r.kiosk_id, r.survey_id, r.survey_version, r.language, r.origin,
       r.status, r.is_test, r.burst, r.started_at, r.submitted_at, r.duration_ms, r.paper_date,
       a.position, a.question_id, q.type AS question_type,
       q.text ->> s.default_language AS question_text,
       a.option_id, o.label ->> s.default_language AS option_label,
       a.text, a.number, a.plan_id, a.x, a.y, a.hidden
FROM responses r
JOIN answers a ON a.response_uuid = r.uuid
LEFT JOIN surveys s ON s.survey_id = r.survey_id AND s.version = r.survey_version
LEFT JOIN questions q ON q.survey_id = r.survey_id AND q.version = r.survey_version
                     AND q.question_id = a.question_id
LEFT JOIN options o ON o.survey_id = r.survey_id AND o.version = r.survey_version
                   AND o.question_id = a.question_id AND o.option_id = a.option_id;

-- One wide view per survey, "wide_<survey id>" ('-' becomes '_'): one row per response, one
-- column per question of any version, in the order questions first appeared (so that a new
-- version only adds columns at the end and the view can be replaced in place). Multiple
-- choices and rankings are joined with ';' (rankings in rank order); a plan question gives
-- its number of pins. Rebuilt by a trigger whenever a kiosk delivers a new survey version;
-- it runs as the schema's owner, so kiosk roles need no right to create views.
CREATE FUNCTION refresh_wide_view(target_survey text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    columns text := '';
    question record;
    view_name text := 'wide_' || replace(target_survey, '-', '_');
    body text;
BEGIN
    FOR question IN
        SELECT q.question_id,
               (array_agg(q.type ORDER BY q.version DESC))[1] AS type,
               min(q.version) AS first_version,
               (array_agg(q.position ORDER BY q.version))[1] AS first_position
        FROM questions q WHERE q.survey_id = target_survey
        GROUP BY q.question_id ORDER BY 3, 4, 1
    LOOP
        columns := columns || ', ' || CASE
            WHEN question.type IN ('scale', 'number') THEN
                format('max(a.number) FILTER (WHERE a.question_id = %L) AS %I', question.question_id, question.question_id)
            WHEN question.type = 'free_text' THEN
                format('max(a.text) FILTER (WHERE a.question_id = %L) AS %I', question.question_id, question.question_id)
            WHEN question.type = 'multiple_choice' THEN
                format('string_agg(a.option_id, %L ORDER BY a.position) FILTER (WHERE a.question_id = %L) AS %I',
                       ';', question.question_id, question.question_id)
            WHEN question.type = 'ranking' THEN
                format('string_agg(a.option_id, %L ORDER BY a.number) FILTER (WHERE a.question_id = %L) AS %I',
                       ';', question.question_id, question.question_id)
            WHEN question.type = 'plan_pin' THEN
                format('count(a.position) FILTER (WHERE a.question_id = %L) AS %I',
                       question.question_id, question.question_id || '_pins')
            ELSE
                format('max(a.option_id) FILTER (WHERE a.question_id = %L) AS %I', question.question_id, question.question_id)
        END;
    END LOOP;
    body := format('SELECT r.uuid AS response_uuid, r.kiosk_id, r.survey_version, r.language, r.origin, '
                   'r.status, r.is_test, r.burst, r.started_at, r.submitted_at, r.duration_ms, r.paper_date%s '
                   'FROM responses r LEFT JOIN answers a ON a.response_uuid = r.uuid '
                   'WHERE r.survey_id = %L GROUP BY r.uuid', columns, target_survey);
    BEGIN
        EXECUTE format('CREATE OR REPLACE VIEW %I AS %s', view_name, body);
    EXCEPTION WHEN OTHERS THEN
        -- A question changed type between versions: the column's type changes, which a
        -- replace cannot do. Recreate it; if an analyst's own view depends on it, keep the
        -- old one and say so rather than refuse the kiosk's delivery.
        BEGIN
            EXECUTE format('DROP VIEW IF EXISTS %I', view_name);
            EXECUTE format('CREATE VIEW %I AS %s', view_name, body);
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'view % kept as it was: %', view_name, SQLERRM;
        END;
    END;
END
$$;
ALTER FUNCTION refresh_wide_view(text) SET search_path FROM CURRENT;
REVOKE ALL ON FUNCTION refresh_wide_view(text) FROM PUBLIC;

CREATE FUNCTION refresh_wide_views_of_new_questions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    survey text;
BEGIN
    FOR survey IN SELECT DISTINCT survey_id FROM new_questions LOOP
        PERFORM refresh_wide_view(survey);
    END LOOP;
    RETURN NULL;
END
$$;
ALTER FUNCTION refresh_wide_views_of_new_questions() SET search_path FROM CURRENT;
REVOKE ALL ON FUNCTION refresh_wide_views_of_new_questions() FROM PUBLIC;

CREATE TRIGGER questions_refresh_wide_views AFTER INSERT ON questions
REFERENCING NEW TABLE AS new_questions
FOR EACH STATEMENT EXECUTE FUNCTION refresh_wide_views_of_new_questions();
