#include "text/languages.h"

namespace kiosk {

std::string_view Languages::VariantOf(std::string_view code) const {
    auto it = variant_of_.find(code);
    return it == variant_of_.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view Languages::Base(std::string_view code) const {
    std::string_view base = VariantOf(code);
    return base.empty() ? code : base;
}

} // namespace kiosk
