// Icons: simple pictograms drawn with ImGui's draw list.
//
// Many visitors read little French: every section and main action has a pictogram next to
// its words. Vector drawing keeps them sharp at any size and needs no image files.
#pragma once

#include <imgui.h>

namespace kiosk {

enum class Icon {
    None,
    Plan,     // a folded map
    Timeline, // a calendar-like line of steps
    Opinion,  // a speech bubble
    Agenda,   // a calendar page
    Back,     // arrow to the left
    Home,     // a house
    Touch,    // a finger with a ring
    Check,
    Close,
    ZoomIn,
    ZoomOut,
    Reset, // fit to screen
    Pin,   // map marker
    Globe, // languages
    Exit,  // end the visit
    // Surveys and the on-screen keyboard
    Forward,     // arrow to the right ("next")
    Up,          // arrow up (move an item up)
    Down,        // arrow down
    Shift,       // outlined arrow up: next letter in capitals
    ShiftLocked, // filled arrow up over a bar: capitals locked
    Backspace,   // a key cap pointing left with a cross
    Warning,     // a triangle with "!"
    Trash,       // remove (a pin)
    StartAgain,  // an arrow turning back on itself: undo everything, start again
    // Read-aloud
    Speaker, // a loudspeaker with sound waves: « Écouter »
    Stop,    // a filled square: stop the speech
    Minus,   // quieter
    Plus,    // louder
    // Low reach
    Wheelchair, // a person in a wheelchair (the symbol of access): screens within reach
};

// Draws `icon` centred on `center`, fitting in a square of side `size`.
void DrawIcon(ImDrawList* draw, Icon icon, ImVec2 center, float size, ImU32 color);

} // namespace kiosk
