#include "sync/sync_config.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "base/path_probe.h"
#include "config/toml_reader.h"
#include "export/data_package.h"

namespace kiosk {

namespace {

bool IsValidDestinationName(std::string_view name) {
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.';
    });
}

// Where a path is below `root` (lexically): "" when it is not, "." when it is `root`.
std::filesystem::path Below(const std::filesystem::path& path, const std::filesystem::path& root) {
    std::error_code ec;
    const std::filesystem::path rel =
        std::filesystem::absolute(path, ec).lexically_normal().lexically_relative(root);
    if (ec || rel.empty() || *rel.begin() == "..") return {};
    return rel;
}

void ReadMountPoint(TableReader& t, DestinationConfig& d) {
    if (std::optional<std::filesystem::path> mount_point = t.Path("mount_point")) {
        std::error_code ec;
        d.mount_point = std::filesystem::absolute(*mount_point, ec).lexically_normal();
        if (d.mount_point == d.mount_point.root_path())
            t.Error("mount_point",
                    "\"/\" is the kiosk's own disk: name the directory the share or USB key is "
                    "mounted on");
        else if (!d.dir.empty() && Below(d.dir, d.mount_point).empty())
            t.Error("mount_point", fmt::format("dir \"{}\" is not inside \"{}\": dir must be the mount point "
                                               "or a directory below it",
                                               d.dir.string(), d.mount_point.string()));
        return;
    }
    if (std::optional<std::string> why = MissingMountPoint(d)) t.Error("dir", *why);
}

void ReadDestination(TableReader& t, DestinationConfig& d) {
    if (std::optional<std::string> name = t.String("name", Need::Required)) {
        if (IsValidDestinationName(*name))
            d.name = *name;
        else
            t.Error("name", "use 1 to 64 letters, digits, '-', '_' or '.'");
    }
    const bool has_dir = t.Has("dir"), has_url = t.Has("url"), has_postgres = t.Has("postgres");
    if (int(has_dir) + int(has_url) + int(has_postgres) != 1)
        t.Error(has_url        ? "url"
                : has_postgres ? "postgres"
                               : "name",
                "give exactly one of `dir` (a directory), `url` (HTTPS) or `postgres` (a database)");
    if (has_dir) {
        d.kind = DestinationKind::Directory;
        d.dir = t.Path("dir", Need::Required).value_or("");
        ReadMountPoint(t, d);
    }
    if (has_url) {
        d.kind = DestinationKind::Https;
        d.url = t.String("url", Need::Required).value_or("");
        if (!d.url.empty() && d.url.rfind("https://", 0) != 0)
            t.Error("url", "must start with https:// (answers never travel unencrypted)");
        d.token = t.String("token", "");
        d.ca_file = t.Path("ca_file").value_or("");
        if (const PathProbe probe = ProbePath(d.ca_file); !d.ca_file.empty() && probe.error)
            t.Error("ca_file",
                    fmt::format("\"{}\" cannot be read: {}", d.ca_file.string(), probe.ErrorText()));
        else if (!d.ca_file.empty() && !probe.IsRegularFile())
            t.Error("ca_file", fmt::format("no such file \"{}\"", d.ca_file.string()));
        d.timeout_seconds = t.Float("timeout_seconds", d.timeout_seconds, 1, 600);
        d.attempts = (int)t.Int("attempts", d.attempts, 1, 20);
        d.retry_initial_seconds = t.Float("retry_initial_seconds", d.retry_initial_seconds, 0.01, 600);
        d.retry_max_seconds = t.Float("retry_max_seconds", d.retry_max_seconds, 0.01, 3600);
    }
    if (has_postgres) {
        d.kind = DestinationKind::Postgres;
        d.postgres = t.String("postgres", Need::Required).value_or("");
        if (std::optional<std::string> why = BadPostgresUri(d.postgres)) t.Error("postgres", *why);
        d.password = t.String("password", "");
        d.schema = t.String("schema", d.schema);
        if (!IsValidSchemaName(d.schema))
            t.Error("schema", "use 1 to 63 lowercase letters, digits or '_', starting with a letter or '_'");
        d.timeout_seconds = t.Float("timeout_seconds", d.timeout_seconds, 1, 600);
    }
    d.batch_size = (int)t.Int("batch_size", 0, 0, 100000);

    // Files: formats and profile (an https batch is always JSON, a database has its tables).
    if (has_dir || (!has_url && !has_postgres)) {
        std::vector<std::string> formats = t.StringArray("formats");
        if (t.Has("formats")) {
            d.export_options.formats.clear();
            for (const std::string& f : formats) {
                if (std::optional<ExportFormat> format = ParseExportFormat(f))
                    d.export_options.formats.push_back(*format);
                else
                    t.Error("formats", fmt::format("\"{}\" is not a format; use {}", f, ExportFormatNames()));
            }
            if (formats.empty())
                t.Error("formats", fmt::format("list at least one of {}", ExportFormatNames()));
        }
        const std::string profile = t.Choice("profile", {"opendata", "excel-fr"}, "opendata");
        d.export_options.profile = ParseCsvProfile(profile).value_or(CsvProfile::OpenData);
        d.export_options.one_hot = t.Bool("one_hot", false);
        d.export_options.header_language = t.String("header_language", "");
    }
    t.Finish();
}

} // namespace

