#include "config_path.h"

#include <charconv>
#include <cstdio>

namespace kiosk {

std::filesystem::path DefaultConfigPath() {
    std::error_code ec;
    if (std::filesystem::is_regular_file("config/kiosk.toml", ec)) return "config/kiosk.toml";
    return "/etc/maison-du-projet/kiosk.toml";
}

std::optional<std::pair<int, int>> ParseSize(const std::string& text) {
    size_t x = text.find('x');
    if (x == std::string::npos) return std::nullopt;
    int w = 0, h = 0;
    auto [pw, ew] = std::from_chars(text.data(), text.data() + x, w);
    auto [ph, eh] = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
    if (ew != std::errc() || eh != std::errc() || pw != text.data() + x || ph != text.data() + text.size())
        return std::nullopt;
    if (w < 320 || h < 320 || w > 16384 || h > 16384) return std::nullopt;
    return std::pair{w, h};
}

void PrintDiagnostics(const Diagnostics& diags) {
    for (const Diagnostic& d : diags.All())
        std::fprintf(stderr, "%s\n", d.Format().c_str());
}

} // namespace kiosk
