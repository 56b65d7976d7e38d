-- responses.db at schema version 4, as written by kiosks in the field (frozen: never edit).
-- The responses of schema-v3.sql, with the participation tallies migration 4 counted for
-- them (in Paris time: 09:18 UTC on 2 Oct 2026 is 11 h) and its trigger.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE answer (
        response_seq INTEGER NOT NULL REFERENCES response (seq),
        position     INTEGER NOT NULL,
        question_id  TEXT    NOT NULL,
        option_id    TEXT,
        text         TEXT,
        number       REAL,
        plan_id      TEXT,
        x            REAL,
        y            REAL,
        PRIMARY KEY (response_seq, position)
    ) WITHOUT ROWID;
INSERT INTO answer VALUES(1,0,'frequence','chaque-jour',NULL,NULL,NULL,NULL,NULL);
INSERT INTO answer VALUES(1,1,'lieux','square',NULL,NULL,NULL,NULL,NULL);
INSERT INTO answer VALUES(1,2,'lieux','bords-de-marne',NULL,NULL,NULL,NULL,NULL);
INSERT INTO answer VALUES(1,3,'soir','bad',NULL,2.0,NULL,NULL,NULL);
INSERT INTO answer VALUES(1,4,'proprete',NULL,NULL,7.0,NULL,NULL,NULL);
INSERT INTO answer VALUES(1,5,'nombre-enfants',NULL,NULL,3.0,NULL,NULL,NULL);
INSERT INTO answer VALUES(1,6,'priorites','eclairage',NULL,1.0,NULL,NULL,NULL);
INSERT INTO answer VALUES(1,7,'priorites','ombre',NULL,2.0,NULL,NULL,NULL);
INSERT INTO answer VALUES(1,8,'endroits','insecurite',NULL,NULL,'plan-quartier-2030',0.4375,0.8125);
INSERT INTO answer VALUES(1,9,'endroits',NULL,'Trop sombre le soir',NULL,'plan-quartier-2030',0.125,0.25);
INSERT INTO answer VALUES(1,10,'idee',NULL,'Ça coûte 5 € l’été !',NULL,NULL,NULL,NULL);
INSERT INTO answer VALUES(2,0,'envie','jeux',NULL,NULL,NULL,NULL,NULL);
CREATE TABLE answer_tally (
        survey_id   TEXT    NOT NULL,
        question_id TEXT    NOT NULL,
        day         TEXT    NOT NULL,
        origin      TEXT    NOT NULL,
        language    TEXT    NOT NULL,
        is_test     INTEGER NOT NULL,
        burst       INTEGER NOT NULL,
        option_id   TEXT    NOT NULL,
        has_number  INTEGER NOT NULL,
        number      REAL    NOT NULL,
        has_pin     INTEGER NOT NULL,
        has_text    INTEGER NOT NULL,
        answers     INTEGER NOT NULL,
        PRIMARY KEY (survey_id, question_id, day, origin, language, is_test, burst,
                     option_id, has_number, number, has_pin, has_text)
    ) WITHOUT ROWID;
