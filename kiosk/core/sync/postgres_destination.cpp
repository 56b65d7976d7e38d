// PostgresDestination: batches loaded into the city's PostgreSQL database (see destination.h,
// postgres_schema.h and README "Several kiosks, one database").
//
// One transaction per batch: the batch row first (its id is the primary key, so a second
// delivery of the same batch — after a crash between COMMIT and our state's "done", or by a
// concurrent run — finds it), then the rows by COPY, with INSERT … ON CONFLICT DO NOTHING
// from temporary tables when a response is there already (InsertRows), so that each is kept
// once. Whatever fails
// before COMMIT leaves nothing behind; the next run delivers the same batch again.
#include <set>

#include <fmt/format.h>

#include "base/log.h"
#include "sync/destination.h"
#include "sync/pg_connection.h"
#include "sync/postgres_rows.h"
#include "sync/postgres_schema.h"

namespace kiosk {

namespace {

DeliveryResult Result(DeliveryOutcome outcome, std::string detail) {
    return {outcome, std::move(detail), 1};
}

DeliveryResult Failed(const char* what, const PgError& error) {
    return Result(error.IsTransient() ? DeliveryOutcome::Transient : DeliveryOutcome::Permanent,
                  fmt::format("{}: {}{}", what, error.message,
                              error.sqlstate == "42501"
                                  ? " (see the GRANTs in README, \"Several kiosks, one database\")"
                                  : ""));
}

class PostgresDestination final : public Destination {
public:
    PostgresDestination(const DestinationConfig& config, const std::vector<Survey>& surveys,
                        std::string default_language, std::string password)
        : config_(config), surveys_(surveys), default_language_(std::move(default_language)),
          password_(std::move(password)) {}

    DeliveryResult Deliver(const Batch& batch) override {
        if (DeliveryResult ready = Connect(); ready.outcome != DeliveryOutcome::Delivered) {
            db_.reset(); // a broken connection is opened again for the next batch
            return ready;
        }
        DeliveryResult result = Load(batch);
        if (result.outcome != DeliveryOutcome::Delivered) {
            defined_.clear(); // the definitions went with the rolled-back transaction
            PgError ignored;
            db_->Exec("ROLLBACK", ignored);
            if (result.outcome == DeliveryOutcome::Transient) db_.reset();
        }
        return result;
    }

private:
    DeliveryResult Connect() {
        if (db_) return Result(DeliveryOutcome::Delivered, "");
        PgError error;
        db_ = PgConnection::Connect(config_.postgres, password_, (int)config_.timeout_seconds, error);
        if (!db_) return Failed("cannot connect to the database", error);
        std::string message;
        const SchemaCheck schema = EnsurePostgresSchema(*db_, config_.schema, message);
        if (!message.empty()) LogInfo("kiosk-sync: {}: {}", config_.name, message);
        if (schema != SchemaCheck::Ready)
            return Result(schema == SchemaCheck::Transient ? DeliveryOutcome::Transient
                                                           : DeliveryOutcome::Permanent,
                          message);
        if (!db_->Exec(fmt::format("SET search_path TO {}", db_->QuoteIdentifier(config_.schema)), error))
            return Failed("cannot use the schema", error);
        return Result(DeliveryOutcome::Delivered, "");
    }

    DeliveryResult Load(const Batch& batch) {
        const ExportIdentity& id = batch.identity;
        const PostgresRows rows = MakePostgresRows(batch);
        PgError error;
        if (!db_->Exec("BEGIN", error)) return Failed("cannot start the transaction", error);

        std::optional<PgResult> known =
            db_->Exec("SELECT content_sha256 FROM batches WHERE batch_id = $1", {id.batch_id}, error);
        if (!known) return Failed("cannot look the batch up", error);
        if (known->Rows() > 0) {
            // Deliver rolls back what did not deliver; here nothing was written either way.
            if (known->Text(0, 0) == rows.content_sha256) {
                PgError ignored;
                db_->Exec("ROLLBACK", ignored);
                return Result(DeliveryOutcome::Delivered,
                              fmt::format("batch {} was in the database already", id.batch_id));
            }
            return Result(DeliveryOutcome::Permanent,
                          fmt::format("batch {} is in the database with other contents (SHA-256 {} there, {} "
                                      "here): two kiosks share a kiosk id and a database id, or a database "
                                      "was restored; nothing was written, a person must look",
                                      id.batch_id, known->Text(0, 0), rows.content_sha256));
        }

        if (!db_->Exec("INSERT INTO kiosks (kiosk_id) VALUES ($1) ON CONFLICT DO NOTHING", {id.kiosk_id},
                       error))
            return Failed("cannot record the kiosk", error);
        if (DeliveryResult defined = DefineSurveys(batch); defined.outcome != DeliveryOutcome::Delivered)
            return defined;
        if (!db_->Exec(
                "INSERT INTO batches (batch_id, content_sha256, kiosk_id, database_id, after_seq, "
                "last_seq, responses, answers, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                {id.batch_id, rows.content_sha256, id.kiosk_id, id.database_id, std::to_string(id.after_seq),
                 std::to_string(id.last_seq), std::to_string(batch.responses.size()),
                 std::to_string(rows.answer_count), id.created_at},
                error))
            return Failed("cannot record the batch", error);

