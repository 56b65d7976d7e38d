// The read-aloud controls: « Écouter » (« Silence » while it speaks) with a speaker
// pictogram, then quieter (−) and louder (+). Drawn in the top bar of every section, in the
// survey's header, beside home's language picker and on the thank-you screen.
//
// A tap on « Écouter » only asks for speech (App::speech_requested): the shell sends the
// frame's whole script to the player once every text has been drawn. A second tap stops.
// Named targets: read_aloud.play, read_aloud.quieter, read_aloud.louder.
#pragma once

#include <imgui.h>

namespace kiosk {

struct App;

// Volume steps of the −/+ buttons.
inline constexpr double kVolumeStepDb = 3;

// The width the controls take at `height`.
float ReadAloudControlsWidth(const App& app, float height);
// Draws them with their top-left corner at `pos`. Nothing when read-aloud is off (no player).
void ReadAloudControls(App& app, ImVec2 pos, float height);

// Sets the player's volume from the configuration and the visitor's offset (VisitState).
void ApplyReadAloudVolume(App& app);

// The frame's script as a request in the visitor's language: handed to the player.
void SendReadAloudRequest(App& app);

} // namespace kiosk
