// TextDirection: how this frame shows text — left to right, or an Arabic screen drawn
// mirrored (rtl_mirror.h).
//
// On a right-to-left screen every text a screen gets from the catalogues or the content
// (App::Tr, App::Text, App::Format) comes back shaped and in mirrored draw order
// (text/bidi.h): the screens keep their left-to-right code, and the mirror at the end of the
// frame puts each line in Arabic reading order, right-aligned, with the layout flipped. Inside
// a region kept unmirrored (a plan: rtl_mirror.h) texts are given in visual order instead.
// The shaped strings are cached: a screen asks for the same texts every frame.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace kiosk {

class TextDirection {
public:
    // Set by the shell before a frame is drawn.
    void SetRightToLeft(bool rtl) { right_to_left_ = rtl; }
    bool RightToLeft() const { return right_to_left_; }

    // Regions kept unmirrored nest (UnmirroredRegion in rtl_mirror.h).
    void EnterUnmirrored() { unmirrored_depth_++; }
    void LeaveUnmirrored() { unmirrored_depth_--; }
    // Texts are handed over in mirrored draw order (not inside a kept region).
    bool Mirrored() const { return right_to_left_ && unmirrored_depth_ == 0; }

    // `text` as this frame must hand it to Dear ImGui: itself on a left-to-right screen
    // unless it has Arabic letters (then shaped and in visual order). The reference stays
    // valid until ForgetCacheIfLarge().
    const std::string& Shown(const std::string& text) const;

    // The text a shown string came from (what « Écouter » reads), or `shown` itself.
    std::string_view Logical(std::string_view shown) const;

    // Bounds the cache: called by the shell between frames.
    void ForgetCacheIfLarge();

private:
    struct Cache {
        std::unordered_map<std::string, std::string> shown;   // logical → shown
        std::unordered_map<std::string, std::string> logical; // shown → logical
    };
    enum class Order { Mirrored, Visual, Auto };
    const std::string& Lookup(Cache& cache, const std::string& text, Order order) const;

    bool right_to_left_ = false;
    int unmirrored_depth_ = 0;
    mutable Cache mirrored_, visual_, auto_;
};

// The direction of the frame being drawn (set by the shell for the duration of a frame,
// like SpeechScriptScope), for the widgets that only get a string: null outside a frame.
const TextDirection* CurrentTextDirection();
class TextDirectionScope {
public:
    explicit TextDirectionScope(const TextDirection& direction);
    ~TextDirectionScope();
    TextDirectionScope(const TextDirectionScope&) = delete;
    TextDirectionScope& operator=(const TextDirectionScope&) = delete;

private:
    const TextDirection* previous_;
};

} // namespace kiosk
