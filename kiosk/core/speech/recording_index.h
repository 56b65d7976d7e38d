// RecordingIndex: recorded files that replace synthesis for given texts (a human voice, for
// example for a language espeak-ng speaks badly).
//
// The file `[read_aloud] recordings` names (README "Read-aloud") lists them:
//
//     [[recording]]
//     language = "fr"
//     text = "Les plans du quartier"     # the text exactly as the screen shows it
//     file = "fr/plans.wav"              # relative to this file; any WAV SDL reads
//
// A text matches when it is the same once runs of spaces and line breaks are made one
// space. A screen's text is read piece by piece (a title, a paragraph, an option's label),
// so a recording replaces one piece and the rest is still synthesised.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "base/diagnostics.h"

namespace kiosk {

class RecordingIndex {
public:
    // The recording for `text` in `language`, or null.
    const std::filesystem::path* Find(std::string_view language, std::string_view text) const;
    void Add(std::string language, std::string_view text, std::filesystem::path file);
    size_t Size() const { return files_.size(); }

private:
    std::map<std::pair<std::string, std::string>, std::filesystem::path> files_;
};

// `text` with each run of whitespace made one space, trimmed: how texts are compared.
std::string NormalizeSpokenText(std::string_view text);

// Reads the index. Problems (syntax, a missing key, a file that does not exist) are
// reported with file:line to `diags`; entries with a problem are left out, the rest kept.
RecordingIndex LoadRecordingIndex(const std::filesystem::path& file, Diagnostics& diags);

} // namespace kiosk
