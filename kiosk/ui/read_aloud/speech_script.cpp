#include "read_aloud/speech_script.h"

#include "text_direction.h"

namespace kiosk {

namespace {
// Screens are drawn on the UI thread only.
SpeechScript* g_current = nullptr;
} // namespace

void SayOnScreen(std::string_view text) {
    if (!g_current || text.empty()) return;
    // Texts on an Arabic screen are drawn shaped and reordered: the speech gets the text.
    const TextDirection* direction = CurrentTextDirection();
    g_current->pieces.emplace_back(direction ? direction->Logical(text) : text);
}

SpeechScript* CurrentSpeechScript() {
    return g_current;
}

SpeechScriptScope::SpeechScriptScope(SpeechScript& script) : previous_(g_current) {
    g_current = &script;
}

SpeechScriptScope::~SpeechScriptScope() {
    g_current = previous_;
}

} // namespace kiosk
