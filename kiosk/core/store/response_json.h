// A response as JSON: the object of one JSON Lines line, of one element of an HTTPS batch's
// "responses" array (docs/export-formats.md), and what the store's log keeps of a response
// the database could not take (so that it can still be recovered by hand). Absent answer fields are left out
// rather than written as null; text that is not valid UTF-8 (a damaged file) is written
// with U+FFFD in place of the bad bytes instead of failing the whole export.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "store/response.h"

namespace kiosk {

nlohmann::json ResponseToJson(const Response& response);

// One line of JSON (no trailing newline), never throwing.
std::string DumpJson(const nlohmann::json& json);

} // namespace kiosk
