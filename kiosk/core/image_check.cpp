#include "image_check.h"

#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace kiosk {

std::vector<ImageReference> ImageReferences(const KioskData& data) {
    std::vector<ImageReference> refs;
    auto add = [&](const std::filesystem::path& file, const SourcePos& where, const char* key, ImageUse use) {
        if (!file.empty()) refs.push_back({file, where, key, use});
    };
    for (const Plan& plan : data.content.plans) {
        add(plan.image.file, plan.image.where, "image", ImageUse::Plan);
        if (plan.before) add(plan.before->file, plan.before->where, "image", ImageUse::Plan);
        for (const Hotspot& h : plan.hotspots)
            add(h.photo, h.photo_where, "photo", ImageUse::Photo);
    }
    for (const Phase& phase : data.content.phases)
        add(phase.image, phase.image_where, "image", ImageUse::Photo);
    for (const Survey& survey : data.surveys)
        for (const Question& question : survey.questions)
            for (const Option& option : question.options)
                add(option.picture, option.picture_where, "picture", ImageUse::Picture);
    return refs;
}

Diagnostics CheckImages(const KioskData& data, const Diagnostics& loaded) {
    std::vector<Diagnostic> errors;
    // A file's decode result, whatever the cap: checked once however often it is named.
    std::map<std::filesystem::path, std::string> decoded;
    for (const ImageReference& ref : ImageReferences(data)) {
        const int64_t cap = MaxDecodedBytes(ref.use);
        std::string error;
        std::optional<ImageInfo> info = ReadImageInfo(ref.file, error);
        if (info && info->DecodedBytes() <= cap) {
            auto it = decoded.find(ref.file);
            if (it == decoded.end()) {
                std::string problem;
                CheckImageFile(ref.file, cap, problem);
                it = decoded.emplace(ref.file, problem).first;
            }
            error = it->second;
        } else if (info) {
            CheckImageFile(ref.file, cap, error); // refused from its header: nothing decoded
        }
        if (error.empty()) continue;
        errors.push_back({Severity::Error, ref.where,
                          fmt::format("{}: {}: {} (as a {}, the kiosk would show a placeholder)", ref.key,
                                      ref.file.string(), error, ImageUseName(ref.use))});
    }
    // The loader's warning for the same file at the same key says less: the error replaces it.
    std::set<std::tuple<std::string, int, int>> replaced;
    for (const Diagnostic& e : errors)
        replaced.insert({e.where.file, e.where.line, e.where.column});
    Diagnostics out;
    for (const Diagnostic& d : loaded.All()) {
        const bool superseded = d.severity == Severity::Warning &&
                                replaced.count({d.where.file, d.where.line, d.where.column}) &&
                                d.message.find("(a placeholder will be shown)") != std::string::npos;
        if (superseded) continue;
        if (d.severity == Severity::Error)
            out.Error(d.where, d.message);
        else
            out.Warning(d.where, d.message);
    }
    for (const Diagnostic& e : errors)
        out.Error(e.where, e.message);
    return out;
}

} // namespace kiosk
