#include "sync/postgres_schema.h"

#include <fmt/format.h>

#include "sync/postgres_migrations.h" // generated from core/sync/postgres/migration-*.sql

namespace kiosk {

int PostgresSchemaVersion() {
    return (int)kPostgresMigrationCount;
}

namespace {

// Opens the migration's transaction: one migration at a time per schema, whoever runs it
// (the advisory lock's key is derived from the schema's name), then what every version needs.
std::string Prologue(std::string_view quoted_schema) {
    return fmt::format("BEGIN;\n"
                       "SELECT pg_advisory_xact_lock(hashtext('maison-du-projet:{0}'));\n"
                       "CREATE SCHEMA IF NOT EXISTS {0};\n"
                       "SET LOCAL search_path TO {0};\n"
                       "CREATE TABLE IF NOT EXISTS schema_migrations (\n"
                       "    version integer PRIMARY KEY,\n"
                       "    applied_at timestamptz NOT NULL DEFAULT now()\n"
                       ");\n",
                       quoted_schema);
}

std::string Step(int version) {
    return fmt::format("\n-- migration {0}\n{1}\nINSERT INTO schema_migrations (version) VALUES ({0});\n",
                       version, kPostgresMigrations[version - 1]);
}

} // namespace

std::string PostgresMigrationScript(std::string_view quoted_schema, int from_version) {
    std::string script = Prologue(quoted_schema);
    for (int version = from_version + 1; version <= PostgresSchemaVersion(); version++)
        script += Step(version);
    return script + "COMMIT;\n";
}

namespace {

// The schema's current version: 0 when it or its version table does not exist yet.
std::optional<int> CurrentVersion(PgConnection& db, std::string_view quoted_schema, PgError& error) {
    std::optional<PgResult> result = db.Exec(
        fmt::format("SELECT coalesce(max(version), 0) FROM {}.schema_migrations", quoted_schema), error);
    if (result) return std::stoi(result->Text(0, 0));
    if (error.sqlstate == "3F000" || error.sqlstate == "42P01") return 0; // no schema, no table
    return std::nullopt;
}

} // namespace

SchemaCheck EnsurePostgresSchema(PgConnection& db, std::string_view schema, std::string& message) {
    const std::string quoted = db.QuoteIdentifier(schema);
    PgError error;
    std::optional<int> version = CurrentVersion(db, quoted, error);
    if (!version) {
        message = fmt::format("cannot read the version of schema {}: {}", schema, error.message);
        return error.IsTransient() ? SchemaCheck::Transient : SchemaCheck::Permanent;
    }
    if (*version == PostgresSchemaVersion()) return SchemaCheck::Ready;
    if (*version > PostgresSchemaVersion()) {
        message = fmt::format("schema {} is at version {}, newer than this kiosk-sync knows ({}): "
                              "update kiosk-sync on this kiosk",
                              schema, *version, PostgresSchemaVersion());
        return SchemaCheck::Permanent;
    }
    // Behind: migrate in one transaction, reading the version again once the lock is held (a
    // kiosk that migrated meanwhile leaves nothing to do).
    PgError ignored;
    const auto fail = [&](const char* what) {
        db.Exec("ROLLBACK", ignored);
        message =
            fmt::format("schema {} is at version {} and this kiosk-sync needs {}; {}: {}{}", schema, *version,
                        PostgresSchemaVersion(), what, error.message,
                        error.sqlstate == "42501"
                            ? " (this role may only insert: ask the database's administrator to run "
                              "the script `kiosk-sync postgres-schema` prints, README \"Several kiosks, "
                              "one database\")"
                            : "");
        return error.IsTransient() ? SchemaCheck::Transient : SchemaCheck::Permanent;
    };
    if (!db.Exec(Prologue(quoted), error)) return fail("migrating it failed");
    const std::optional<int> locked_version = CurrentVersion(db, quoted, error);
    if (!locked_version) return fail("reading its version failed");
    for (int v = *locked_version + 1; v <= PostgresSchemaVersion(); v++)
        if (!db.Exec(Step(v), error)) return fail("migrating it failed");
    if (!db.Exec("COMMIT", error)) return fail("committing the migration failed");
    if (*locked_version == PostgresSchemaVersion()) return SchemaCheck::Ready; // another kiosk did it
    message = fmt::format("schema {} migrated from version {} to {}", schema, *locked_version,
                          PostgresSchemaVersion());
    return SchemaCheck::Ready;
}

} // namespace kiosk
