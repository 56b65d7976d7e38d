// Where the answers still unrecorded when the store shuts down go: a JSON Lines file beside
// the database ("responses.db.unrecorded-20261127T141503Z.jsonl", one response per line,
// the export's JSON Lines object), private like the database, so that nothing a resident
// answered vanishes and nothing of it goes to the log. Staff read it back by hand.
#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

#include "store/response.h"

namespace kiosk {

// Writes `responses` to a new file beside `database` with exactly `mode` and fsyncs it.
// Returns its path, or "" with `error` set when it cannot (a full disk, a read-only one).
std::filesystem::path SaveUnrecorded(const std::filesystem::path& database,
                                     const std::vector<const Response*>& responses, mode_t mode,
                                     std::string& error);

} // namespace kiosk
