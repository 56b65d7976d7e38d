// Parsing the command line of the kiosk's programs, with the exit codes they document.
#pragma once

#include <optional>

namespace CLI {
class App;
}

namespace kiosk {

// The exit code of every kiosk program for a command line it cannot use (README "Command
// line"): an unknown option, a missing required option, a value of the wrong type or out
// of range, an option given twice that allows one. Programs also return it for their own
// checks of option values (a --size that is not WxH, a --language not configured).
inline constexpr int kExitBadCommandLine = 2;

// Parses argc/argv into `cli` — use it instead of CLI11_PARSE, whose exit codes are
// CLI11's own (105 for a value out of range, 106 for a missing option, 109 for an unknown
// one…), not the programs' documented ones.
//
//   if (std::optional<int> exit = ParseCommandLine(cli, argc, argv)) return *exit;
//
// Returns nothing when the program should run: every option was parsed. Otherwise returns
// the code main() must exit with, after CLI11 printed what it prints for that case:
//   0  --help (or --help-all, or a version flag made with CLI::App::set_version_flag): the
//      text went to stdout;
//   kExitBadCommandLine (2)  any parse error: CLI11's message and "Run with --help for more
//      information." went to stderr.
// Never throws CLI11's exceptions.
std::optional<int> ParseCommandLine(CLI::App& cli, int argc, const char* const* argv);

} // namespace kiosk
