// Reading responses back from responses.db: tests, kiosk-fill's summary, tools.
//
// Works on any connection, including a read-only one (kiosk-sync opens the file with
// SQLITE_OPEN_READONLY and must keep its read transactions short: ReadResponses runs its
// queries inside one read transaction and ends it before returning).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/response.h"

struct sqlite3;

namespace kiosk {

// Responses with seq > `after_seq`, in seq order, at most `limit`, each with its answers in
// position order. Returns nothing (and sets `error`) on an SQL error.
std::optional<std::vector<Response>> ReadResponses(sqlite3* db, int64_t after_seq, int limit,
                                                   std::string& error);

} // namespace kiosk
