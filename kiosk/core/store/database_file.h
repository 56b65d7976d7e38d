// The responses database as a file: is a path one of the kiosk's databases, creating one with
// the right permissions, and the identity (device, inode) the writer checks before it
// acknowledges a commit.
//
// Why: the kiosk renames a corrupt database aside and writes into whatever file its path
// names, so it must never mistake someone else's file (a configuration file, /etc/shadow,
// another program's SQLite file) for its own; and a file deleted, replaced or renamed while
// the writer has it open would swallow every later commit where nobody will find it.
#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>

namespace kiosk {

// PRAGMA application_id of every responses database ("MDPK"): marks the file as the kiosk's,
// even when a damaged page makes its tables unreadable.
inline constexpr int kApplicationId = 0x4D44504B;

// Permissions of a new database (its -wal and -shm, which SQLite creates with the database's
// mode, and the writer lock file): readable by the kiosk's own user only, or also by its
// group when kiosk-sync (a user of that group) reads it.
inline constexpr mode_t kDatabaseMode = 0600;
inline constexpr mode_t kDatabaseModeSharedWithGroup = 0640;

enum class DatabaseFileKind {
    Missing,    // nothing at the path: the writer creates a new database
    Empty,      // a file of 0 bytes: nothing to lose, the writer makes it a database
    Ours,       // a responses database (marked, or with the kiosk's tables, or no table at all)
    NotOurs,    // something else: never written, never renamed
    Unreadable, // cannot be examined (permissions, I/O): the writer's open reports the fault
};

struct DatabaseFileCheck {
    DatabaseFileKind kind = DatabaseFileKind::Missing;
    std::string reason; // NotOurs / Unreadable: why, naming the path
};

// Examines `path` without changing anything (a SQLite file is opened read-only).
DatabaseFileCheck InspectDatabaseFile(const std::filesystem::path& path);

// Creates `path` empty with exactly `mode`, whatever the umask, unless something is already
// there (not an error). False with `error_number` (errno) when it cannot.
bool CreateDatabaseFile(const std::filesystem::path& path, mode_t mode, int& error_number);

// Which file a path names now: compared with the one recorded at opening.
struct FileIdentity {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileIdentity&) const = default;
};
FileIdentity IdentityOf(const std::filesystem::path& path);

} // namespace kiosk
