#include "config/toml_nesting.h"

#include <vector>

namespace kiosk {

namespace {

class NestingScanner {
public:
    NestingScanner(std::string_view text, int limit) : text_(text), limit_(limit) {}

    std::optional<NestingExcess> Run() {
        // A UTF-8 byte order mark would otherwise hide a table header on the first line.
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        while (pos_ < text_.size() && !excess_)
            Step();
        return excess_;
    }

private:
    enum class Mode { LineStart, Key, Value };
    struct Open {
        char kind; // '[' (array) or '{' (inline table)
        int outer; // depth before it opened
    };

    void Step() {
        char c = text_[pos_];
        if (c == '\n') {
            NewLine();
            pos_++;
            prev_ = 0;
            // Arrays may span lines; at the top level a new line starts a new statement.
            if (open_.empty()) {
                mode_ = Mode::LineStart;
                depth_ = table_depth_;
            }
            return;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            pos_++;
            return;
        }
        if (c == '#') { // a comment runs to the end of the line
            while (pos_ < text_.size() && text_[pos_] != '\n')
                pos_++;
            return;
        }
        if (c == '"' || c == '\'') {
            if (!QuoteMayStartHere()) {
                excess_ = NestingExcess{line_, (int)(pos_ - line_start_) + 1, false, true};
                return;
            }
            SkipString();
            prev_ = c;
            return;
        }
        // A value's array or inline table opens where a string may start; glued to a scalar
        // (`a = 0["à"]`) toml++ 3.3 reads on into what follows, as for a quote.
        if ((c == '[' || c == '{') && mode_ == Mode::Value && !QuoteMayStartHere()) {
            excess_ = NestingExcess{line_, (int)(pos_ - line_start_) + 1, false, true};
            return;
        }
        prev_ = c;
        if ((unsigned char)c >= 0x80) {
            excess_ = NestingExcess{line_, (int)(pos_ - line_start_) + 1, true};
            return;
        }
        switch (mode_) {
        case Mode::LineStart:
            if (c == '[') {
                Header();
                return;
            }
            mode_ = Mode::Key;
            Deeper(table_depth_ + 1); // the key's first segment
            return;                   // the same character is read again as part of the key
        case Mode::Key:
            if (c == '.')
                Deeper(depth_ + 1);
            else if (c == '=')
                mode_ = Mode::Value;
            else if (c == '}')
                Close();
            pos_++;
            return;
        case Mode::Value: Value(c); return;
        }
    }

    // A string starts a key or a value: after the line's start, '=', '[', ',', '{' (and '.'
    // between key segments). A quote glued to a scalar (`u = 0"ù"`) is never valid TOML, and
    // toml++ 3.3 then reads on past the quote to find the end of the scalar, reaching the
    // non-ASCII text inside through the same Unicode table with holes (found by fuzzing).
    bool QuoteMayStartHere() const {
        switch (prev_) {
        case 0:
        case '=':
        case '[':
        case ',':
        case '{': return true;
        case '.': return mode_ == Mode::Key;
        default: return false;
        }
    }

    void Value(char c) {
        pos_++;
        if (c == '[' || c == '{') {
            open_.push_back({c, depth_});
            Deeper(depth_ + 1);
            if (c == '{') {
                mode_ = Mode::Key;
                Deeper(depth_ + 1); // the first key segment inside it
            }
        } else if (c == ']' || c == '}') {
            Close();
        } else if (c == ',' && !open_.empty()) {
            depth_ = open_.back().outer + 1;
            if (open_.back().kind == '{') {
                mode_ = Mode::Key;
                Deeper(depth_ + 1);
            }
        }
        // Anything else is part of a scalar (numbers and dates have dots that are no keys).
    }

    // Closing bracket or brace: back to the depth outside it (unbalanced ones are left to
    // the parser's error).
    void Close() {
        if (open_.empty()) return;
        depth_ = open_.back().outer;
        open_.pop_back();
        mode_ = Mode::Value;
    }

    // `[a.b.c]` or `[[a.b.c]]` at the start of a line: the header's segments set the depth
    // of every key below it.
    void Header() {
        Deeper(1);
        pos_++;
        if (pos_ < text_.size() && text_[pos_] == '[') pos_++;
        while (pos_ < text_.size() && !excess_) {
            char c = text_[pos_];
            if (c == '\n' || c == ']' || c == '#') break;
            if (c == '"' || c == '\'') {
                SkipString();
                continue;
            }
            if (c == '.') Deeper(depth_ + 1);
            if ((unsigned char)c >= 0x80) excess_ = NestingExcess{line_, (int)(pos_ - line_start_) + 1, true};
            pos_++;
        }
        table_depth_ = depth_;
        // What follows on the line (the closing brackets, a comment) is no key; toml++ rejects
        // anything else.
        mode_ = Mode::Value;
    }

    void Deeper(int depth) {
        depth_ = depth;
        if (depth_ > limit_ && !excess_) excess_ = NestingExcess{line_, (int)(pos_ - line_start_) + 1};
    }

    char prev_ = 0; // the last character outside strings and comments on this line (0: none)

    void NewLine() {
        line_++;
        line_start_ = pos_ + 1;
    }

    // Skips a string of any of TOML's four kinds, counting the lines of multi-line ones.
    void SkipString() {
        const char quote = text_[pos_];
        const bool escapes = quote == '"';
        const std::string_view triple = escapes ? std::string_view("\"\"\"") : std::string_view("'''");
        if (text_.substr(pos_, 3) == triple) {
            pos_ += 3;
            while (pos_ < text_.size()) {
                char c = text_[pos_];
                if (escapes && c == '\\') {
                    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
                        pos_++;
                        NewLine();
                    }
                    pos_ += 2;
                    continue;
                }
                if (text_.substr(pos_, 3) == triple) {
                    pos_ += 3;
                    // Up to two quotes may end the content right before the closing three.
                    for (int extra = 0; extra < 2 && pos_ < text_.size() && text_[pos_] == quote; extra++)
                        pos_++;
                    return;
                }
                if (c == '\n') NewLine();
                pos_++;
            }
            return;
        }
        pos_++;
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c == '\n') return; // unterminated: the parser stops there
            pos_++;
            if (escapes && c == '\\') {
                if (pos_ < text_.size() && text_[pos_] != '\n') pos_++;
                continue;
            }
            if (c == quote) return;
        }
    }

    std::string_view text_;
    int limit_;
    size_t pos_ = 0;
    int line_ = 1;
    size_t line_start_ = 0;
    Mode mode_ = Mode::LineStart;
    int table_depth_ = 0; // depth of the current [table] header
    int depth_ = 0;
    std::vector<Open> open_;
    std::optional<NestingExcess> excess_;
};

} // namespace

std::optional<NestingExcess> FindExcessiveNesting(std::string_view text, int limit) {
    return NestingScanner(text, limit).Run();
}

} // namespace kiosk
