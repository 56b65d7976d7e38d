#include "command_line.h"

#include <CLI/CLI.hpp>

namespace kiosk {

std::optional<int> ParseCommandLine(CLI::App& cli, int argc, const char* const* argv) {
    try {
        cli.parse(argc, argv);
        return std::nullopt;
    } catch (const CLI::ParseError& e) {
        // CLI::App::exit prints the help, the version or the error message, as CLI11_PARSE
        // does; only the code it returns is replaced. Help and version are Success (0).
        const int code = cli.exit(e);
        return code == static_cast<int>(CLI::ExitCodes::Success) ? 0 : kExitBadCommandLine;
    }
}

} // namespace kiosk
