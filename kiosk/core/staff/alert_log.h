// AlertLog: the faults staff must see (issue 12, "Alerts"; README "Alerts"), listed in the
// staff panel until someone acknowledges them ("J'ai vu").
//
// An alert is identified by its kind and a subject (the store's fault, a refused file's
// path, a sync destination's name). The same ongoing fault is ONE alert: raising it again
// counts a new occurrence and moves its last time, it does not add a line. Sources say
// what is wrong now (Update: the current faults of one kind; the others of that kind are
// over) or report a one-off event (Raise).
//
//   raised ──ack──▶ acknowledged (hidden; still ongoing: raising it again does not re-list it)
//     │                 └──over──▶ forgotten (a new occurrence is a new, unacknowledged alert)
//     └──over──▶ listed as over, until acknowledged (staff still learn it happened)
//
// The list is kept in a small JSON file beside the database ("<db>.staff-alerts"), replaced
// durably at each change (never for a mere repeat of a known fault): after a restart,
// what staff acknowledged stays acknowledged while its fault is still there, and what they
// had not seen is listed again even if it is over. A missing file is an empty list; an
// unreadable one is logged and started afresh (alerts never stop the kiosk).
//
// Thread-safe: every call takes the object's mutex (a source may raise from its own thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace kiosk {

enum class AlertKind {
    StoreFault,    // recording fails: answers wait in memory (subject: the StoreFault's name)
    DatabaseMoved, // a corrupt database was moved aside, or the file was taken away while open
    RefusedFile,   // a survey (or content) file was refused at start-up (subject: its path)
    SyncError,     // kiosk-sync's last delivery to a destination failed (subject: its name)
    DiskFilling,   // the database's file system is nearly full
};

const char* ToString(AlertKind kind); // "store_fault", "database_moved", …

struct Alert {
    uint64_t id = 0; // stable for the process (acknowledge by it); not kept across restarts
    AlertKind kind = AlertKind::StoreFault;
    std::string subject;
    std::string detail;        // technical detail (the last one), shown small to staff
    long long first_at = 0;    // UNIX seconds of the first occurrence
    long long last_at = 0;     // … and of the last
    int64_t occurrences = 1;   // onsets of the fault (or events) merged into this alert
    bool ongoing = true;       // false once its source reported it over
    bool acknowledged = false; // staff saw it
};

class AlertLog {
public:
    // The file beside `database` that keeps the list ("responses.db.staff-alerts").
    static std::filesystem::path FileBeside(const std::filesystem::path& database);

    // Loads `file` (empty path: nothing is kept, for tools and tests).
    explicit AlertLog(std::filesystem::path file);

    // A one-off event (or one more occurrence of an ongoing fault).
    void Raise(AlertKind kind, const std::string& subject, const std::string& detail, long long when);
    // The faults of `kind` now, subject → detail: a new one is raised; one already ongoing
    // keeps its alert (detail refreshed, no new occurrence); any other ongoing alert of
    // `kind` is over.
    void Update(AlertKind kind, const std::map<std::string, std::string>& current, long long when);
    // Staff saw it. False when there is no such alert.
    bool Acknowledge(uint64_t id);

    // The alerts staff have not acknowledged, oldest first.
    std::vector<Alert> Unacknowledged() const;
    size_t UnacknowledgedCount() const;
    // Why the file could not be read or written ("" when fine), for the log.
    std::string LastError() const;

private:
    Alert* Find(AlertKind kind, const std::string& subject);
    void Over(Alert& alert);
    void Save();
    void Load();

    mutable std::mutex mutex_;
    std::filesystem::path file_;
    std::vector<Alert> alerts_;
    uint64_t next_id_ = 1;
    std::string error_;
};

} // namespace kiosk
