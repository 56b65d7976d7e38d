// Is the share or USB key there? Its mount point is a directory of the kiosk's own disk that
// exists whether or not anything is mounted on it, so "the directory exists" proves nothing:
// a `dir` destination with `mount_point` delivers only while another file system is mounted
// there (DirDestination checks before each batch and again before making it visible).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

// Nothing when another file system is mounted on `mount_point`; else why not, starting with
// "not mounted". The test is the device number: a mount point's differs from its parent's.
// (/proc/self/mountinfo alone would be fooled: systemd's ReadWritePaths= bind-mounts a
// directory onto itself, so an empty mount point is listed there as mounted.)
std::optional<std::string> NotMounted(const std::filesystem::path& mount_point);

// Nothing when `dir` lies on the file system mounted on `mount_point` (same device); else why
// not, starting with "not mounted" (a symbolic link out of the share, an unmount meanwhile).
std::optional<std::string> NotOnMount(const std::filesystem::path& dir,
                                      const std::filesystem::path& mount_point);

} // namespace kiosk
