// SyncConfig: the [sync] table of kiosk.toml — where kiosk-sync delivers the answers.
//
//   [sync]
//   state = "/var/lib/maison-du-projet/sync-state.db"   # kiosk-sync's own file
//   secrets = "/etc/maison-du-projet/sync-secrets.toml"  # tokens; mode 0600 or 0640
//   include_test = false
//   licence = "etalab-2.0"        # of the published data (datapackage.json)
//
//   [[sync.destination]]          # a network share or a USB key
//   name = "partage-mairie"
//   dir = "/mnt/mairie/maison-du-projet"
//   mount_point = "/mnt/mairie"   # nothing is written unless the share is mounted there
//   formats = ["xlsx", "csv-wide", "csv-long", "jsonl", "geojson"]  # the default: all
//   profile = "excel-fr"
//
//   [[sync.destination]]          # the city's HTTPS endpoint
//   name = "api-ville"
//   url = "https://donnees.ville.example/maison-du-projet/batches"
//   token = "api-ville"           # the key of the token in the secrets file's [tokens]
//
//   [[sync.destination]]          # the city's PostgreSQL database (several kiosks, one database)
//   name = "base-ville"
//   postgres = "postgresql://kiosk_maison@db.ville.example/participation?sslmode=verify-full"
//   password = "base-ville"       # the key of the password in the secrets file's [passwords]
//   schema = "kiosk"
//
// Every key is in README.md ("Sending answers to the city").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "export/export_options.h"

namespace kiosk {

class TableReader;

enum class DestinationKind { Directory, Https, Postgres };

const char* ToString(DestinationKind kind); // "dir", "https", "postgres"

struct DestinationConfig {
    std::string name; // the state's key: renaming a destination starts it from the beginning
    DestinationKind kind = DestinationKind::Directory;
    std::filesystem::path dir;          // Directory
    std::filesystem::path mount_point;  // Directory: another file system must be mounted here ("" = no check)
    std::string url;                    // Https: https:// only (TLS verification is always on)
    std::string token;                  // Https: name of the bearer token in the secrets file ("" = none)
    std::filesystem::path ca_file;      // Https: extra CA certificates (PEM) trusted for this URL
    std::string postgres;               // Postgres: a libpq URI, without a password
    std::string password;               // Postgres: name of the password in the secrets file ("" = none)
    std::string schema = "kiosk";       // Postgres: the PostgreSQL schema the tables live in
    ExportOptions export_options;       // Directory: formats and CSV profile
    int batch_size = 0;                 // responses per batch; 0 = the kind's default
    double timeout_seconds = 30;        // Https: one request, connection included; Postgres: connecting
    int attempts = 5;                   // Https: tries per batch within one run
    double retry_initial_seconds = 1.0; // Https: back-off before the 2nd try, doubling …
    double retry_max_seconds = 60.0;    // … up to this (with jitter)

    int EffectiveBatchSize() const {
        return batch_size > 0 ? batch_size : kind == DestinationKind::Https ? 500 : 10000;
    }
    std::string Target() const {
        return kind == DestinationKind::Https      ? url
               : kind == DestinationKind::Postgres ? postgres
                                                   : dir.string();
    }
};

struct SyncConfig {
    std::filesystem::path state;   // default: sync-state.db beside the responses database
    bool state_given = false;      // `state` was in the file (else it follows --db)
    std::filesystem::path secrets; // optional
    bool include_test = false;     // test and synthetic responses are left out unless true
    std::string licence;           // an id of data_package.h's FindDataLicence (default etalab-2.0)
    std::vector<DestinationConfig> destinations;
};

// Reads [sync] (absent = no destination configured). `database` gives the state's default.
void ReadSyncTable(TableReader& root, const std::filesystem::path& database, SyncConfig& sync);

// Reads the [sync] table of the configuration file `file` (the kiosk's own loader leaves it
// to kiosk-sync). Nothing when the file or the table has an error; every problem is in
// `diags` at its file:line:column. The rest of the file is the kiosk's (LoadKioskConfig).
std::optional<SyncConfig> LoadSyncConfig(const std::filesystem::path& file,
                                         const std::filesystem::path& database, Diagnostics& diags);

// Why a `dir` destination needs a `mount_point` it lacks (nothing when it is fine): a directory
// under /mnt or /media is a share's or a USB key's, and it exists whether or not anything is
// mounted on it — without mount_point, kiosk-sync would write onto the kiosk's own disk.
std::optional<std::string> MissingMountPoint(const DestinationConfig& destination);

// A PostgreSQL schema name kiosk-sync accepts: 1 to 63 of [a-z0-9_], not starting with a digit.
bool IsValidSchemaName(std::string_view name);

// Why `uri` cannot name a PostgreSQL destination (nothing when it can): it must be a
// postgresql:// or postgres:// URI and hold no password (that belongs in the secrets file).
std::optional<std::string> BadPostgresUri(std::string_view uri);

// "dir:/path", "https://…" or "postgresql://…" (kiosk-sync --to): a destination with default settings, named
// by the text itself. Nothing (and `error`) when it is neither.
std::optional<DestinationConfig> ParseDestinationArgument(const std::string& text, std::string& error);

} // namespace kiosk