INSERT INTO answer_tally VALUES('usages-espaces-publics','endroits','2026-10-02','kiosk','fr',0,0,'',0,0.0,1,1,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','endroits','2026-10-02','kiosk','fr',0,0,'insecurite',0,0.0,1,0,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','frequence','2026-10-02','kiosk','fr',0,0,'chaque-jour',0,0.0,0,0,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','idee','2026-10-02','kiosk','fr',0,0,'',0,0.0,0,1,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','lieux','2026-10-02','kiosk','fr',0,0,'bords-de-marne',0,0.0,0,0,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','lieux','2026-10-02','kiosk','fr',0,0,'square',0,0.0,0,0,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','nombre-enfants','2026-10-02','kiosk','fr',0,0,'',1,3.0,0,0,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','priorites','2026-10-02','kiosk','fr',0,0,'eclairage',1,1.0,0,0,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','priorites','2026-10-02','kiosk','fr',0,0,'ombre',1,2.0,0,0,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','proprete','2026-10-02','kiosk','fr',0,0,'',1,7.0,0,0,1);
INSERT INTO answer_tally VALUES('usages-espaces-publics','soir','2026-10-02','kiosk','fr',0,0,'bad',1,2.0,0,0,1);
CREATE TABLE hidden_answer (
        response_uuid TEXT NOT NULL REFERENCES response (uuid),
        question_id   TEXT NOT NULL,
        hidden_at     TEXT NOT NULL,
        PRIMARY KEY (response_uuid, question_id)
    ) WITHOUT ROWID;
INSERT INTO hidden_answer VALUES('0f8e2a4c-1b3d-4e5f-8a7b-9c0d1e2f3a4b','idee','2026-10-03T11:00:00.000Z');
CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
INSERT INTO meta VALUES('database_id','6b1f2c8e-3d4a-4f5b-8c6d-7e8f9a0b1c2d');
INSERT INTO meta VALUES('created_at','2026-10-01T08:00:00.000Z');
CREATE TABLE pin_tally (
        survey_id   TEXT    NOT NULL,
        question_id TEXT    NOT NULL,
        origin      TEXT    NOT NULL,
        language    TEXT    NOT NULL,
        is_test     INTEGER NOT NULL,
        burst       INTEGER NOT NULL,
        cell        INTEGER NOT NULL,
        pins        INTEGER NOT NULL,
        PRIMARY KEY (survey_id, question_id, origin, language, is_test, burst, cell)
    ) WITHOUT ROWID;
INSERT INTO pin_tally VALUES('usages-espaces-publics','endroits','kiosk','fr',0,0,1032,1);
INSERT INTO pin_tally VALUES('usages-espaces-publics','endroits','kiosk','fr',0,0,3356,1);
CREATE TABLE respondent_tally (
        survey_id   TEXT    NOT NULL,
        question_id TEXT    NOT NULL,
        day         TEXT    NOT NULL,
        origin      TEXT    NOT NULL,
        language    TEXT    NOT NULL,
        is_test     INTEGER NOT NULL,
        burst       INTEGER NOT NULL,
        respondents INTEGER NOT NULL,
        PRIMARY KEY (survey_id, question_id, day, origin, language, is_test, burst)
    ) WITHOUT ROWID;
INSERT INTO respondent_tally VALUES('usages-espaces-publics','endroits','2026-10-02','kiosk','fr',0,0,1);
INSERT INTO respondent_tally VALUES('usages-espaces-publics','frequence','2026-10-02','kiosk','fr',0,0,1);
INSERT INTO respondent_tally VALUES('usages-espaces-publics','idee','2026-10-02','kiosk','fr',0,0,1);
INSERT INTO respondent_tally VALUES('usages-espaces-publics','lieux','2026-10-02','kiosk','fr',0,0,1);
INSERT INTO respondent_tally VALUES('usages-espaces-publics','nombre-enfants','2026-10-02','kiosk','fr',0,0,1);
INSERT INTO respondent_tally VALUES('usages-espaces-publics','priorites','2026-10-02','kiosk','fr',0,0,1);
INSERT INTO respondent_tally VALUES('usages-espaces-publics','proprete','2026-10-02','kiosk','fr',0,0,1);
INSERT INTO respondent_tally VALUES('usages-espaces-publics','soir','2026-10-02','kiosk','fr',0,0,1);
CREATE TABLE IF NOT EXISTS "response" (
        seq            INTEGER PRIMARY KEY,
        uuid           TEXT    NOT NULL UNIQUE,
        kiosk_id       TEXT    NOT NULL,
        survey_id      TEXT    NOT NULL,
        survey_version INTEGER NOT NULL,
        language       TEXT    NOT NULL,
        origin         TEXT    NOT NULL CHECK (origin IN ('kiosk', 'assisted', 'paper', 'event', 'synthetic')),
        status         TEXT    NOT NULL CHECK (status IN ('complete', 'abandoned')),
        is_test        INTEGER NOT NULL DEFAULT 0 CHECK (is_test IN (0, 1)),
        burst          INTEGER NOT NULL DEFAULT 0 CHECK (burst IN (0, 1)),
        started_at     TEXT    NOT NULL,
        submitted_at   TEXT    NOT NULL,
        duration_ms    INTEGER NOT NULL,
        paper_date     TEXT    CHECK (paper_date IS NULL OR (origin = 'paper' AND
                                      paper_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'))
    );
INSERT INTO response VALUES(1,'0f8e2a4c-1b3d-4e5f-8a7b-9c0d1e2f3a4b','fauvettes-mdp-01','usages-espaces-publics',1,'fr','kiosk','complete',0,0,'2026-10-02T09:15:03.250Z','2026-10-02T09:18:41.007Z',217757,NULL);
INSERT INTO response VALUES(2,'5d6c7b8a-9e0f-4a1b-b2c3-d4e5f6a7b8c9','fauvettes-mdp-01','futur-square',1,'en','event','abandoned',1,1,'2026-10-02T10:00:00.000Z','2026-10-02T10:01:30.500Z',90500,NULL);
CREATE TABLE response_tally (
        survey_id TEXT    NOT NULL,
        day       TEXT    NOT NULL,
        origin    TEXT    NOT NULL,
        language  TEXT    NOT NULL,
        is_test   INTEGER NOT NULL,
        burst     INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        PRIMARY KEY (survey_id, day, origin, language, is_test, burst)
    ) WITHOUT ROWID;
INSERT INTO response_tally VALUES('usages-espaces-publics','2026-10-02','kiosk','fr',0,0,1);
CREATE TABLE participation_tally (
        survey_id TEXT    NOT NULL,
        day       TEXT    NOT NULL,
        hour      INTEGER NOT NULL,
        status    TEXT    NOT NULL,
        is_test   INTEGER NOT NULL,
        burst     INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        PRIMARY KEY (survey_id, day, hour, status, is_test, burst)
    ) WITHOUT ROWID;
INSERT INTO participation_tally VALUES('futur-square','2026-10-02',12,'abandoned',1,1,1);
INSERT INTO participation_tally VALUES('usages-espaces-publics','2026-10-02',11,'complete',0,0,1);
CREATE TABLE channel_tally (
        survey_id TEXT    NOT NULL,
        day       TEXT    NOT NULL,
        origin    TEXT    NOT NULL,
        language  TEXT    NOT NULL,
        kiosk_id  TEXT    NOT NULL,
        status    TEXT    NOT NULL,
        is_test   INTEGER NOT NULL,
        burst     INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        PRIMARY KEY (survey_id, day, origin, language, kiosk_id, status, is_test, burst)
    ) WITHOUT ROWID;
INSERT INTO channel_tally VALUES('futur-square','2026-10-02','event','en','fauvettes-mdp-01','abandoned',1,1,1);
INSERT INTO channel_tally VALUES('usages-espaces-publics','2026-10-02','kiosk','fr','fauvettes-mdp-01','complete',0,0,1);
CREATE TABLE duration_tally (
        survey_id TEXT    NOT NULL,
        day       TEXT    NOT NULL,
        class     INTEGER NOT NULL,
        is_test   INTEGER NOT NULL,
        burst     INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        PRIMARY KEY (survey_id, day, class, is_test, burst)
    ) WITHOUT ROWID;
INSERT INTO duration_tally VALUES('usages-espaces-publics','2026-10-02',21,0,0,1);
CREATE INDEX response_survey ON response (survey_id, seq);
CREATE TRIGGER response_tally_insert AFTER INSERT ON response WHEN NEW.status = 'complete'
    BEGIN
        INSERT INTO response_tally VALUES (NEW.survey_id,
            coalesce(NEW.paper_date, substr(NEW.submitted_at, 1, 10)), NEW.origin, NEW.language,
            NEW.is_test, NEW.burst, 1)
        ON CONFLICT (survey_id, day, origin, language, is_test, burst)
        DO UPDATE SET responses = responses + 1;
    END;
CREATE TRIGGER answer_tally_insert AFTER INSERT ON answer
    BEGIN
        INSERT INTO answer_tally
        SELECT r.survey_id, NEW.question_id, coalesce(r.paper_date, substr(r.submitted_at, 1, 10)),
               r.origin, r.language, r.is_test, r.burst, coalesce(NEW.option_id, ''),
               NEW.number IS NOT NULL, coalesce(NEW.number, 0),
               NEW.x IS NOT NULL AND NEW.y IS NOT NULL, NEW.text IS NOT NULL, 1
        FROM response r WHERE r.seq = NEW.response_seq AND r.status = 'complete'
        ON CONFLICT (survey_id, question_id, day, origin, language, is_test, burst,
                     option_id, has_number, number, has_pin, has_text)
        DO UPDATE SET answers = answers + 1;
        INSERT INTO pin_tally
        SELECT r.survey_id, NEW.question_id, r.origin, r.language, r.is_test, r.burst,
               max(0, min(63, CAST(NEW.y * 64 AS INTEGER))) * 64
               + max(0, min(63, CAST(NEW.x * 64 AS INTEGER))), 1
        FROM response r WHERE r.seq = NEW.response_seq AND r.status = 'complete'
            AND NEW.x IS NOT NULL AND NEW.y IS NOT NULL
        ON CONFLICT (survey_id, question_id, origin, language, is_test, burst, cell)
        DO UPDATE SET pins = pins + 1;
        -- A response counts once per question: at its first answer row to it.
        INSERT INTO respondent_tally
        SELECT r.survey_id, NEW.question_id, coalesce(r.paper_date, substr(r.submitted_at, 1, 10)),
               r.origin, r.language, r.is_test, r.burst, 1
        FROM response r WHERE r.seq = NEW.response_seq AND r.status = 'complete'
            AND NOT EXISTS (SELECT 1 FROM answer a WHERE a.response_seq = NEW.response_seq
                            AND a.position < NEW.position AND a.question_id = NEW.question_id)
        ON CONFLICT (survey_id, question_id, day, origin, language, is_test, burst)
        DO UPDATE SET respondents = respondents + 1;
    END
;
CREATE INDEX answer_question ON answer (question_id, response_seq);
CREATE TRIGGER participation_tally_insert AFTER INSERT ON response
    BEGIN
INSERT INTO participation_tally SELECT r.survey_id, CASE WHEN r.paper_date IS NOT NULL THEN r.paper_date ELSE coalesce(date(r.submitted_at, 'localtime'), substr(r.submitted_at, 1, 10)) END, CASE WHEN r.paper_date IS NOT NULL THEN -1 ELSE coalesce(CAST(strftime('%H', r.submitted_at, 'localtime') AS INTEGER), -1) END, r.status, r.is_test, r.burst, 1 FROM response r WHERE r.seq = NEW.seq ON CONFLICT (survey_id, day, hour, status, is_test, burst) DO UPDATE SET responses = responses + 1;
INSERT INTO channel_tally SELECT r.survey_id, CASE WHEN r.paper_date IS NOT NULL THEN r.paper_date ELSE coalesce(date(r.submitted_at, 'localtime'), substr(r.submitted_at, 1, 10)) END, r.origin, r.language, r.kiosk_id, r.status, r.is_test, r.burst, 1 FROM response r WHERE r.seq = NEW.seq ON CONFLICT (survey_id, day, origin, language, kiosk_id, status, is_test, burst) DO UPDATE SET responses = responses + 1;
INSERT INTO duration_tally SELECT r.survey_id, CASE WHEN r.paper_date IS NOT NULL THEN r.paper_date ELSE coalesce(date(r.submitted_at, 'localtime'), substr(r.submitted_at, 1, 10)) END, CASE WHEN r.duration_ms < 300000 THEN max(0, r.duration_ms) / 10000 WHEN r.duration_ms < 1800000 THEN 30 + (r.duration_ms - 300000) / 60000 ELSE 55 END, r.is_test, r.burst, 1 FROM response r WHERE r.seq = NEW.seq AND r.status = 'complete' AND r.origin IN ('kiosk', 'assisted', 'event') ON CONFLICT (survey_id, day, class, is_test, burst) DO UPDATE SET responses = responses + 1;
END;
COMMIT;
PRAGMA user_version = 4;
