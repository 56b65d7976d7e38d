#include "base/path_probe.h"

#include <algorithm>

namespace kiosk {

PathProbe ProbePath(const std::filesystem::path& path) {
    PathProbe probe;
    std::error_code ec;
    probe.type = std::filesystem::status(path, ec).type();
    // status() also sets `ec` for a path that does not exist: that is an answer, not an error.
    if (ec && probe.type != std::filesystem::file_type::not_found) probe.error = ec;
    return probe;
}

std::vector<std::filesystem::path> ListFiles(const std::filesystem::path& dir, std::string_view extension,
                                             std::error_code& error) {
    std::vector<std::filesystem::path> files;
    error.clear();
    const PathProbe probe = ProbePath(dir);
    if (probe.Missing()) return files;
    std::filesystem::directory_iterator it(dir, error);
    // increment(ec), not ++: operator++ throws when reading the directory fails.
    for (; !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
        const std::filesystem::path& path = it->path();
        if (!extension.empty() && path.extension() != extension) continue;
        std::error_code type_error; // a broken link or a name the system refuses: not a file
        if (it->is_regular_file(type_error)) files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::filesystem::path AbsolutePath(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    return ec ? path : absolute;
}

} // namespace kiosk
