#include "sync/secrets.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include <fmt/format.h>

#include "config/toml_reader.h"

namespace kiosk {

std::optional<Secrets> LoadSecrets(const std::filesystem::path& file, Diagnostics& diags) {
    const int errors_before = diags.ErrorCount();
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        diags.Error({file.string()}, fmt::format("cannot read the secrets file: {}", std::strerror(errno)));
        return std::nullopt;
    }
    if (st.st_mode & (S_IROTH | S_IWOTH)) {
        diags.Error({file.string()},
                    fmt::format("refused: the secrets file is {} by others (mode {:04o}); make "
                                "it private with: chmod 600 {}",
                                (st.st_mode & S_IROTH) ? "readable" : "writable", st.st_mode & 07777,
                                file.string()));
        return std::nullopt;
    }
    std::optional<toml::table> table = ParseTomlFile(file, diags);
    if (!table) return std::nullopt;
    TableReader root(*table, "", file.string(), diags);
    Secrets out;
    if (!root.Has("tokens") && !root.Has("passwords"))
        root.Error("tokens", "the secrets file holds neither [tokens] nor [passwords]");
    for (const char* name : {"tokens", "passwords"}) {
        TableReader entries = TableReader::Sub(root, name);
        auto& out_entries = std::string_view(name) == "tokens" ? out.tokens : out.passwords;
        for (const auto& [key, node] : entries.Table()) {
            std::optional<std::string> value = entries.String(key.str(), Need::Required);
            if (value && value->empty()) entries.Error(key.str(), "the secret is empty");
            if (value) out_entries.emplace(std::string(key.str()), *value);
        }
        entries.Finish();
    }
    root.Finish();
    if (diags.ErrorCount() > errors_before) return std::nullopt;
    return out;
}

} // namespace kiosk
