#include "speech/recording_index.h"

#include <fmt/format.h>

#include "base/path_probe.h"
#include "config/toml_reader.h"

namespace kiosk {

std::string NormalizeSpokenText(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

const std::filesystem::path* RecordingIndex::Find(std::string_view language, std::string_view text) const {
    auto it = files_.find({std::string(language), NormalizeSpokenText(text)});
    return it == files_.end() ? nullptr : &it->second;
}

void RecordingIndex::Add(std::string language, std::string_view text, std::filesystem::path file) {
    files_[{std::move(language), NormalizeSpokenText(text)}] = std::move(file);
}

RecordingIndex LoadRecordingIndex(const std::filesystem::path& file, Diagnostics& diags) {
    RecordingIndex index;
    std::optional<toml::table> table = ParseTomlFile(file, diags);
    if (!table) return index;
    const std::filesystem::path dir = file.parent_path();
    const toml::array* list = table->get_as<toml::array>("recording");
    if (!list) {
        diags.Warning({file.string()}, "no [[recording]] entries");
        return index;
    }
    for (const toml::node& node : *list) {
        const SourcePos where{file.string(), (int)node.source().begin.line, (int)node.source().begin.column};
        const toml::table* entry = node.as_table();
        const auto* language = entry ? entry->get_as<std::string>("language") : nullptr;
        const auto* text = entry ? entry->get_as<std::string>("text") : nullptr;
        const auto* path = entry ? entry->get_as<std::string>("file") : nullptr;
        if (!language || !text || !path) {
            diags.Error(where, "recording: expected the strings language, text and file");
            continue;
        }
        std::filesystem::path recorded = dir / path->get();
        if (!ProbePath(recorded).IsRegularFile()) {
            diags.Error(where, fmt::format("recording: {} is not a readable file", recorded.string()));
            continue;
        }
        index.Add(language->get(), text->get(), recorded);
    }
    return index;
}

} // namespace kiosk
