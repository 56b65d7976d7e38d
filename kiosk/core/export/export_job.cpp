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

    const std::string name = fmt::format("{}.export.{}", job.kiosk_id, CompactTime(job.created_at));
    const fs::path staging = job.out_dir / (".partial-" + name);
    result.dir = job.out_dir / name;
    fs::remove_all(staging, ec);
    if (!fs::create_directory(staging, ec)) {
        error = fmt::format("cannot create {}: {}", staging.string(), ec.message());
        return false;
    }
    auto give_up = [&]() {
        fs::remove_all(staging, ec);
        return false;
    };

    ExportWriter writer(staging, job.options, surveys, std::move(extra));
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
    if (fs::exists(result.dir, ec)) {
        error = fmt::format("{} exists already; nothing was overwritten", result.dir.string());
        return give_up();
    }
    if (!RenameDurably(staging, result.dir, error)) return give_up();
    result.counts = writer.Counts();
    result.files = writer.Files();
    return true;
}

} // namespace kiosk
