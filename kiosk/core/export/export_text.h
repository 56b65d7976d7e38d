// One rule for the text of every export format (csv-wide, csv-long, jsonl, geojson, the
// HTTPS batch): whatever the database holds, the city reads the same characters in each.
//
//   - bytes that are not valid UTF-8 become U+FFFD, one per maximal ill-formed subpart
//     (Unicode 15, §3.9 "U+FFFD Substitution of Maximal Subparts" — what Python's
//     errors="replace", browsers and nlohmann::json do), so "\xE2\x82A" is "\uFFFDA";
//   - NUL becomes U+FFFD too: spreadsheets and C tools cut the text at a NUL, and a CSV
//     reader may refuse the file; the kiosk's keyboards cannot type one, so a NUL is
//     damage, not an answer.
// Everything else (tabs, line breaks, other control characters) is kept; CSV quotes it.
#pragma once

#include <string>
#include <string_view>

#include "store/response.h"

namespace kiosk {

// True when `text` needs no substitution (valid UTF-8 without NUL).
bool IsExportClean(std::string_view text);
// `text` with the substitutions above.
std::string CleanForExport(std::string_view text);

// `response` itself when every text in it is clean; else a cleaned copy kept in `scratch`.
const Response& CleanForExport(const Response& response, Response& scratch);

} // namespace kiosk
