#include "staff/pin_hash_edit.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "base/durable_write.h"
#include "config/toml_nesting.h"

namespace kiosk {

namespace {

constexpr size_t kMaxConfigBytes = 1 << 20; // a configuration is a few kilobytes

// The lines of `text`, each with its line break (the last one may have none).
std::vector<std::string_view> SplitKeepingBreaks(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        const size_t size = nl == std::string_view::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(0, size));
        text.remove_prefix(size);
    }
    return lines;
}

std::string_view WithoutBreak(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    return line;
}

// Byte offset in `line` of toml++'s 1-based column `column`, which counts code points.
size_t ByteOfColumn(std::string_view line, size_t column) {
    size_t code_point = 1;
    for (size_t i = 0; i < line.size(); i++) {
        if (((unsigned char)line[i] & 0xC0) == 0x80) continue; // inside a UTF-8 sequence
        if (code_point == column) return i;
        code_point++;
    }
    return line.size();
}

// `[staff]`, `[ staff ]`, `["staff"]` or `['staff']`, maybe followed by a comment.
bool IsStaffHeader(std::string_view line) {
    auto skip_blanks = [&] {
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
    };
    auto take = [&](std::string_view what) {
        if (line.substr(0, what.size()) != what) return false;
        line.remove_prefix(what.size());
        return true;
    };
    skip_blanks();
    if (!take("[") || take("[")) return false;
    skip_blanks();
    if (!take("staff") && !take("\"staff\"") && !take("'staff'")) return false;
    skip_blanks();
    if (!take("]")) return false;
    skip_blanks();
    return line.empty() || line.front() == '#';
}

std::optional<toml::table> ParseConfigText(std::string_view text, const std::string& file_name,
                                           std::string& error) {
    // The same guard as every loader (config/toml_nesting.h): toml++ must not see such a text.
    if (std::optional<NestingExcess> excess = FindExcessiveNesting(text)) {
        error =
            fmt::format("{}:{}:{}: not a configuration the kiosk reads; fix it first (kiosk --check-config)",
                        file_name, excess->line, excess->column);
        return std::nullopt;
    }
    try {
        return toml::parse(text, file_name);
    } catch (const toml::parse_error& e) {
        error = fmt::format("{}:{}:{}: TOML syntax: {}; fix it first (kiosk --check-config)", file_name,
                            e.source().begin.line, e.source().begin.column, e.description());
        return std::nullopt;
    }
}

} // namespace

