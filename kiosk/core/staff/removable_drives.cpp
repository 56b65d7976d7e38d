#include "staff/removable_drives.h"

#include <fstream>
#include <sstream>

namespace kiosk {

namespace {

// mountinfo escapes space, tab, newline and backslash as \ooo (octal).
std::string Unescape(std::string_view field) {
    std::string out;
    for (size_t i = 0; i < field.size(); i++) {
        if (field[i] == '\\' && i + 3 < field.size() &&
            std::string_view("01234567").find(field[i + 1]) != std::string_view::npos) {
            out += (char)(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) | (field[i + 3] - '0'));
            i += 3;
        } else {
            out += field[i];
        }
    }
    return out;
}

std::string ReadSmallFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string text;
    std::getline(in, text);
    return text;
}

bool Under(const std::filesystem::path& path, std::string_view dir) {
    const std::string p = path.string();
    return p.size() > dir.size() && p.compare(0, dir.size(), dir) == 0 && p[dir.size()] == '/';
}

} // namespace

std::vector<MountInfoLine> ParseMountInfo(std::string_view text) {
    std::vector<MountInfoLine> mounts;
    std::istringstream lines{std::string(text)};
    std::string line;
    while (std::getline(lines, line)) {
        // id parent major:minor root mount-point options [optional…] - fstype source super-options
        std::istringstream in(line);
        std::vector<std::string> fields;
        for (std::string f; in >> f;)
            fields.push_back(f);
        size_t dash = 6;
        while (dash < fields.size() && fields[dash] != "-")
            dash++;
        if (fields.size() < 6 || dash + 2 >= fields.size()) continue; // not a mount line
        MountInfoLine m;
        m.device_number = fields[2];
        m.mount_point = Unescape(fields[4]);
        const std::string& options = fields[5];
        m.read_write = options == "rw" || options.rfind("rw,", 0) == 0;
        m.fs_type = fields[dash + 1];
        m.source = Unescape(fields[dash + 2]);
        mounts.push_back(std::move(m));
    }
    return mounts;
}

bool IsRemovableBlockDevice(const std::filesystem::path& sys_root, const std::string& device_number) {
    std::error_code ec;
    const std::filesystem::path dev = sys_root / "dev" / "block" / device_number;
    // A partition's `removable` is its disk's, one directory up.
    const std::filesystem::path resolved = std::filesystem::canonical(dev, ec);
    if (ec) return false;
    const bool partition = std::filesystem::exists(resolved / "partition", ec);
    const std::filesystem::path disk = partition ? resolved.parent_path() : resolved;
    return ReadSmallFile(disk / "removable") == "1";
}

std::vector<RemovableDrive> FindRemovableDrives(const std::filesystem::path& mountinfo,
                                                const std::filesystem::path& sys_root) {
    std::ifstream in(mountinfo);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<RemovableDrive> drives;
    for (const MountInfoLine& m : ParseMountInfo(text.str())) {
        if (!m.read_write || m.source.rfind("/dev/", 0) != 0) continue;
        if (IsRemovableBlockDevice(sys_root, m.device_number) || Under(m.mount_point, "/media") ||
            Under(m.mount_point, "/run/media"))
            drives.push_back({m.mount_point, m.source});
    }
    return drives;
}

std::vector<std::filesystem::path> RemovableDriveMounts() {
    std::vector<std::filesystem::path> paths;
    for (const RemovableDrive& drive : FindRemovableDrives())
        paths.push_back(drive.mount_point);
    return paths;
}

std::filesystem::path
ExportDirectory(const std::filesystem::path& configured,
                const std::function<std::vector<std::filesystem::path>()>& find_drives) {
    if (!configured.empty()) return configured;
    const std::vector<std::filesystem::path> drives =
        find_drives ? find_drives() : std::vector<std::filesystem::path>{};
    return drives.empty() ? std::filesystem::path() : drives.front();
}

std::filesystem::path ToolBesideKiosk(const std::filesystem::path& configured, std::string_view name) {
    if (!configured.empty()) return configured;
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return (ec ? std::filesystem::path("/usr/bin") : self.parent_path()) / name;
}

} // namespace kiosk
