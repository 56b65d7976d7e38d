// Paper entry (README "Staff mode", "Paper questionnaires"): staff copy a questionnaire
// filled in on paper through the very survey screens visitors use. The response is recorded
// with origin `paper`, the date written on the paper (Response::paper_date) and is_test
// while test mode is on.
//
//   panel "Questionnaires papier" ── date, then a survey or poll ──▶ StartPaperEntry
//       ──▶ Screen::Survey (no notice: the paper had its own), a strip says "paper entry"
//       ──"Send", committed──▶ PaperEntryRecorded: +1 in the sitting, back to the panel
//       ──"Stop" confirmed, "Back", "Home"──▶ abandoned: nothing recorded, back to the panel
//       ──the panel locks (lock_seconds) or the visit ends (idle countdown)──▶ abandoned,
//         attract screen
//
// An abandoned entry records nothing, whatever the survey's timeout policy: the paper is
// still in staff's hands and will be entered again whole, so a partial copy would only
// be a duplicate (and abandoned responses count in no result anyway). The public
// thank-you screen never shows: staff go straight back to the next questionnaire.
#pragma once

#include <optional>
#include <string>

#include "app.h"

namespace kiosk {

struct Survey;

// A paper questionnaire is being entered (from the panel's start to its end).
bool InPaperEntry(const App& app);
// The date written on the paper, "YYYY-MM-DD", while InPaperEntry; nothing otherwise.
std::optional<std::string> PaperEntryDate(const App& app);
// The sitting's chosen date (today until staff change it).
CivilDate PaperDate(const App& app);

// Opens `survey` (any loaded one, offered today or not) for a paper entry at its first
// question, or a poll at its card. Refused (false) when the chosen date is in the future.
bool StartPaperEntry(App& app, const Survey& survey);
// The entry's response was committed: counted, and the panel shows for the next one.
void PaperEntryRecorded(App& app);
// Staff abandoned the entry ("Stop" confirmed, a rejected response left): nothing more is
// recorded, and the panel shows.
void AbandonPaperEntry(App& app);
// The entry ends without a word to the screens (the visit ended): an answer being given is
// cancelled, never recorded.
void DiscardPaperEntry(App& app);

// Every frame, before the screens (from UpdateStaffMode): an entry left by any other way
// than the above returns to the panel; an entry whose panel locked is abandoned and the
// visit ends; a locked panel forgets the sitting.
void UpdatePaperEntry(App& app);

// The strip under a survey screen's header during a paper entry ("Saisie d'un
// questionnaire papier du …"), from `top`; returns the y below it (`top` when none).
float PaperEntryStrip(App& app, float top);

// The panel's section "Questionnaires papier": the date steppers, the count of the
// sitting, and one button per loaded survey and poll.
void DrawStaffPaper(App& app, ImVec2 min, ImVec2 max);

} // namespace kiosk
