#include "export/export_text.h"

namespace kiosk {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence at text[pos] (Unicode Table 3-7), or, when it is
// ill-formed, minus the length of its maximal subpart (at least 1 byte).
int SequenceLength(std::string_view text, size_t pos) {
    const auto byte = [&](size_t i) { return i < text.size() ? (unsigned char)text[i] : 0x100u; };
    const unsigned b0 = byte(pos);
    if (b0 == 0) return -1; // NUL: see export_text.h
    if (b0 < 0x80) return 1;
    int length;
    unsigned low = 0x80, high = 0xBF; // range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF)
        length = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0) low = 0xA0;  // overlong
        if (b0 == 0xED) high = 0x9F; // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0) low = 0x90;  // overlong
        if (b0 == 0xF4) high = 0x8F; // past U+10FFFF
    } else
        return -1;
    for (int i = 1; i < length; i++) {
        const unsigned b = byte(pos + i);
        if (i == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) return -i;
    }
    return length;
}

} // namespace

bool IsExportClean(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const unsigned char c = (unsigned char)text[pos];
        if (c >= 0x01 && c < 0x80) { // ASCII, the usual case, byte by byte
            pos++;
            continue;
        }
        const int length = SequenceLength(text, pos);
        if (length < 0) return false;
        pos += (size_t)length;
    }
    return true;
}

std::string CleanForExport(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (size_t pos = 0; pos < text.size();) {
        const int length = SequenceLength(text, pos);
        if (length < 0)
            out += kReplacement;
        else
            out.append(text.substr(pos, (size_t)length));
        pos += (size_t)(length < 0 ? -length : length);
    }
    return out;
}

const Response& CleanForExport(const Response& r, Response& scratch) {
    const auto clean = [](const std::optional<std::string>& text) { return !text || IsExportClean(*text); };
    bool all_clean = IsExportClean(r.uuid) && IsExportClean(r.kiosk_id) && IsExportClean(r.survey_id) &&
                     IsExportClean(r.language) && IsExportClean(r.started_at) &&
                     IsExportClean(r.submitted_at);
    for (size_t i = 0; all_clean && i < r.answers.size(); i++) {
        const Answer& a = r.answers[i];
        all_clean = IsExportClean(a.question_id) && clean(a.option_id) && clean(a.text) && clean(a.plan_id);
    }
    if (all_clean) return r;
    scratch = r;
    const auto fix = [](std::string& text) {
        if (!IsExportClean(text)) text = CleanForExport(text);
    };
    const auto fix_optional = [&](std::optional<std::string>& text) {
        if (text) fix(*text);
    };
    for (std::string* text : {&scratch.uuid, &scratch.kiosk_id, &scratch.survey_id, &scratch.language,
                              &scratch.started_at, &scratch.submitted_at})
        fix(*text);
    for (Answer& a : scratch.answers) {
        fix(a.question_id);
        fix_optional(a.option_id);
        fix_optional(a.text);
        fix_optional(a.plan_id);
    }
    return scratch;
}

} // namespace kiosk
