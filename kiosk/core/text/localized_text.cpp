#include "text/localized_text.h"

namespace kiosk {

const std::string& LocalizedText::Get(std::string_view language, std::string_view fallback_language) const {
    static const std::string empty;
    if (auto it = by_language_.find(language); it != by_language_.end()) return it->second;
    if (auto it = by_language_.find(fallback_language); it != by_language_.end()) return it->second;
    return by_language_.empty() ? empty : by_language_.begin()->second;
}

} // namespace kiosk
