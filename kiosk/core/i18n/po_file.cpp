#include "i18n/po_file.h"

#include <fmt/format.h>

namespace kiosk {

namespace {

// Writes `keyword "text"`, or, when the text has a line break before its end, `keyword ""`
// followed by one piece per line, each ending with its \n: the layout msgmerge and Poedit
// write, so a file that went through them diffs cleanly against ours.
void WriteField(std::string& out, std::string_view keyword, std::string_view text) {
    const size_t first_break = text.find('\n');
    out += keyword;
    if (first_break == std::string_view::npos || first_break + 1 == text.size()) {
        out += " \"" + PoEscape(text) + "\"\n";
        return;
    }
    out += " \"\"\n";
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        out += "\"" + PoEscape(text.substr(start, end - start)) + "\"\n";
        start = end;
    }
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reads the "…" literal at `pos` of `line` (pos on the opening quote) and what follows it
// (only blanks may). Returns the unescaped text, or an error message.
std::optional<std::string> ParseLiteral(std::string_view line, size_t pos, std::string& error) {
    std::string text;
    size_t i = pos + 1;
    for (;; i++) {
        if (i >= line.size()) {
            error = "unterminated string: the line ends before its closing \"";
            return std::nullopt;
        }
        const char c = line[i];
        if (c == '"') break;
        if (c != '\\') {
            text += c;
            continue;
        }
        if (++i >= line.size()) {
            error = "unterminated string: the line ends with a \\";
            return std::nullopt;
        }
        switch (const char e = line[i]) {
        case 'n': text += '\n'; break;
        case 't': text += '\t'; break;
        case 'r': text += '\r'; break;
        case 'a': text += '\a'; break;
        case 'b': text += '\b'; break;
        case 'f': text += '\f'; break;
        case 'v': text += '\v'; break;
        case '"':
        case '\\':
        case '\'':
        case '?': text += e; break;
        case 'x': {
            int value = 0, digits = 0;
            while (i + 1 < line.size() && HexValue(line[i + 1]) >= 0 && digits < 2)
                value = value * 16 + HexValue(line[++i]), digits++;
            if (digits == 0) {
                error = "\\x without hexadecimal digits";
                return std::nullopt;
            }
            text += (char)value;
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                int value = e - '0', digits = 1;
                while (i + 1 < line.size() && line[i + 1] >= '0' && line[i + 1] <= '7' && digits < 3)
                    value = value * 8 + (line[++i] - '0'), digits++;
                text += (char)value;
                break;
            }
            error = fmt::format("unknown escape \\{} in a string", e);
            return std::nullopt;
        }
    }
    for (i++; i < line.size(); i++)
        if (line[i] != ' ' && line[i] != '\t') {
            error = "unexpected text after the closing \" of the string";
            return std::nullopt;
        }
    return text;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

} // namespace

std::string PoEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\v': out += "\\v"; break;
        default:
            // Other control characters in octal, which every gettext reader understands.
            if ((unsigned char)c < 0x20 || c == 0x7f)
                out += fmt::format("\\{:03o}", (unsigned char)c);
            else
                out += c;
        }
    }
    return out;
}

std::string WritePo(const PoFile& po) {
    std::string out;
    for (const std::string& note : po.notes)
        out += note.empty() ? "#\n" : "# " + note + "\n";
    out += "msgid \"\"\n";
    out += "msgstr \"\"\n";
    for (const std::string& field :
         {std::string("Project-Id-Version: Maison du projet kiosk"), std::string("Report-Msgid-Bugs-To: "),
          std::string("PO-Revision-Date: "), std::string("Last-Translator: "), std::string("Language-Team: "),
          "Language: " + po.language, std::string("MIME-Version: 1.0"),
          std::string("Content-Type: text/plain; charset=UTF-8"),
          std::string("Content-Transfer-Encoding: 8bit")})
        out += "\"" + PoEscape(field + "\n") + "\"\n";
    for (const PoEntry& entry : po.entries) {
        out += "\n";
        for (const std::string& comment : entry.comments)
            out += "#. " + comment + "\n";
        if (!entry.references.empty()) {
            out += "#:";
            for (const std::string& reference : entry.references)
                out += " " + reference;
            out += "\n";
        }
        if (entry.fuzzy) out += "#, fuzzy\n";
        if (entry.context) WriteField(out, "msgctxt", *entry.context);
        WriteField(out, "msgid", entry.msgid);
        WriteField(out, "msgstr", entry.msgstr);
    }
    return out;
}

