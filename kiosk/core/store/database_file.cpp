#include "store/database_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <sqlite3.h>

namespace kiosk {

namespace {

constexpr char kSqliteMagic[] = "SQLite format 3"; // and its NUL: the first 16 bytes

DatabaseFileCheck Check(DatabaseFileKind kind, std::string reason = {}) {
    return {kind, std::move(reason)};
}

// The first bytes of `path` (zeros past its end), read through SQLite's own file layer: closing
// a plain descriptor would release the POSIX locks that other connections of this process hold
// on the same file (fcntl locks belong to the process); SQLite's layer keeps them.
bool ReadHeader(const std::filesystem::path& path, unsigned char* out, int size, std::string& error) {
    sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    sqlite3_filename name = sqlite3_create_filename(path.c_str(), "", "", 0, nullptr);
    std::vector<char> storage((size_t)vfs->szOsFile);
    auto* file = reinterpret_cast<sqlite3_file*>(storage.data());
    int flags = 0;
    int code =
        name ? vfs->xOpen(vfs, name, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &flags) : SQLITE_NOMEM;
    if (code == SQLITE_OK) {
        code = file->pMethods->xRead(file, out, size, 0);
        if (code == SQLITE_IOERR_SHORT_READ) code = SQLITE_OK; // a short file: the rest is zeros
        file->pMethods->xClose(file);
    }
    sqlite3_free_filename(name);
    if (code != SQLITE_OK) error = sqlite3_errstr(code);
    return code == SQLITE_OK;
}

// The tables of a SQLite file, read through a read-only connection. False when unreadable.
bool ReadTables(const std::filesystem::path& path, std::vector<std::string>& tables, std::string& error) {
    sqlite3* db = nullptr;
    bool ok = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK;
    sqlite3_stmt* stmt = nullptr;
    if (ok) {
        sqlite3_busy_timeout(db, 2000);
        ok = sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1,
                                &stmt, nullptr) == SQLITE_OK;
    }
    int code = SQLITE_ROW;
    while (ok && (code = sqlite3_step(stmt)) == SQLITE_ROW)
        tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    if (ok && code != SQLITE_DONE) ok = false;
    if (!ok) error = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return ok;
}

} // namespace

DatabaseFileCheck InspectDatabaseFile(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) return Check(DatabaseFileKind::Missing);
        return Check(DatabaseFileKind::Unreadable,
                     fmt::format("{}: {}", path.string(), std::strerror(errno)));
    }
    if (!S_ISREG(st.st_mode))
        return Check(
            DatabaseFileKind::NotOurs,
            fmt::format("{} is not a regular file: it cannot be the responses database", path.string()));
    if (st.st_size == 0) return Check(DatabaseFileKind::Empty);

    unsigned char header[100] = {};
    std::string read_error;
    if (!ReadHeader(path, header, sizeof header, read_error))
        return Check(DatabaseFileKind::Unreadable,
                     fmt::format("cannot read {}: {}", path.string(), read_error));
    if (std::memcmp(header, kSqliteMagic, sizeof kSqliteMagic) != 0)
        return Check(DatabaseFileKind::NotOurs,
                     fmt::format("{} exists and is not a SQLite database: not the kiosk's responses "
                                 "database (it is left untouched; name another path)",
                                 path.string()));
    // The application id is big-endian at offset 68 of the header.
    const int application_id = (header[68] << 24) | (header[69] << 16) | (header[70] << 8) | header[71];
    if (application_id == kApplicationId) return Check(DatabaseFileKind::Ours);

    // Databases made before the mark (or not yet migrated): known by their tables.
    std::vector<std::string> tables;
    std::string error;
    if (!ReadTables(path, tables, error))
        return Check(DatabaseFileKind::NotOurs,
                     fmt::format("{} is a SQLite file whose tables cannot be read ({}) and that is not "
                                 "marked as a responses database: left untouched; move it away or name "
                                 "another path",
                                 path.string(), error));
    auto has = [&](const char* name) {
        return std::find(tables.begin(), tables.end(), name) != tables.end();
    };
    if (tables.empty() || (has("meta") && has("response") && has("answer")))
        return Check(DatabaseFileKind::Ours);
    std::string names;
    for (const std::string& t : tables)
        names += (names.empty() ? "" : ", ") + t;
    return Check(DatabaseFileKind::NotOurs,
                 fmt::format("{} is a SQLite database but not a responses database (its tables: {}): left "
                             "untouched; name another path",
                             path.string(), names));
}

bool CreateDatabaseFile(const std::filesystem::path& path, mode_t mode, int& error_number) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd < 0) {
        if (errno == EEXIST) return true; // made meanwhile: InspectDatabaseFile decides again
        error_number = errno;
        return false;
    }
    // The umask took bits away at creation: set exactly the intended mode.
    const bool ok = ::fchmod(fd, mode) == 0;
    error_number = ok ? 0 : errno;
    ::close(fd);
    return ok;
}

FileIdentity IdentityOf(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return {true, st.st_dev, st.st_ino};
}

} // namespace kiosk
