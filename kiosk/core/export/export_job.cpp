#include "export/export_job.h"

#include <fmt/format.h>

#include "export/durable_file.h"

namespace kiosk {

namespace {

// "2026-12-01T10:15:00.123Z" → "20261201T101500Z" (a file name that sorts by time).
std::string CompactTime(const std::string& iso) {
    std::string out;
    for (char c : iso.substr(0, 19))
        if (std::isdigit((unsigned char)c) || c == 'T') out += c;
    return out + "Z";
}

// The export's name, <kiosk>.export.<UTC time>, then -2, -3 … when that second has one
// already (a second export in the same second, or two at once). A name is reserved by
// creating its staging directory — mkdir is atomic, so two exports never share one — and is
// taken only if no finished export has it. A staging directory left by a killed export
// keeps its name reserved; nothing else is lost.
bool ReserveName(const std::filesystem::path& out, const std::string& base, std::string& name,
                 std::filesystem::path& staging, std::string& error) {
    namespace fs = std::filesystem;
    for (int n = 1; n <= 1000; n++) {
        name = n == 1 ? base : fmt::format("{}-{}", base, n);
        staging = out / (".partial-" + name);
        std::error_code ec;
        if (!fs::create_directory(staging, ec)) {
            if (ec) {
                error = fmt::format("cannot create {}: {}", staging.string(), ec.message());
                return false;
            }
            continue; // another export's, being written
        }
        if (!fs::exists(out / name, ec)) return true;
        fs::remove(staging, ec);
    }
    error = fmt::format("{}: 1000 exports named {} already", out.string(), base);
    return false;
}

} // namespace

bool ExportToDirectory(ResponseSource& source, const std::vector<Survey>& surveys, const ExportJob& job,
                       ExportResult& result, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(job.out_dir, ec)) {
        error = fmt::format("{}: no such directory", job.out_dir.string());
        return false;
    }
    const std::optional<int64_t> upto = source.MaxSeq(error);
    if (!upto) return false;
    const std::optional<int64_t> total = source.Count(job.filter, 0, *upto, error);
    if (!total) return false;
    ExtraQuestions extra;
    if (job.options.Has(ExportFormat::CsvWide) &&
        !PlanWideColumns(source, job.filter, 0, *upto, surveys, extra, error))
        return false;

    std::string name;
    fs::path staging;
    if (!ReserveName(job.out_dir, fmt::format("{}.export.{}", job.kiosk_id, CompactTime(job.created_at)),
                     name, staging, error))
        return false;
    result.dir = job.out_dir / name;
    auto give_up = [&]() {
        fs::remove_all(staging, ec);
        return false;
    };

    ExportWriter writer(staging, job.options, surveys, std::move(extra), job.context);
    if (!writer.Begin(error)) return give_up();
    if (job.progress) job.progress(0, *total);
    bool write_ok = true;
    for (int64_t after = 0; after < *upto;) {
        const int64_t chunk_end = std::min(*upto, after + job.chunk);
        write_ok = source.Read(
            job.filter, after, chunk_end, 0, [&](const Response& r) { return writer.Add(r, error); }, error);
        if (!write_ok || !error.empty()) return give_up();
        after = chunk_end;
        if (job.progress) job.progress(writer.Counts().responses, *total);
    }

    ExportIdentity identity;
    identity.batch_id = name;
    identity.kiosk_id = job.kiosk_id;
    identity.database_id = source.DatabaseId();
    identity.schema_version = source.SchemaVersion();
    identity.created_at = job.created_at;
    identity.after_seq = 0;
    identity.last_seq = *upto;
    identity.filter = job.filter;
    if (!writer.Finish(identity, error)) return give_up();
    // rename(2) never replaces a directory that has files: a finished export is never overwritten.
    if (!RenameDurably(staging, result.dir, error)) return give_up();
    result.counts = writer.Counts();
    result.files = writer.Files();
    return true;
}

} // namespace kiosk
