#include "store/unrecorded_file.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "store/response_json.h"

namespace kiosk {

namespace {

bool WriteAll(int fd, const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += (size_t)n;
    }
    return true;
}

} // namespace

std::filesystem::path SaveUnrecorded(const std::filesystem::path& database,
                                     const std::vector<const Response*>& responses, mode_t mode,
                                     std::string& error) {
    const time_t now = time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    const std::string stamp = fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", tm.tm_year + 1900,
                                          tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    // Never over an existing file: a second shutdown within the same second gets "-2".
    for (int attempt = 1; attempt <= 100; attempt++) {
        const std::filesystem::path path = database.string() + ".unrecorded-" + stamp +
                                           (attempt > 1 ? fmt::format("-{}", attempt) : "") + ".jsonl";
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        if (fd < 0 && errno == EEXIST) continue;
        if (fd < 0) {
            error = fmt::format("cannot create {}: {}", path.string(), std::strerror(errno));
            return {};
        }
        const int ignored = ::fchmod(fd, mode); // whatever the umask (failing leaves it stricter)
        (void)ignored;
        bool ok = true;
        for (const Response* r : responses)
            ok = ok && WriteAll(fd, DumpJson(ResponseToJson(*r)) + "\n");
        const int write_errno = errno;
        ok = ok && ::fsync(fd) == 0;
        ::close(fd);
        if (ok) return path;
        error = fmt::format("cannot write {}: {}", path.string(),
                            std::strerror(write_errno ? write_errno : errno));
        ::unlink(path.c_str()); // a partial file would look complete
        return {};
    }
    error = "too many unrecorded files for this second";
    return {};
}

} // namespace kiosk
