#include "text_direction.h"

#include "text/bidi.h"

namespace kiosk {

namespace {
const TextDirection* g_current = nullptr;
// Far more than the texts of every screen in every language: the cache only grows with
// what visitors type (each keystroke's text is a new entry).
constexpr size_t kMaxCachedTexts = 4096;
} // namespace

const std::string& TextDirection::Lookup(Cache& cache, const std::string& text, Order order) const {
    if (auto it = cache.shown.find(text); it != cache.shown.end()) return it->second;
    std::string shown = order == Order::Mirrored ? MirroredDrawOrder(text)
                        : order == Order::Visual ? VisualOrderRtl(text)
                                                 : VisualOrderAuto(text);
    cache.logical.emplace(shown, text);
    return cache.shown.emplace(text, std::move(shown)).first->second;
}

const std::string& TextDirection::Shown(const std::string& text) const {
    if (text.empty()) return text;
    if (!right_to_left_) // an Arabic name or answer on a left-to-right screen: shaped too
        return HasRtlLetters(text) ? Lookup(auto_, text, Order::Auto) : text;
    return unmirrored_depth_ > 0 ? Lookup(visual_, text, Order::Visual)
                                 : Lookup(mirrored_, text, Order::Mirrored);
}

std::string_view TextDirection::Logical(std::string_view shown) const {
    for (const Cache* cache : {&mirrored_, &visual_, &auto_})
        if (auto it = cache->logical.find(std::string(shown)); it != cache->logical.end()) return it->second;
    return shown;
}

void TextDirection::ForgetCacheIfLarge() {
    for (Cache* cache : {&mirrored_, &visual_, &auto_})
        if (cache->shown.size() > kMaxCachedTexts) *cache = Cache{};
}

const TextDirection* CurrentTextDirection() {
    return g_current;
}

TextDirectionScope::TextDirectionScope(const TextDirection& direction) : previous_(g_current) {
    g_current = &direction;
}

TextDirectionScope::~TextDirectionScope() {
    g_current = previous_;
}

} // namespace kiosk
