// DrawContext: what a widget needs to draw, and where it reports what it drew.
//
// Widgets (buttons, tiles, chips, numbered discs, the keyboard's variants, dialogs…) take
// this rather than the App: they size themselves with the layout's metrics and fonts and
// record the touch targets they drew, but cannot navigate, record an answer or change what
// a visitor left on the screens. The App is a DrawContext, so a screen passes `app`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

#include "fonts.h"
#include "read_aloud/speech_script.h"
#include "rtl_mirror.h"
#include "text_direction.h"
#include "theme.h"
#include "ui_targets.h"

namespace kiosk {

struct DrawContext {
    Metrics metrics;
    Fonts fonts;            // what this frame draws with: built_fonts.standard or .large
    BuiltFonts built_fonts; // every size in the atlas (the shell switches `fonts`)

    // The last frame's touch targets by name, for screen tests and scripted screenshots.
    UiTargets targets;

    // Every touch target drawn this frame (TouchButton, Tile, …), cleared at the start of
    // each frame: tests audit their sizes and spacing on every screen.
    struct TouchTarget {
        ImVec2 min, max;
    };
    std::vector<TouchTarget> touch_targets;

    // Labels that did not fit the button or tile they were drawn in this frame (large text
    // in a narrow screen, a long translation), cleared with touch_targets: the layout
    // audits require it empty.
    struct TextOverflow {
        std::string text;
        ImVec2 box_min, box_max;
        ImVec2 text_size;
    };
    std::vector<TextOverflow> text_overflows;

    uint32_t clear_color = 0; // the current screen's background (see ScreenWindow)

    // The texts this frame drew, in order: what « Écouter » reads (read_aloud/speech_script.h).
    SpeechScript speech_script;

    // A right-to-left language's frame: texts shaped and handed over in mirrored draw order,
    // the frame mirrored once built (text_direction.h, rtl_mirror.h).
    TextDirection text_direction;
    FrameMirror mirror;
};

} // namespace kiosk