std::optional<PoFile> ParsePo(std::string_view text, const std::string& file_name, Diagnostics& diags) {
    const int errors_before = diags.ErrorCount();
    PoFile po;
    enum class Field { None, Context, Id, Str };
    PoEntry entry;
    Field field = Field::None;
    bool has_id = false, has_str = false, header_seen = false;
    bool broken = false; // the entry had an error already: no second error about it
    int line_number = 0;
    const auto error = [&](int line, std::string message) {
        diags.Error({file_name, line}, std::move(message));
    };
    const auto flush = [&] {
        if (broken) {
        } else if (has_id && !has_str) {
            error(entry.line, "msgid without its msgstr");
        } else if (has_id && has_str) {
            if (entry.msgid.empty() && !entry.context) {
                if (header_seen) error(entry.line, "a second header entry (msgid \"\")");
                header_seen = true;
                // "Name: value\n" lines.
                for (size_t start = 0; start < entry.msgstr.size();) {
                    size_t end = entry.msgstr.find('\n', start);
                    if (end == std::string::npos) end = entry.msgstr.size();
                    const std::string_view header_line =
                        std::string_view(entry.msgstr).substr(start, end - start);
                    start = end + 1;
                    const size_t colon = header_line.find(':');
                    if (colon == std::string_view::npos) continue;
                    const std::string name = Lower(Trim(header_line.substr(0, colon)));
                    const std::string_view value = Trim(header_line.substr(colon + 1));
                    if (name == "language") po.language = std::string(value);
                    if (name == "content-type") {
                        const std::string lower = Lower(value);
                        const size_t charset = lower.find("charset=");
                        if (charset != std::string::npos && Lower(Trim(lower.substr(charset + 8))) != "utf-8")
                            error(entry.line, fmt::format("the file is in {}; only UTF-8 PO files are read "
                                                          "(save it as UTF-8 in the translation tool)",
                                                          std::string(value.substr(charset + 8))));
                    }
                }
            } else {
                po.entries.push_back(std::move(entry));
            }
        } else if (entry.context) {
            error(entry.line, "msgctxt without its msgid");
        }
        entry = PoEntry();
        field = Field::None;
        has_id = has_str = broken = false;
    };

    for (size_t start = 0; start <= text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = Trim(text.substr(start, end - start));
        start = end + 1;
        line_number++;
        if (line.empty()) {
            if (has_str || entry.context || has_id) flush();
            continue;
        }
        if (line.starts_with("#~")) continue; // obsolete entries: ignored, as gettext tools do
        if (line[0] == '#') {
            if (has_str) flush();
            const std::string_view rest = Trim(line.substr(2 <= line.size() ? 2 : line.size()));
            if (line.starts_with("#,")) {
                for (size_t pos = 0; pos <= rest.size();) {
                    size_t comma = rest.find(',', pos);
                    if (comma == std::string_view::npos) comma = rest.size();
                    if (Trim(rest.substr(pos, comma - pos)) == "fuzzy") entry.fuzzy = true;
                    pos = comma + 1;
                }
            } else if (line.starts_with("#:")) {
                for (size_t pos = 0; pos < rest.size();) {
                    size_t space = rest.find(' ', pos);
                    if (space == std::string_view::npos) space = rest.size();
                    if (space > pos) entry.references.emplace_back(rest.substr(pos, space - pos));
                    pos = space + 1;
                }
            } else if (line.starts_with("#.")) {
                entry.comments.emplace_back(rest);
            }
            continue; // translator comments (# …), previous strings (#| …)
        }
        std::string message;
        if (line[0] == '"') {
            std::optional<std::string> piece = ParseLiteral(line, 0, message);
            if (!piece)
                error(line_number, message), broken = true;
            else if (field == Field::None)
                error(line_number, "a string with no msgid, msgstr or msgctxt before it");
            else
                (field == Field::Context ? *entry.context
                 : field == Field::Id    ? entry.msgid
                                         : entry.msgstr) += *piece;
            continue;
        }
        const size_t space = line.find_first_of(" \t\"");
        const std::string_view keyword = line.substr(0, space);
        const size_t quote = line.find('"');
        if (keyword == "msgid_plural" || keyword.starts_with("msgstr[")) {
            error(line_number, "plural forms: no kiosk text has any; translate the entry as one text");
            continue;
        }
        if (keyword != "msgctxt" && keyword != "msgid" && keyword != "msgstr") {
            error(line_number, fmt::format("expected msgctxt, msgid, msgstr, a \"…\" string or a # comment, "
                                           "found \"{}\"",
                                           std::string(keyword.substr(0, 40))));
            continue;
        }
        if (quote == std::string_view::npos ||
            !Trim(line.substr(keyword.size(), quote - keyword.size())).empty()) {
            error(line_number, fmt::format("{}: expected a \"…\" string after it", std::string(keyword)));
            continue;
        }
        std::optional<std::string> value = ParseLiteral(line, quote, message);
        if (!value) {
            error(line_number, message);
            value = std::string();
            broken = true;
        }
        if (keyword == "msgctxt") {
            if (has_str) flush();
            if (has_id || entry.context) error(line_number, "msgctxt where a msgstr was expected");
            entry.context = std::move(*value);
            entry.line = line_number;
            field = Field::Context;
        } else if (keyword == "msgid") {
            if (has_str) flush();
            if (has_id) error(line_number, "msgid where a msgstr was expected");
            if (!entry.context) entry.line = line_number;
            entry.msgid = std::move(*value);
            has_id = true;
            field = Field::Id;
        } else {
            if (!has_id || has_str) {
                error(line_number, "msgstr without a msgid before it");
                continue;
            }
            entry.msgstr = std::move(*value);
            has_str = true;
            field = Field::Str;
        }
    }
    flush();
    if (diags.ErrorCount() > errors_before) return std::nullopt;
    return po;
}

} // namespace kiosk
