#include "base/log.h"

#include <cstdio>
#include <mutex>
#include <set>

namespace kiosk {

namespace {
// The log is written from the UI thread and from background loaders (images, stats).
std::mutex g_log_mutex;
std::string g_program_name = "kiosk";
LogLevel g_min_level = LogLevel::Info;
std::set<std::string, std::less<>> g_once_keys;

const char* LevelPrefix(LogLevel level) {
    switch (level) {
    case LogLevel::Info: return "";
    case LogLevel::Warning: return "warning: ";
    case LogLevel::Error: return "error: ";
    }
    return "";
}
} // namespace

void SetLogProgramName(std::string name) {
    std::lock_guard lock(g_log_mutex);
    g_program_name = std::move(name);
}

void SetLogLevel(LogLevel minimum) {
    std::lock_guard lock(g_log_mutex);
    g_min_level = minimum;
}

void LogLine(LogLevel level, std::string_view text) {
    std::lock_guard lock(g_log_mutex);
    if (level < g_min_level) return;
    std::fprintf(stderr, "%s: %s%.*s\n", g_program_name.c_str(), LevelPrefix(level), (int)text.size(),
                 text.data());
    std::fflush(stderr);
}

bool LogLineOnce(LogLevel level, std::string_view key, std::string_view text) {
    {
        std::lock_guard lock(g_log_mutex);
        if (!g_once_keys.emplace(key).second) return false;
    }
    LogLine(level, text);
    return true;
}

} // namespace kiosk
