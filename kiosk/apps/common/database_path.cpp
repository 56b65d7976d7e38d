#include "database_path.h"

#include "base/path_probe.h"
#include "config/toml_reader.h"
#include "store/database_file.h"

namespace kiosk {

namespace {

// Where `paths.database` is written in the configuration (the whole file if not found).
SourcePos DatabaseKeyPosition(const std::filesystem::path& config_file) {
    SourcePos where{config_file.string(), 0, 0};
    Diagnostics ignored; // the file was loaded already: it parses
    std::optional<toml::table> table = ParseTomlFile(config_file, ignored);
    if (!table) return where;
    if (const toml::table* paths = (*table)["paths"].as_table())
        if (const toml::node* node = paths->get("database")) {
            where.line = (int)node->source().begin.line;
            where.column = (int)node->source().begin.column;
        }
    return where;
}

} // namespace

bool UseDatabasePath(KioskConfig& config, const std::string& db_option, Diagnostics& diags) {
    if (!db_option.empty()) config.paths.database = AbsolutePath(db_option);
    const DatabaseFileCheck check = InspectDatabaseFile(config.paths.database);
    if (check.kind != DatabaseFileKind::NotOurs) return true;
    if (!db_option.empty())
        diags.Error({"--db", 0, 0}, check.reason);
    else
        diags.Error(DatabaseKeyPosition(config.file), "paths.database: " + check.reason);
    return false;
}

} // namespace kiosk
