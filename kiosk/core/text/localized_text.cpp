#include "text/localized_text.h"

namespace kiosk {

const std::string& LocalizedText::Get(std::string_view language, std::string_view fallback_language) const {
    static const std::string empty;
    if (auto it = by_language_.find(language); it != by_language_.end()) return it->second;
    if (auto it = by_language_.find(fallback_language); it != by_language_.end()) return it->second;
    return by_language_.empty() ? empty : by_language_.begin()->second;
}

const std::string& LocalizedText::Get(const Languages& languages, std::string_view language) const {
    if (std::string_view base = languages.VariantOf(language); !base.empty())
        if (auto it = by_language_.find(language); it == by_language_.end())
            return Get(base, languages.Default());
    return Get(language, languages.empty() ? std::string_view() : std::string_view(languages.Default()));
}

} // namespace kiosk
