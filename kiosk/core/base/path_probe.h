// Asking the file system about a path without exceptions.
//
// The throwing overloads of std::filesystem (is_directory(p), exists(p), a range-for over a
// directory_iterator, …) throw filesystem_error for a name the system refuses — a component
// longer than 255 bytes (ENAMETOOLONG), a symbolic link loop (ELOOP), a directory it may not
// search (EACCES) — and one uncaught throw while loading aborts the kiosk. Every path from a
// file or the command line is asked about through these functions (or the error_code
// overloads); tests/unit/filesystem_throw_test.py keeps the throwing ones out of kiosk/.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace kiosk {

struct PathProbe {
    // not_found when nothing is there (ENOENT, ENOTDIR); none when `error` says why the
    // system could not tell.
    std::filesystem::file_type type = std::filesystem::file_type::none;
    std::error_code error;

    bool Missing() const { return type == std::filesystem::file_type::not_found; }
    bool IsDirectory() const { return type == std::filesystem::file_type::directory; }
    bool IsRegularFile() const { return type == std::filesystem::file_type::regular; }
    // For messages: "File name too long" and the like; empty when the system answered.
    std::string ErrorText() const { return error ? error.message() : std::string(); }
};

// What is at `path` (following symbolic links).
PathProbe ProbePath(const std::filesystem::path& path);

// The regular files of `dir` (or links to them) whose name ends with `extension` (".toml";
// "" for all), sorted by name. A directory that cannot be listed (or read to its
// end) yields what was read, with `error` set; a missing one yields nothing and no error.
std::vector<std::filesystem::path> ListFiles(const std::filesystem::path& dir, std::string_view extension,
                                             std::error_code& error);

// `path` made absolute, or `path` itself when the working directory cannot be known.
std::filesystem::path AbsolutePath(const std::filesystem::path& path);

} // namespace kiosk
