// The responses database schema (responses.db) and its forward-only migrations.
//
// Contract shared by the kiosk (the only writer) and kiosk-sync / tools (read-only):
//
//   meta(key TEXT PRIMARY KEY, value TEXT)
//       'database_id'  random UUID made when the file is created. A database moved aside
//                      (corrupt) and replaced starts a new id, so a reader's cursor on
//                      `seq` never skips the new file's rows.
//       'created_at'   UTC ISO-8601
//   response(seq INTEGER PRIMARY KEY, uuid TEXT UNIQUE, kiosk_id, survey_id, survey_version,
//            language, origin, status, is_test, burst, started_at, submitted_at, duration_ms,
//            paper_date)
//       `seq` only grows (rows are never deleted or updated): readers deliver "seq > cursor".
//       origin ∈ kiosk, assisted, paper, event, synthetic; paper_date "YYYY-MM-DD" only for
//       paper (the date written on the questionnaire), NULL otherwise (version 2).
//   answer(response_seq → response.seq, position, question_id, option_id, text, number,
//          plan_id, x, y)  PRIMARY KEY (response_seq, position)
//   hidden_answer(response_uuid → response.uuid, question_id, hidden_at)  (version 2)
//       a free-text answer staff hid from on-screen results: the answer stays in `answer`,
//       exports carry it with hidden = true. Unhiding deletes the row (the response is never
//       touched). Written only by the store's writer thread (ResponseStore::SetHidden).
//   Indexes: response_survey (survey_id, seq); answer_question (question_id, response_seq,
//       option_id, number), covering for every count but pins and texts:
//       lets the staff panel's aggregates read one question's answers only (version 2);
//       narrowed to (question_id, response_seq) in version 3, for the free-text list.
//   response_tally, answer_tally, respondent_tally  (version 3)
//       counts of complete responses, of answer rows (by option, number, 64×64 pin cell,
//       has text) and of responses answering each question, per survey, day (paper_date,
//       else the UTC date of submitted_at), origin, language, is_test and burst. Kept by
//       triggers in the inserting transaction; the staff panel's figures sum them.
//   participation_tally, channel_tally, duration_tally  (version 4)
//       counts of every response (complete or abandoned) per survey, local day (paper_date
//       for paper) and local hour (-1 for paper); per origin, language and kiosk; and the
//       time complete kiosk responses took, in duration classes. Kept by a trigger; the
//       evaluation's participation figures sum them (results/participation.h).
//
// PRAGMA application_id is kApplicationId (store/database_file.h), set by the writer on every
// open: it marks the file as a responses database, which the kiosk alone may write or move
// aside. It is not part of the schema version (files from before it are known by their tables).
//
// The version is PRAGMA user_version. Migrate() brings any earlier version to the current
// one inside one transaction; a newer version than this program knows is refused.
#pragma once

#include <string>

struct sqlite3;

namespace kiosk {

inline constexpr int kSchemaVersion = 4;

// Applies the settings every connection needs (docs/storage.md, "Connection settings and transactions"):
// WAL, synchronous=FULL, busy_timeout, foreign_keys. `read_only` connections skip the
// journal-mode change (it writes). Returns false with `error` set on failure.
bool ConfigureConnection(sqlite3* db, bool read_only, std::string& error);

// Creates or migrates the schema to kSchemaVersion. Returns false with `error` set when the
// file's version is newer than this program or a migration fails (nothing is changed then).
bool Migrate(sqlite3* db, std::string& error);

// The SQL that fills empty response_tally, answer_tally and respondent_tally from the rows of
// `response` and `answer` (migration 3 runs it; tests compare it with what the triggers kept).
const char* TallyRecountSql();

// The SQL that fills empty participation_tally, channel_tally and duration_tally (migration 4).
const char* ParticipationRecountSql();

// The schema version of an open database (PRAGMA user_version).
int SchemaVersion(sqlite3* db);

} // namespace kiosk
