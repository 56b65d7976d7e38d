#include "read_aloud/speech_script.h"

namespace kiosk {

namespace {
// Screens are drawn on the UI thread only.
SpeechScript* g_current = nullptr;
} // namespace

void SayOnScreen(std::string_view text) {
    if (g_current && !text.empty()) g_current->pieces.emplace_back(text);
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
