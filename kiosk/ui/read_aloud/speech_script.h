// SpeechScript: the texts a frame showed, in the order it drew them — what « Écouter »
// reads.
//
// The text widgets (WrappedText, CenteredText, Tile, choice cards) add what they draw, so
// every screen that shows text can be read with no code of its own. Buttons' labels (Back,
// Next, a language's name) are not read: they are controls, not the screen's text.
// WrappedText and CenteredText take no DrawContext, so the shell names the frame's script
// (SpeechScriptScope) for as long as the screens draw; outside it nothing is collected (the
// big screen, tests drawing a widget alone).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct SpeechScript {
    std::vector<std::string> pieces;
    int options = 0; // choice cards so far: each is read with its number

    void Clear() {
        pieces.clear();
        options = 0;
    }
};

// Adds `text` to the frame's script, if a frame is collecting one.
void SayOnScreen(std::string_view text);
// The script being collected, or null.
SpeechScript* CurrentSpeechScript();

class SpeechScriptScope {
public:
    explicit SpeechScriptScope(SpeechScript& script);
    ~SpeechScriptScope();
    SpeechScriptScope(const SpeechScriptScope&) = delete;
    SpeechScriptScope& operator=(const SpeechScriptScope&) = delete;

private:
    SpeechScript* previous_;
};

} // namespace kiosk
