#include "sync/mount_check.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include <fmt/format.h>

namespace kiosk {

namespace {

std::optional<dev_t> Device(const std::filesystem::path& path, std::string& error) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    return st.st_dev;
}

} // namespace

std::optional<std::string> NotMounted(const std::filesystem::path& mount_point) {
    std::string error;
    const std::optional<dev_t> here = Device(mount_point, error);
    if (!here)
        return fmt::format("not mounted: {}: {} (is the share or USB key mounted?)", mount_point.string(),
                           error);
    // "<mount point>/.." is resolved by the kernel: the real parent, even through a symbolic link.
    const std::optional<dev_t> parent = Device(mount_point / "..", error);
    if (!parent) return fmt::format("not mounted: {}/..: {}", mount_point.string(), error);
    if (*here == *parent)
        return fmt::format(
            "not mounted: nothing is mounted on {} (the share or USB key); nothing was written",
            mount_point.string());
    return std::nullopt;
}

std::optional<std::string> NotOnMount(const std::filesystem::path& dir,
                                      const std::filesystem::path& mount_point) {
    if (std::optional<std::string> why = NotMounted(mount_point)) return why;
    std::string error;
    const std::optional<dev_t> mounted = Device(mount_point, error);
    const std::optional<dev_t> target = mounted ? Device(dir, error) : std::nullopt;
    if (!target) return fmt::format("not mounted: {}: {}", dir.string(), error);
    if (*target != *mounted)
        return fmt::format("not mounted: {} is not on the file system mounted on {}", dir.string(),
                           mount_point.string());
    return std::nullopt;
}

} // namespace kiosk
