#include "staff/alert_watch.h"

#include <sys/statvfs.h>

#include <fmt/format.h>
#include <sqlite3.h>

namespace kiosk {

std::optional<DiskSpace> DiskSpaceOf(const std::filesystem::path& path) {
    // The database may not exist yet: its directory is on the same file system.
    std::filesystem::path probe = path;
    std::error_code ec;
    while (!probe.empty() && !std::filesystem::exists(probe, ec) && probe != probe.parent_path())
        probe = probe.parent_path();
    struct statvfs s {};
    if (probe.empty() || statvfs(probe.c_str(), &s) != 0 || s.f_blocks == 0) return std::nullopt;
    // f_bavail: what an unprivileged writer (the kiosk) may still use.
    return DiskSpace{(uint64_t)s.f_bavail * s.f_frsize, (uint64_t)s.f_blocks * s.f_frsize};
}

bool NearlyFull(const DiskSpace& space, const AlertWatchOptions& options) {
    const double floor =
        std::max((double)options.min_free_bytes, options.min_free_fraction * (double)space.total_bytes);
    return (double)space.free_bytes < floor;
}

std::map<std::string, std::string> SyncErrors(const std::filesystem::path& sync_state) {
    std::map<std::string, std::string> errors;
    std::error_code ec;
    if (sync_state.empty() || !std::filesystem::exists(sync_state, ec)) return errors;
    sqlite3* db = nullptr;
    // Read-only, never creating anything: the file is kiosk-sync's alone.
    if (sqlite3_open_v2(sync_state.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 200); // a run writing now: try again at the next check
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db,
                               "SELECT name, last_error, last_error_at FROM destination "
                               "WHERE last_error != '' ORDER BY name",
                               -1, &stmt, nullptr) == SQLITE_OK) {
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                auto text = [&](int i) {
                    const unsigned char* t = sqlite3_column_text(stmt, i);
                    return t ? std::string((const char*)t) : std::string();
                };
                errors[text(0)] = fmt::format("{}: {}", text(2), text(1));
            }
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return errors;
}

AlertFindings CheckAlertSources(const AlertWatchOptions& options) {
    AlertFindings found;
    if (std::optional<DiskSpace> space = DiskSpaceOf(options.database); space && NearlyFull(*space, options))
        found.disk[options.database.parent_path().string()] =
            fmt::format("{} MB free of {} MB", space->free_bytes >> 20, space->total_bytes >> 20);
    found.sync = SyncErrors(options.sync_state);
    return found;
}

AlertWatcher::AlertWatcher(AlertWatchOptions options) : options_(std::move(options)) {
    thread_ = std::thread([this] { Run(); });
}

AlertWatcher::~AlertWatcher() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

bool AlertWatcher::TakeFindings(AlertFindings& out) {
    std::lock_guard lock(mutex_);
    if (!findings_) return false;
    out = std::move(*findings_);
    findings_.reset();
    return true;
}

void AlertWatcher::CheckSoon() {
    {
        std::lock_guard lock(mutex_);
        check_soon_ = true;
    }
    wake_.notify_all();
}

void AlertWatcher::Run() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        check_soon_ = false;
        lock.unlock();
        AlertFindings found = CheckAlertSources(options_);
        lock.lock();
        findings_ = std::move(found);
        if (options_.on_change) options_.on_change();
        wake_.wait_for(lock, std::chrono::duration<double>(options_.interval_seconds),
                       [this] { return stop_ || check_soon_; });
    }
}

} // namespace kiosk
