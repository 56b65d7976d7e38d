#include "export/export_options.h"

#include <algorithm>

namespace kiosk {

namespace {
constexpr std::pair<ExportFormat, const char*> kFormatNames[] = {
    {ExportFormat::CsvWide, "csv-wide"}, {ExportFormat::CsvLong, "csv-long"},
    {ExportFormat::JsonLines, "jsonl"},  {ExportFormat::GeoJson, "geojson"},
    {ExportFormat::Xlsx, "xlsx"},
};
} // namespace

const char* ToString(ExportFormat format) {
    for (const auto& [f, name] : kFormatNames)
        if (f == format) return name;
    return "?";
}

std::optional<ExportFormat> ParseExportFormat(std::string_view text) {
    for (const auto& [f, name] : kFormatNames)
        if (text == name) return f;
    return std::nullopt;
}

std::string ExportFormatNames() {
    std::string out;
    for (const auto& [f, name] : kFormatNames)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

bool ExportOptions::Has(ExportFormat format) const {
    return std::find(formats.begin(), formats.end(), format) != formats.end();
}

nlohmann::json ToJson(const ExportOptions& options) {
    nlohmann::json formats = nlohmann::json::array();
    for (ExportFormat f : options.formats)
        formats.push_back(ToString(f));
    return {{"formats", formats},
            {"profile", ToString(options.profile)},
            {"one_hot", options.one_hot},
            {"header_language", options.header_language}};
}

std::optional<ExportOptions> ExportOptionsFromJson(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    ExportOptions out;
    out.formats.clear();
    const nlohmann::json& formats = json.value("formats", nlohmann::json::array());
    if (!formats.is_array()) return std::nullopt;
    for (const nlohmann::json& f : formats) {
        std::optional<ExportFormat> format =
            f.is_string() ? ParseExportFormat(f.get<std::string>()) : std::nullopt;
        if (!format) return std::nullopt;
        out.formats.push_back(*format);
    }
    std::optional<CsvProfile> profile = ParseCsvProfile(json.value("profile", "opendata"));
    if (!profile) return std::nullopt;
    out.profile = *profile;
    out.one_hot = json.value("one_hot", false);
    out.header_language = json.value("header_language", "");
    return out;
}

} // namespace kiosk
