// Where "Exporter sur une clé USB" can write: the writable file systems mounted from a
// removable block device (Linux). Read from /proc/self/mountinfo and sysfs — both in memory,
// no disk is touched — when staff open the panel's "Synchronisation" or tap the button.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct RemovableDrive {
    std::filesystem::path mount_point; // /media/kiosk/CLE-MAIRIE
    std::string device;                // /dev/sdb1
};

// One line of /proc/self/mountinfo, the fields this needs (mount point unescaped: "\040" is a space).
struct MountInfoLine {
    std::string device_number; // "8:17"
    std::filesystem::path mount_point;
    bool read_write = false;
    std::string fs_type;
    std::string source; // "/dev/sdb1"
};
std::vector<MountInfoLine> ParseMountInfo(std::string_view text);

// Whether sysfs (`sys_root`, "/sys" on a kiosk) says the block device `device_number` (a
// partition or a whole disk) is removable: its disk's `removable` attribute is 1.
bool IsRemovableBlockDevice(const std::filesystem::path& sys_root, const std::string& device_number);

// The read-write mounts of /dev block devices that are removable, or that a desktop's automounter
// put under /media or /run/media (USB disks that do not say they are removable), in mount order.
std::vector<RemovableDrive>
FindRemovableDrives(const std::filesystem::path& mountinfo = "/proc/self/mountinfo",
                    const std::filesystem::path& sys_root = "/sys");

// Their mount points: where the panel's USB export and report go when no folder is configured.
std::vector<std::filesystem::path> RemovableDriveMounts();

// Where the panel's USB export and report write: `configured` ([staff] usb_export_dir) when
// set, else the first of `find_drives()` (may be empty); empty when neither.
std::filesystem::path ExportDirectory(const std::filesystem::path& configured,
                                      const std::function<std::vector<std::filesystem::path>()>& find_drives);

// `configured` when set, else the tool `name` installed beside the running kiosk (build/bin/,
// /usr/bin/): kiosk-sync or kiosk-report of the same build.
std::filesystem::path ToolBesideKiosk(const std::filesystem::path& configured, std::string_view name);

} // namespace kiosk
