#include "base/durable_write.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace kiosk {

bool WriteAllBytes(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix((size_t)n);
    }
    return true;
}

bool FsyncDirectory(const std::filesystem::path& dir, std::string& error) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        error = fmt::format("cannot open directory {}: {}", dir.string(), std::strerror(errno));
        return false;
    }
    const bool ok = ::fsync(fd) == 0 || errno == EINVAL || errno == EROFS;
    if (!ok) error = fmt::format("cannot sync directory {}: {}", dir.string(), std::strerror(errno));
    ::close(fd);
    return ok;
}

bool RenameDurably(const std::filesystem::path& from, const std::filesystem::path& to, std::string& error) {
    if (::rename(from.c_str(), to.c_str()) != 0) {
        error = fmt::format("cannot rename {} to {}: {}", from.string(), to.string(), std::strerror(errno));
        return false;
    }
    if (!FsyncDirectory(to.parent_path(), error)) return false;
    return from.parent_path() == to.parent_path() || FsyncDirectory(from.parent_path(), error);
}

bool ReplaceFileDurably(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                        std::string& error, std::optional<FileOwner> owner) {
    std::string tmp = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
    if (fd < 0) {
        error =
            fmt::format("cannot create a temporary file beside {}: {}", path.string(), std::strerror(errno));
        return false;
    }
    std::string failed;
    auto fail = [&](const char* what) {
        failed = fmt::format("cannot {} {}: {}", what, tmp, std::strerror(errno));
    };
    if (!WriteAllBytes(fd, bytes)) fail("write");
    // Owner first: fchown may clear set-id bits, which fchmod then sets as asked.
    else if (owner && ::fchown(fd, owner->uid, owner->gid) != 0 && errno != EPERM)
        fail("set the owner of");
    else if (::fchmod(fd, mode) != 0)
        fail("set the mode of");
    else if (::fsync(fd) != 0)
        fail("sync");
    if (::close(fd) != 0 && failed.empty()) fail("close");
    if (!failed.empty()) {
        error = failed;
        ::unlink(tmp.c_str());
        return false;
    }
    return RenameDurably(tmp, path, error);
}

} // namespace kiosk
