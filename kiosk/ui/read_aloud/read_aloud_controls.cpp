#include "read_aloud/read_aloud_controls.h"

#include <algorithm>

#include "app.h"
#include "platform/speech/speech_player.h"
#include "visit_state.h"
#include "widgets.h"

namespace kiosk {

namespace {

const ButtonStyle kLight{.fill = palette::kSurface, .text = palette::kText, .outline = true};

float PlayWidth(const App& app) {
    ButtonStyle play = kLight;
    play.icon = Icon::Speaker;
    return std::max(TouchButtonSize(app, app.Tr("read_aloud.listen"), play).x,
                    TouchButtonSize(app, app.Tr("read_aloud.stop"), play).x);
}

float Spacing(const App& app) {
    return app.metrics.gap * 0.6f; // as the language picker's: above the audit's half gap
}

} // namespace

float ReadAloudControlsWidth(const App& app, float height) {
    if (!app.speech) return 0;
    const float square = std::max(height, app.metrics.target);
    return PlayWidth(app) + 2 * (Spacing(app) + square);
}

void ReadAloudControls(App& app, ImVec2 pos, float height) {
    if (!app.speech) return;
    const Metrics& m = app.metrics;
    const bool speaking = app.speech->Speaking();
    const float square = std::max(height, m.target);

    ButtonStyle play = kLight;
    play.icon = speaking ? Icon::Stop : Icon::Speaker;
    play.selected = speaking;
    ImGui::SetCursorScreenPos(pos);
    if (TouchButton(app, "##read_aloud", app.Tr(speaking ? "read_aloud.stop" : "read_aloud.listen"),
                    ImVec2(PlayWidth(app), height), play)) {
        if (speaking)
            app.speech->Stop();
        else
            app.speech_requested = true; // sent once the whole frame has drawn its text
    }
    app.targets.Name("read_aloud.play");

    // The visitor's range: volume_db ± visitor_range_db, in steps of kVolumeStepDb.
    const double range = app.data.config.read_aloud.visitor_range_db;
    double& offset = app.visit.read_aloud.volume_offset_db;
    float x = pos.x + PlayWidth(app) + Spacing(app);
    ButtonStyle quieter = kLight;
    quieter.icon = Icon::Minus;
    ImGui::SetCursorScreenPos(ImVec2(x, pos.y));
    if (TouchButton(app, "##quieter", "", ImVec2(square, height), quieter)) {
        offset = std::max(-range, offset - kVolumeStepDb);
        ApplyReadAloudVolume(app);
    }
    app.targets.Name("read_aloud.quieter");
    x += square + Spacing(app);
    ButtonStyle louder = kLight;
    louder.icon = Icon::Plus;
    ImGui::SetCursorScreenPos(ImVec2(x, pos.y));
    if (TouchButton(app, "##louder", "", ImVec2(square, height), louder)) {
        offset = std::min(range, offset + kVolumeStepDb);
        ApplyReadAloudVolume(app);
    }
    app.targets.Name("read_aloud.louder");
}

void ApplyReadAloudVolume(App& app) {
    if (app.speech)
        app.speech->SetVolumeDb(app.data.config.read_aloud.volume_db + app.visit.read_aloud.volume_offset_db);
}

void SendReadAloudRequest(App& app) {
    app.speech_requested = false;
    if (!app.speech) return;
    SpeechRequest request;
    request.language = app.nav.Language();
    request.voice = app.Tr("language.voice");
    request.pieces = app.speech_script.pieces;
    app.speech->Speak(std::move(request));
}

} // namespace kiosk
