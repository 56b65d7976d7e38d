// AlertWatcher: the alert sources that need the disk (issue 12, "Alerts"; README "Alerts"),
// checked on their own thread at a low rate — never in a frame: the free space of the
// database's file system (statvfs) and kiosk-sync's last error per destination, read from
// its state file on a read-only SQLite connection (the kiosk links no network code: it
// reads kiosk-sync's record, never runs a delivery). The thread keeps what the last check
// found; the UI takes it (TakeFindings) and hands it to the AlertLog with the app's clock,
// so the clock is only ever read on the UI thread. `on_change` (the kiosk passes
// WakeMainLoop) is called after each check.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk {

struct AlertWatchOptions {
    std::filesystem::path database;   // its file system's free space is watched
    std::filesystem::path sync_state; // kiosk-sync's sync-state.db (missing: no sync alert)
    double interval_seconds = 60;     // between two checks
    // "Nearly full": less than this share of the file system free, or less than
    // min_free_bytes, whichever is larger (a 500 MB card and a 1 TB disk both leave room to act).
    double min_free_fraction = 0.05;
    uint64_t min_free_bytes = 200ull << 20;
    std::function<void()> on_change;
};

// What one check found (also used by tests without the thread).
struct DiskSpace {
    uint64_t free_bytes = 0, total_bytes = 0;
};
std::optional<DiskSpace> DiskSpaceOf(const std::filesystem::path& path);
bool NearlyFull(const DiskSpace& space, const AlertWatchOptions& options);
// destination → "last_error_at: last_error", for every destination whose last attempt failed.
// Nothing when the file does not exist or cannot be read (kiosk-sync not installed or never run).
std::map<std::string, std::string> SyncErrors(const std::filesystem::path& sync_state);

// What one check found: subject → detail, as AlertLog::Update takes them.
struct AlertFindings {
    std::map<std::string, std::string> disk; // the database's directory, when nearly full
    std::map<std::string, std::string> sync; // destination → its last error
};
AlertFindings CheckAlertSources(const AlertWatchOptions& options);

class AlertWatcher {
public:
    // Checks at once, then every interval_seconds until destroyed.
    explicit AlertWatcher(AlertWatchOptions options);
    ~AlertWatcher();
    AlertWatcher(const AlertWatcher&) = delete;
    AlertWatcher& operator=(const AlertWatcher&) = delete;

    // The findings of a check not taken yet (false: none since the last call).
    bool TakeFindings(AlertFindings& out);
    // Checks again now, without waiting for the interval (tests).
    void CheckSoon();

private:
    void Run();

    AlertWatchOptions options_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false, check_soon_ = false;
    std::optional<AlertFindings> findings_;
    std::thread thread_;
};

} // namespace kiosk