std::optional<std::string> WithPinHash(std::string_view text, std::string_view pin_hash,
                                       const std::string& file_name, std::string& error) {
    // A hash is printable ASCII without quotes or backslashes: safe in a basic string as is.
    if (pin_hash.empty() || !std::all_of(pin_hash.begin(), pin_hash.end(), [](char c) {
            return c > ' ' && c < 127 && c != '"' && c != '\\';
        })) {
        error = "not a PIN hash";
        return std::nullopt;
    }
    std::optional<toml::table> root = ParseConfigText(text, file_name, error);
    if (!root) return std::nullopt;

    const size_t first_break = text.find('\n');
    const std::string eol =
        first_break != std::string_view::npos && first_break > 0 && text[first_break - 1] == '\r' ? "\r\n"
                                                                                                  : "\n";
    const std::string value = fmt::format("\"{}\"", pin_hash);
    const std::vector<std::string_view> lines = SplitKeepingBreaks(text);
    auto line_of = [&](const toml::source_region& where) -> std::optional<size_t> {
        if (where.begin.line < 1 || where.begin.line > lines.size()) return std::nullopt;
        return (size_t)where.begin.line - 1;
    };
    std::string out;
    const toml::node* staff = root->get("staff");
    if (staff && !staff->is_table()) {
        error = fmt::format("{}:{}:{}: staff: expected a table ([staff])", file_name,
                            staff->source().begin.line, staff->source().begin.column);
        return std::nullopt;
    }
    if (const toml::node* old = staff ? staff->as_table()->get("pin_hash") : nullptr) {
        const toml::source_region& where = old->source();
        const std::optional<size_t> index = line_of(where);
        if (!index || where.end.line != where.begin.line) {
            error = fmt::format(
                "{}:{}: staff.pin_hash spans several lines; remove it, then run kiosk --set-pin again",
                file_name, where.begin.line);
            return std::nullopt;
        }
        std::string_view line = lines[*index];
        // A byte order mark (accepted, as by every loader) is not counted in toml++'s columns.
        const size_t bom = *index == 0 && line.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        const std::string_view content = WithoutBreak(line).substr(bom);
        const size_t begin = bom + ByteOfColumn(content, where.begin.column);
        const size_t end = bom + ByteOfColumn(content, where.end.column);
        for (size_t i = 0; i < lines.size(); i++) {
            if (i != *index) {
                out += lines[i];
                continue;
            }
            out += line.substr(0, begin);
            out += value;
            out += line.substr(end);
        }
    } else if (staff) {
        const std::optional<size_t> header = line_of(staff->source());
        const size_t bom = header && *header == 0 && lines[0].substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        if (!header || !IsStaffHeader(WithoutBreak(lines[*header]).substr(bom))) {
            error = fmt::format("{}:{}: the staff table is not written as a [staff] header line; add "
                                "pin_hash to it by hand",
                                file_name, staff->source().begin.line);
            return std::nullopt;
        }
        for (size_t i = 0; i < lines.size(); i++) {
            out += lines[i];
            if (i != *header) continue;
            if (lines[i].back() != '\n') out += eol;
            out += "pin_hash = " + value + eol;
        }
    } else {
        out = std::string(text);
        if (!out.empty() && out.back() != '\n') out += eol;
        if (!out.empty()) out += eol;
        out += "[staff]" + eol + "pin_hash = " + value + eol;
    }

    // Whatever the file looked like, what is written must read back as the new hash.
    std::string reparse_error;
    std::optional<toml::table> check = ParseConfigText(out, file_name, reparse_error);
    if (!check || (*check)["staff"]["pin_hash"].value<std::string>() != std::string(pin_hash)) {
        error = fmt::format("{}: could not place staff.pin_hash in this file ({}); set it by hand", file_name,
                            reparse_error.empty() ? "it did not read back" : reparse_error);
        return std::nullopt;
    }
    return out;
}

bool WritePinHash(const std::filesystem::path& file, std::string_view pin_hash, std::string& error) {
    std::error_code ec;
    const std::filesystem::path real = std::filesystem::canonical(file, ec);
    if (ec) {
        error = fmt::format("{}: {}", file.string(), ec.message());
        return false;
    }
    const int fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        error = fmt::format("cannot read {}: {}", real.string(), std::strerror(errno));
        if (fd >= 0) ::close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode) || (size_t)st.st_size > kMaxConfigBytes) {
        error = fmt::format("{}: not a configuration file (not a regular file, or over {} bytes)",
                            real.string(), kMaxConfigBytes);
        ::close(fd);
        return false;
    }
    std::string text((size_t)st.st_size, '\0');
    size_t size = 0;
    while (size < text.size()) {
        const ssize_t n = ::read(fd, text.data() + size, text.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        size += (size_t)n;
    }
    const int read_errno = errno;
    ::close(fd);
    if (size != text.size()) {
        error = fmt::format("cannot read {}: {}", real.string(),
                            size < text.size() && read_errno ? std::strerror(read_errno)
                                                             : "it changed while read");
        return false;
    }
    std::optional<std::string> edited = WithPinHash(text, pin_hash, file.string(), error);
    if (!edited) return false;
    return ReplaceFileDurably(real, *edited, st.st_mode & 07777, error, FileOwner{st.st_uid, st.st_gid});
}

} // namespace kiosk
