// ExportToDirectory: a one-off export (kiosk-sync export), e.g. onto a USB key.
//
// Writes <out>/<kiosk>.export.<UTC time>[-N]/ in ExportWriter's layout — through a hidden
// staging directory renamed into place, like a dir destination — reading the database in
// chunks of `chunk` responses, one short read transaction each, up to the largest seq
// present when the export started. Does not touch the sync state.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "export/export_writer.h"
#include "export/response_source.h"

namespace kiosk {

struct ExportJob {
    std::filesystem::path out_dir;
    std::string kiosk_id;
    std::string created_at; // UTC ISO-8601
    ExportOptions options;
    ResponseFilter filter;
    int64_t chunk = 10000;
    std::function<void(int64_t done, int64_t total)> progress = {};
    ExportContext context = {}; // licence, demo marker, georeferenced plans
};

struct ExportResult {
    std::filesystem::path dir; // the export's directory
    ExportCounts counts;
    std::vector<ExportedFile> files;
};

bool ExportToDirectory(ResponseSource& source, const std::vector<Survey>& surveys, const ExportJob& job,
                       ExportResult& result, std::string& error);

} // namespace kiosk
