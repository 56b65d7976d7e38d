// Replacing a small file so that a crash or a power cut at any instant leaves either the old
// file or the new one under its name, never a half-written one: the recipe of
// docs/storage.md, "Durable files" (temporary file in the same directory → fsync → rename →
// fsync of the directory). core/export/durable_file.h has the same recipe, but kiosk_export
// links OpenSSL, which the kiosk must not (kiosk/CMakeLists.txt); the staff files (the
// wrong-PIN back-off, the configuration `kiosk --set-pin` rewrites) need only this.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace kiosk {

struct FileOwner {
    uid_t uid;
    gid_t gid;
};

// Writes `bytes` to `path` through a new temporary file beside it, with exactly `mode` and,
// when given, `owner` (best effort: only root may give a file away). Returns false with
// `error` (the temporary file removed, `path` untouched) when any step fails.
bool ReplaceFileDurably(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                        std::string& error, std::optional<FileOwner> owner = std::nullopt);

} // namespace kiosk
