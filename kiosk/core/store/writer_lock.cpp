#include "store/writer_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace kiosk {

std::filesystem::path WriterLock::LockPath(const std::filesystem::path& database) {
    return std::filesystem::path(database.string() + ".lock");
}

namespace {
long ReadPid(int fd) {
    char buffer[32] = {};
    ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
    return n > 0 ? std::strtol(buffer, nullptr, 10) : 0;
}
} // namespace

std::optional<WriterLock> WriterLock::Acquire(const std::filesystem::path& database, Error& error,
                                              mode_t mode) {
    const std::filesystem::path path = LockPath(database);
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) {
        // The umask took bits away at creation: set exactly `mode` (failing leaves it stricter).
        const int ignored = fchmod(fd, mode);
        (void)ignored;
    } else if (errno == EEXIST) {
        fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    }
    if (fd < 0) {
        const int e = errno;
        error.failure = (e == EROFS || e == EACCES || e == EPERM) ? Failure::ReadOnly
                        : (e == ENOSPC || e == EDQUOT)            ? Failure::DiskFull
                                                                  : Failure::Other;
        error.message = fmt::format("cannot open the lock file {}: {}", path.string(), std::strerror(e));
        return std::nullopt;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        error.failure = e == EWOULDBLOCK ? Failure::Held : Failure::Other;
        error.holder_pid = ReadPid(fd);
        error.message = e == EWOULDBLOCK
                            ? fmt::format("{} is held by another process (pid {}, per the lock file)",
                                          path.string(), error.holder_pid)
                            : fmt::format("cannot lock {}: {}", path.string(), std::strerror(e));
        ::close(fd);
        return std::nullopt;
    }
    // Our pid, for the message of whoever is refused. Failing to write it (disk full) does
    // not matter: the lock itself is what counts.
    const std::string pid = fmt::format("{}\n", (long)getpid());
    if (ftruncate(fd, 0) == 0) {
        ssize_t written = pwrite(fd, pid.data(), pid.size(), 0);
        (void)written;
    }
    return WriterLock(fd);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) {
    other.fd_ = -1;
}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

bool WriterLock::StillAtPath(const std::filesystem::path& database) const {
    struct stat held {
    }, at_path{};
    if (fd_ < 0 || fstat(fd_, &held) != 0) return false;
    if (::stat(LockPath(database).c_str(), &at_path) != 0) return false;
    return held.st_dev == at_path.st_dev && held.st_ino == at_path.st_ino;
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) ::close(fd_); // closing the last descriptor releases the flock
}

} // namespace kiosk
