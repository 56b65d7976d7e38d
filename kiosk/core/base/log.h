// Log: one line per event on stderr, journal-friendly ("kiosk: warning: ...").
//
// The kiosk runs unattended under systemd; its log is what staff and maintainers read after
// the fact. Lines are plain text, no colours, no timestamps (journald adds them).
// LogLineOnce() is for problems that would otherwise repeat every frame (a missing
// translation, a missing image): only the first occurrence is logged.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace kiosk {

enum class LogLevel { Info, Warning, Error };

// Program name printed at the start of each line ("kiosk", "kiosk-sync", ...).
void SetLogProgramName(std::string name);
void SetLogLevel(LogLevel minimum);
void LogLine(LogLevel level, std::string_view text);

// Logs `text` only the first time `key` is seen in this process. Returns true if logged.
bool LogLineOnce(LogLevel level, std::string_view key, std::string_view text);

template <typename... Args>
void LogInfo(fmt::format_string<Args...> f, Args&&... args) {
    LogLine(LogLevel::Info, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void LogWarning(fmt::format_string<Args...> f, Args&&... args) {
    LogLine(LogLevel::Warning, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void LogError(fmt::format_string<Args...> f, Args&&... args) {
    LogLine(LogLevel::Error, fmt::format(f, std::forward<Args>(args)...));
}

} // namespace kiosk
