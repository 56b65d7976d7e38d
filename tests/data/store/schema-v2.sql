-- responses.db at schema version 2, as written by kiosks in the field (frozen: never edit).
-- The two responses of schema-v1.sql (the response table rebuilt by migration 2, seq kept),
-- and one free-text answer hidden by staff (hidden_answer).
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
INSERT INTO meta VALUES('database_id','6b1f2c8e-3d4a-4f5b-8c6d-7e8f9a0b1c2d');
INSERT INTO meta VALUES('created_at','2026-10-01T08:00:00.000Z');
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
CREATE TABLE hidden_answer (
        response_uuid TEXT NOT NULL REFERENCES response (uuid),
        question_id   TEXT NOT NULL,
        hidden_at     TEXT NOT NULL,
        PRIMARY KEY (response_uuid, question_id)
    ) WITHOUT ROWID;
INSERT INTO hidden_answer VALUES('0f8e2a4c-1b3d-4e5f-8a7b-9c0d1e2f3a4b','idee','2026-10-03T11:00:00.000Z');
CREATE INDEX response_survey ON response (survey_id, seq);
CREATE INDEX answer_question ON answer (question_id, response_seq, option_id, number);
COMMIT;
PRAGMA user_version = 2;
