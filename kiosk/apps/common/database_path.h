// The responses database a program will write: --db applied, and refused when the path names
// something that is not one of the kiosk's databases (a configuration file, /etc/shadow,
// another program's SQLite file) — the store would never write nor rename it, so the program
// says so and stops instead of starting with recording impossible.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "config/config.h"

namespace kiosk {

// Sets config.paths.database to `db_option` (absolute) when it is not empty, then checks the
// path (InspectDatabaseFile). False with an error in `diags`, at "--db" or at the
// `database` key's file:line:column in the configuration.
bool UseDatabasePath(KioskConfig& config, const std::string& db_option, Diagnostics& diags);

} // namespace kiosk
