#include "staff/alert_log.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/durable_write.h"
#include "base/log.h"
#include "store/database_file.h"

namespace kiosk {

namespace {

// A fault that comes and goes all day must not grow the file without end: past this many
// alerts the oldest acknowledged ones (then the oldest) are forgotten.
constexpr size_t kMaxAlerts = 200;

constexpr AlertKind kKinds[] = {AlertKind::StoreFault, AlertKind::DatabaseMoved, AlertKind::RefusedFile,
                                AlertKind::SyncError, AlertKind::DiskFilling};

std::optional<AlertKind> ParseKind(const std::string& text) {
    for (AlertKind kind : kKinds)
        if (text == ToString(kind)) return kind;
    return std::nullopt;
}

} // namespace

const char* ToString(AlertKind kind) {
    switch (kind) {
    case AlertKind::StoreFault: return "store_fault";
    case AlertKind::DatabaseMoved: return "database_moved";
    case AlertKind::RefusedFile: return "refused_file";
    case AlertKind::SyncError: return "sync_error";
    case AlertKind::DiskFilling: return "disk_filling";
    }
    return "unknown";
}

std::filesystem::path AlertLog::FileBeside(const std::filesystem::path& database) {
    return std::filesystem::path(database.string() + ".staff-alerts");
}

AlertLog::AlertLog(std::filesystem::path file) : file_(std::move(file)) {
    Load();
}

Alert* AlertLog::Find(AlertKind kind, const std::string& subject) {
    for (Alert& a : alerts_)
        if (a.kind == kind && a.subject == subject) return &a;
    return nullptr;
}

void AlertLog::Over(Alert& alert) {
    alert.ongoing = false;
    if (alert.acknowledged) // seen and over: nothing left to say
        std::erase_if(alerts_, [&](const Alert& a) { return &a == &alert; });
}

void AlertLog::Raise(AlertKind kind, const std::string& subject, const std::string& detail, long long when) {
    std::lock_guard lock(mutex_);
    if (Alert* a = Find(kind, subject)) {
        a->occurrences++;
        a->last_at = when;
        a->detail = detail;
        a->ongoing = true;
        a->acknowledged = false; // an event staff have not seen yet
    } else {
        alerts_.push_back(Alert{next_id_++, kind, subject, detail, when, when, 1, true, false});
    }
    Save();
}

void AlertLog::Update(AlertKind kind, const std::map<std::string, std::string>& current, long long when) {
    std::lock_guard lock(mutex_);
    bool changed = false;
    for (const auto& [subject, detail] : current) {
        Alert* a = Find(kind, subject);
        if (!a) {
            alerts_.push_back(Alert{next_id_++, kind, subject, detail, when, when, 1, true, false});
            changed = true;
        } else if (!a->ongoing) { // over, not yet acknowledged, and back: one more occurrence
            a->ongoing = true;
            a->occurrences++;
            a->last_at = when;
            a->detail = detail;
            changed = true;
        } else if (a->detail != detail) {
            a->detail = detail; // the same fault, told differently: shown, not worth a write
        }
    }
    for (size_t i = alerts_.size(); i-- > 0;) {
        Alert& a = alerts_[i];
        if (a.kind == kind && a.ongoing && !current.count(a.subject)) {
            Over(a);
            changed = true;
        }
    }
    if (changed) Save();
}

bool AlertLog::Acknowledge(uint64_t id) {
    std::lock_guard lock(mutex_);
    for (Alert& a : alerts_) {
        if (a.id != id) continue;
        a.acknowledged = true;
        if (!a.ongoing) Over(a);
        Save();
        return true;
    }
    return false;
}

std::vector<Alert> AlertLog::Unacknowledged() const {
    std::lock_guard lock(mutex_);
    std::vector<Alert> out;
    for (const Alert& a : alerts_)
        if (!a.acknowledged) out.push_back(a);
    std::stable_sort(out.begin(), out.end(),
                     [](const Alert& a, const Alert& b) { return a.first_at < b.first_at; });
    return out;
}

size_t AlertLog::UnacknowledgedCount() const {
    std::lock_guard lock(mutex_);
    return (size_t)std::count_if(alerts_.begin(), alerts_.end(),
                                 [](const Alert& a) { return !a.acknowledged; });
}

std::string AlertLog::LastError() const {
    std::lock_guard lock(mutex_);
    return error_;
}

void AlertLog::Save() {
    while (alerts_.size() > kMaxAlerts) {
        auto victim =
            std::find_if(alerts_.begin(), alerts_.end(), [](const Alert& a) { return a.acknowledged; });
        alerts_.erase(victim != alerts_.end() ? victim : alerts_.begin());
    }
    if (file_.empty()) return;
    nlohmann::json list = nlohmann::json::array();
    for (const Alert& a : alerts_)
        list.push_back({{"kind", ToString(a.kind)},
                        {"subject", a.subject},
                        {"detail", a.detail},
                        {"first_at", a.first_at},
                        {"last_at", a.last_at},
                        {"occurrences", a.occurrences},
                        {"ongoing", a.ongoing},
                        {"acknowledged", a.acknowledged}});
    std::string error;
    if (!ReplaceFileDurably(file_, nlohmann::json{{"alerts", list}}.dump(1) + "\n", kDatabaseMode, error)) {
        if (error_ != error) LogWarning("staff alerts: {} (the list is kept in memory only)", error);
        error_ = error;
    } else {
        error_.clear();
    }
}

void AlertLog::Load() {
    if (file_.empty()) return;
    std::ifstream in(file_, std::ios::binary);
    if (!in) return; // none yet: no alert
    std::stringstream text;
    text << in.rdbuf();
    try {
        const nlohmann::json root = nlohmann::json::parse(text.str());
        for (const nlohmann::json& item : root.at("alerts")) {
            std::optional<AlertKind> kind = ParseKind(item.at("kind").get<std::string>());
            if (!kind) continue; // a kind this version does not know
            Alert a;
            a.id = next_id_++;
            a.kind = *kind;
            a.subject = item.at("subject").get<std::string>();
            a.detail = item.at("detail").get<std::string>();
            a.first_at = item.at("first_at").get<long long>();
            a.last_at = item.at("last_at").get<long long>();
            a.occurrences = item.at("occurrences").get<int64_t>();
            a.ongoing = item.at("ongoing").get<bool>();
            a.acknowledged = item.at("acknowledged").get<bool>();
            alerts_.push_back(std::move(a));
        }
    } catch (const std::exception& e) {
        alerts_.clear();
        error_ = fmt::format("{}: unreadable ({}); starting with no alert", file_.string(), e.what());
        LogWarning("staff alerts: {}", error_);
    }
}

} // namespace kiosk
