// Diagnostics: problems found while loading files, each tied to a place in a file.
//
// Every loader (configuration, content, surveys, translation catalogues) reports through a
// Diagnostics list instead of throwing or stopping at the first problem, so that
// `kiosk --check-config` can print every error at once, in the form editors and CI
// understand: `path/to/file.toml:12:5: error: idle.timeout_seconds: must be ...`.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

struct SourcePos {
    std::string file;
    int line = 0;   // 1-based; 0 when the problem concerns the whole file
    int column = 0; // 1-based; 0 when unknown
};

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePos where;
    std::string message;

    // "file:line:column: error: message" (line and column left out when unknown).
    std::string Format() const;
};

class Diagnostics {
public:
    void Error(SourcePos where, std::string message);
    void Warning(SourcePos where, std::string message);
    void Append(const Diagnostics& other);

    bool HasErrors() const { return error_count_ > 0; }
    int ErrorCount() const { return error_count_; }
    const std::vector<Diagnostic>& All() const { return items_; }
    bool Empty() const { return items_.empty(); }

    // All diagnostics, one formatted line each.
    std::string FormatAll() const;

private:
    std::vector<Diagnostic> items_;
    int error_count_ = 0;
};

} // namespace kiosk
