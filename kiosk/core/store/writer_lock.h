// WriterLock: the advisory lock that makes one process the only writer of responses.db.
//
// An exclusive flock(2) on "<database>.lock" (a separate file: SQLite's own POSIX locks on
// the database file are left alone). The kiosk's ResponseStore holds it for its whole
// life; kiosk-fill takes it too and refuses to run when it cannot. The kernel releases it
// when the process dies, even by SIGKILL, so a crash never leaves a stale lock. The file
// holds the holder's pid, for the message of whoever is refused.
// kiosk-sync and other readers open the database read-only and do not take the lock.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>

namespace kiosk {

class WriterLock {
public:
    enum class Failure {
        Held,     // another process holds it (`holder_pid` says which, when known)
        ReadOnly, // the lock file cannot be created or opened for writing
        DiskFull, // no space to create the lock file
        Other,
    };
    struct Error {
        Failure failure = Failure::Other;
        long holder_pid = 0;
        std::string message;
    };

    // Takes the lock for `database` without waiting. On failure returns nothing and fills `error`.
    // A new lock file gets exactly `mode` (the database's), whatever the umask.
    static std::optional<WriterLock> Acquire(const std::filesystem::path& database, Error& error,
                                             mode_t mode = 0600);
    // "<database>.lock"
    static std::filesystem::path LockPath(const std::filesystem::path& database);

    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    ~WriterLock(); // releases the lock (the file stays: removing it would race a new holder)

    // False once the lock file at `database`'s lock path is not the one locked (deleted,
    // replaced or renamed): another process could then lock a new file and write too.
    bool StillAtPath(const std::filesystem::path& database) const;

private:
    explicit WriterLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

} // namespace kiosk
