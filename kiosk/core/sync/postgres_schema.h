// The city's answer database in PostgreSQL: versioned migrations (core/sync/postgres/
// migration-N.sql, compiled in) and how kiosk-sync brings a schema up to date.
//
// The schema's version is the highest row of <schema>.schema_migrations. kiosk-sync checks
// it on every run with one SELECT (what a kiosk role with no other right can do); only when
// it is behind does kiosk-sync migrate, in one transaction that first takes an advisory lock
// on the schema's name, so two kiosks migrating at once run one after the other and the
// second finds nothing left to do. A DBA who prefers to create the schema by hand runs the
// script `kiosk-sync postgres-schema` prints: the same statements, the same transaction.
#pragma once

#include <string>
#include <string_view>

#include "sync/pg_connection.h"

namespace kiosk {

// The version this kiosk-sync writes into (the number of migrations it has).
int PostgresSchemaVersion();

// One transaction taking `schema` (an SQL identifier, quoted) from `from_version` to
// PostgresSchemaVersion(); from 0 it creates the schema itself.
std::string PostgresMigrationScript(std::string_view quoted_schema, int from_version);

enum class SchemaCheck { Ready, Transient, Permanent };

// Makes sure `schema` is at PostgresSchemaVersion(), migrating it when it is behind and the
// role may. `message` says what happened or what a person must do.
SchemaCheck EnsurePostgresSchema(PgConnection& db, std::string_view schema, std::string& message);

} // namespace kiosk
