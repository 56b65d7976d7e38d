// Secrets: the bearer tokens of HTTPS destinations and the passwords of PostgreSQL ones,
// kept out of kiosk.toml.
//
//   # /etc/maison-du-projet/sync-secrets.toml — owner kiosk-sync, mode 0600 (or 0640)
//   [tokens]
//   api-ville = "…"
//   [passwords]
//   base-ville = "…"
//
// A secrets file that others can read (or write) is refused outright, before any token is
// used: a token readable by every account on the kiosk is a leaked token.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "base/diagnostics.h"

namespace kiosk {

struct Secrets {
    std::map<std::string, std::string, std::less<>> tokens;
    std::map<std::string, std::string, std::less<>> passwords;
};

// Loads `file`, a file people write, so like every such loader (docs/errors.md): nothing on
// failure, and `diags` says why and what to do (a mode open to others, a syntax error at
// file:line:column, a token that is not a string).
std::optional<Secrets> LoadSecrets(const std::filesystem::path& file, Diagnostics& diags);

} // namespace kiosk