        if (DeliveryResult inserted = InsertRows(rows); inserted.outcome != DeliveryOutcome::Delivered)
            return inserted;
        if (!db_->Exec("COMMIT", error)) return Failed("cannot commit the batch", error);
        return Result(DeliveryOutcome::Delivered,
                      fmt::format("{} responses into {} (schema {})", batch.responses.size(), config_.name,
                                  config_.schema));
    }

    // The rows, straight into the tables by COPY: the usual case, where none of the batch's
    // responses is in the database yet. When one is (an earlier batch held it: test responses
    // included then, not now, say), COPY stops on the duplicate key; back to the savepoint,
    // the rows go through temporary tables and INSERT … ON CONFLICT DO NOTHING instead.
    DeliveryResult InsertRows(const PostgresRows& rows) {
        PgError error;
        if (!db_->Exec("SAVEPOINT straight_copy", error)) return Failed("cannot prepare the load", error);
        if (db_->CopyIn(fmt::format("COPY responses ({}) FROM STDIN", kResponseColumns), rows.responses,
                        error) &&
            db_->CopyIn(fmt::format("COPY answers ({}) FROM STDIN", kAnswerColumns), rows.answers, error))
            return db_->Exec("RELEASE SAVEPOINT straight_copy", error)
                       ? Result(DeliveryOutcome::Delivered, "")
                       : Failed("cannot insert the rows", error);
        if (error.sqlstate != "23505") return Failed("cannot insert the rows", error);
        if (!db_->Exec("ROLLBACK TO SAVEPOINT straight_copy", error))
            return Failed("cannot insert the rows", error);

        // Temporary tables with the real ones' columns, dropped at COMMIT or ROLLBACK (spelled
        // out: copying them from the real tables would need a right to read those).
        if (!db_->Exec(
                "CREATE TEMP TABLE incoming_responses (uuid uuid, batch_id text, kiosk_id text, seq bigint, "
                "survey_id text, survey_version bigint, language text, origin text, status text, "
                "is_test boolean, burst boolean, started_at timestamptz, submitted_at timestamptz, "
                "duration_ms bigint, paper_date date) ON COMMIT DROP; "
                "CREATE TEMP TABLE incoming_answers (response_uuid uuid, position integer, "
                "question_id text, option_id text, text text, number double precision, plan_id text, "
                "x double precision, y double precision, hidden boolean) ON COMMIT DROP",
                error))
            return Failed("cannot prepare the load", error);
        if (!db_->CopyIn(fmt::format("COPY incoming_responses ({}) FROM STDIN", kResponseColumns),
                         rows.responses, error))
            return Failed("cannot send the responses", error);
        if (!db_->CopyIn(fmt::format("COPY incoming_answers ({}) FROM STDIN", kAnswerColumns), rows.answers,
                         error))
            return Failed("cannot send the answers", error);
        // ON CONFLICT without a target: naming one would need a right to read its columns.
        if (!db_->Exec(
                fmt::format(
                    "INSERT INTO responses ({0}) SELECT {0} FROM incoming_responses ON CONFLICT DO NOTHING; "
                    "INSERT INTO answers ({1}) SELECT {1} FROM incoming_answers ON CONFLICT DO NOTHING",
                    kResponseColumns, kAnswerColumns),
                error))
            return Failed("cannot insert the rows", error);
        return Result(DeliveryOutcome::Delivered, "");
    }

    // The definitions of the survey versions the batch's responses answered, once per run.
    DeliveryResult DefineSurveys(const Batch& batch) {
        for (const Response& r : batch.responses) {
            const std::string key = fmt::format("{}@{}", r.survey_id, r.survey_version);
            if (!defined_.insert(key).second) continue;
            const Survey* survey = nullptr;
            for (const Survey& s : surveys_)
                if (s.id == r.survey_id && s.version == r.survey_version) survey = &s;
            for (const PostgresStatement& statement :
                 SurveyDefinitionRows(r.survey_id, r.survey_version, survey, default_language_)) {
                PgError error;
                if (!db_->Exec(statement.sql, statement.params, error))
                    return Failed("cannot record the survey's definition", error);
            }
        }
        return Result(DeliveryOutcome::Delivered, "");
    }

    DestinationConfig config_;
    const std::vector<Survey>& surveys_;
    std::string default_language_;
    std::string password_;
    std::unique_ptr<PgConnection> db_;
    std::set<std::string> defined_;
};

} // namespace

std::unique_ptr<Destination> MakePostgresDestination(const DestinationConfig& config,
                                                     const std::vector<Survey>& surveys,
                                                     std::string default_language, std::string password) {
    return std::make_unique<PostgresDestination>(config, surveys, std::move(default_language),
                                                 std::move(password));
}

} // namespace kiosk
