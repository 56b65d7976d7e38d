// A bound on how deeply a TOML text nests, checked before toml++ sees it.
//
// toml++ recurses once per level of a dotted key (`a.b.c...`), a table header
// (`[a.b.c...]`, `[[a.b...]]`), an inline table or an array, both while parsing and while
// destroying the tree: about 35 000 levels (a 70 KB file) overflow the stack and the kiosk
// dies with SIGSEGV before it can show or log anything. No kiosk file needs more than a
// handful of levels, so ParseTomlFile refuses a text nesting deeper than kMaxTomlNesting,
// at the line where it goes too deep, like any other syntax error.
#pragma once

#include <optional>
#include <string_view>

namespace kiosk {

// Levels a kiosk file may nest: every key segment, '[' and '{' counts one (a value inside
// an inline table counts two per level), so the deepest real file uses about 8.
inline constexpr int kMaxTomlNesting = 64;

struct NestingExcess {
    int line = 0;   // 1-based line where the text first nests deeper than allowed
    int column = 0; // 1-based (in bytes)
    // Not nesting but a byte above 127 outside strings and comments (`résumé = 1`): never
    // valid TOML, and toml++ 3.3 reads such a character in a key through a Unicode table
    // with holes that reach __builtin_unreachable (undefined behaviour, found by fuzzing:
    // tests/fuzz), so it is refused here too.
    bool non_ascii = false;
    // Not nesting but a quote, '[' or '{' glued to the value before it (`u = 0"ù"`,
    // `a = 0["à"]`): never valid TOML, and toml++ 3.3 reads past it into the quoted text as
    // above (both found by fuzzing).
    bool glued = false;
};

// Scans `text` as TOML's lexical structure (strings, comments, headers, keys, values)
// without building anything; linear time, constant stack. Returns where it first nests
// deeper than `limit`, or nothing. Malformed text is scanned as far as it goes (the parser
// reports its syntax); the count never under-estimates the depth toml++ would build.
// Also stops at the first non-ASCII byte outside strings and comments (see `non_ascii`).
std::optional<NestingExcess> FindExcessiveNesting(std::string_view text, int limit = kMaxTomlNesting);

} // namespace kiosk
