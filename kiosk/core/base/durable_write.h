// Durable writes: what a crash or a power cut at any instant leaves behind is either the old
// state or the new one, never a half-written file under its final name.
//
// The recipe (docs/storage.md, "Durable files"): write a temporary name in the same
// directory → fsync the file → rename to the final name → fsync the directory (the rename
// is only durable once the directory entry is on disk). These are its steps, shared by the
// exports (core/export/durable_file.h adds SHA-256 on the way) and by the staff files (the
// wrong-PIN back-off, the configuration `kiosk --set-pin` rewrites). They live in kiosk_base
// because they need nothing but POSIX: the kiosk may use them without linking OpenSSL.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace kiosk {

// write(2) until every byte is written (short writes and EINTR resumed); false on failure,
// errno telling why.
bool WriteAllBytes(int fd, std::string_view bytes);

// fsync of a directory (after creating, renaming or removing an entry in it). Some file
// systems (vfat on USB keys, some network shares) refuse it with EINVAL or EROFS: their
// directory updates go with the file data, so that refusal counts as success.
bool FsyncDirectory(const std::filesystem::path& dir, std::string& error);

// rename(2) then fsync of the destination's directory (and the source's, when different).
bool RenameDurably(const std::filesystem::path& from, const std::filesystem::path& to, std::string& error);

struct FileOwner {
    uid_t uid;
    gid_t gid;
};

// Writes `bytes` to `path` through a new temporary file beside it (mkstemp name), with
// exactly `mode` and, when given, `owner` (best effort: only root may give a file away).
// Returns false with `error` (the temporary file removed, `path` untouched) when any step fails.
bool ReplaceFileDurably(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                        std::string& error, std::optional<FileOwner> owner = std::nullopt);

} // namespace kiosk