bool IsValidSchemaName(std::string_view name) {
    return !name.empty() && name.size() <= 63 && !std::isdigit((unsigned char)name[0]) &&
           std::all_of(name.begin(), name.end(),
                       [](unsigned char c) { return (c >= 'a' && c <= 'z') || std::isdigit(c) || c == '_'; });
}

const char* ToString(DestinationKind kind) {
    switch (kind) {
    case DestinationKind::Directory: return "dir";
    case DestinationKind::Https: return "https";
    case DestinationKind::Postgres: return "postgres";
    }
    return "?";
}

void ReadSyncTable(TableReader& root, const std::filesystem::path& database, SyncConfig& sync) {
    TableReader t = TableReader::Sub(root, "sync");
    sync.state_given = t.Has("state");
    sync.state = t.Path("state").value_or(database.empty() ? std::filesystem::path()
                                                           : database.parent_path() / "sync-state.db");
    sync.secrets = t.Path("secrets").value_or("");
    sync.include_test = t.Bool("include_test", false);
    sync.licence = t.String("licence", kDefaultLicence);
    if (!FindDataLicence(sync.licence))
        t.Error("licence",
                fmt::format("\"{}\" is not a licence the kiosk knows: {}", sync.licence, DataLicenceIds()));
    for (TableReader& d : t.TableArray("destination")) {
        DestinationConfig& dest = sync.destinations.emplace_back();
        ReadDestination(d, dest);
        for (size_t i = 0; i + 1 < sync.destinations.size(); i++)
            if (!dest.name.empty() && sync.destinations[i].name == dest.name)
                d.Error("name", fmt::format("\"{}\" names two destinations", dest.name));
    }
    t.Finish();
}

std::optional<SyncConfig> LoadSyncConfig(const std::filesystem::path& file,
                                         const std::filesystem::path& database, Diagnostics& diags) {
    const int errors_before = diags.ErrorCount();
    std::optional<toml::table> table = ParseTomlFile(file, diags);
    if (!table) return std::nullopt;
    TableReader root(*table, "", file.string(), diags);
    SyncConfig sync;
    ReadSyncTable(root, database, sync);
    // No root.Finish(): the other tables are the kiosk's, checked by LoadKioskConfig.
    if (diags.ErrorCount() > errors_before) return std::nullopt;
    return sync;
}

std::optional<std::string> MissingMountPoint(const DestinationConfig& d) {
    if (d.kind != DestinationKind::Directory || !d.mount_point.empty() || d.dir.empty()) return std::nullopt;
    for (const char* root : {"/mnt", "/media"}) {
        const std::filesystem::path below = Below(d.dir, root);
        if (below.empty()) continue;
        const std::filesystem::path example =
            below == "." ? d.dir : std::filesystem::path(root) / *below.begin();
        return fmt::format(
            "\"{}\" is under {}: add mount_point = \"{}\" (the directory the share or USB key "
            "is mounted on), so that nothing is written onto the kiosk's own disk when nothing "
            "is mounted there",
            d.dir.string(), root, example.string());
    }
    return std::nullopt;
}

std::optional<std::string> BadPostgresUri(std::string_view uri) {
    std::string_view rest;
    for (std::string_view scheme : {"postgresql://", "postgres://"})
        if (uri.substr(0, scheme.size()) == scheme) rest = uri.substr(scheme.size());
    if (rest.data() == nullptr) return "expected a postgresql:// URI";
    // user:password@host — only the part before the host may hold a password.
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
    const size_t at = authority.rfind('@');
    const bool password_in_userinfo =
        at != std::string_view::npos && authority.substr(0, at).find(':') != std::string_view::npos;
    const size_t query = rest.find('?');
    const bool password_in_query =
        query != std::string_view::npos &&
        (rest.find("?password=") == query || rest.find("&password=") != std::string_view::npos);
    if (password_in_userinfo || password_in_query)
        return "the URI holds a password: put it in the secrets file's [passwords] and name it with "
               "`password` (kiosk.toml is readable by every account on the kiosk)";
    return std::nullopt;
}

std::optional<DestinationConfig> ParseDestinationArgument(const std::string& text, std::string& error) {
    DestinationConfig d;
    d.name = text;
    if (text.rfind("dir:", 0) == 0 && text.size() > 4) {
        d.kind = DestinationKind::Directory;
        d.dir = AbsolutePath(text.substr(4));
        return d;
    }
    if (text.rfind("https://", 0) == 0) {
        d.kind = DestinationKind::Https;
        d.url = text;
        return d;
    }
    if (text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0) {
        if (std::optional<std::string> why = BadPostgresUri(text)) {
            error = fmt::format("--to {}: {}", text, *why);
            return std::nullopt;
        }
        d.kind = DestinationKind::Postgres;
        d.postgres = text;
        return d;
    }
    error = fmt::format("--to {}: expected dir:/path, an https:// URL or a postgresql:// URI", text);
    return std::nullopt;
}

} // namespace kiosk
