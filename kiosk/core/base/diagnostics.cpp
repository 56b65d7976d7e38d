#include "base/diagnostics.h"

#include <fmt/format.h>

namespace kiosk {

std::string Diagnostic::Format() const {
    const char* kind = severity == Severity::Error ? "error" : "warning";
    if (where.line > 0 && where.column > 0)
        return fmt::format("{}:{}:{}: {}: {}", where.file, where.line, where.column, kind, message);
    if (where.line > 0) return fmt::format("{}:{}: {}: {}", where.file, where.line, kind, message);
    return fmt::format("{}: {}: {}", where.file, kind, message);
}

void Diagnostics::Error(SourcePos where, std::string message) {
    items_.push_back({Severity::Error, std::move(where), std::move(message)});
    error_count_++;
}

void Diagnostics::Warning(SourcePos where, std::string message) {
    items_.push_back({Severity::Warning, std::move(where), std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    error_count_ += other.error_count_;
}

std::string Diagnostics::FormatAll() const {
    std::string out;
    for (const Diagnostic& d : items_) {
        out += d.Format();
        out += '\n';
    }
    return out;
}

} // namespace kiosk
