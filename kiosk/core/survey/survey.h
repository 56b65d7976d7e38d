// Survey: one survey or walk-in poll, as loaded from config/surveys/<file>.toml.
//
// The model is plain data, validated by the loader (survey_loader.h) so that screens and
// the runner never meet an inconsistent survey: every question has a known type, every
// option list is within its bounds, every text exists in every configured language,
// every `show_if` names an EARLIER question with a value that question can take.
//
// Identifiers that reach the database (survey id, question ids, option ids) are short
// ASCII slugs: [a-z0-9] then [a-z0-9_-], at most 64 characters. They are stable across
// versions of a survey: exports compare answers by id, never by label.
//
// Fixed option ids (part of the file format and of the exported data):
//   yes/no  → "yes", "no"
//   smiley  → 3 faces: "bad", "neutral", "good"
//             5 faces: "very_bad", "bad", "neutral", "good", "very_good"
//             (the answer row also carries number = level, 1 = worst)
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "config/opening_hours.h"
#include "text/localized_text.h"

namespace kiosk {

// The `type` key of a question; ToString gives the file spelling ("single_choice", ...).
enum class QuestionType {
    SingleChoice,   // one option; optional picture per option; picture-only layout flag
    MultipleChoice, // min_choices..max_choices options
    Scale,          // integer from..to (1–5, 0–10) with end labels
    Smiley,         // 3 or 5 faces
    YesNo,          // "yes" / "no"
    FreeText,       // up to max_length characters (code points)
    Number,         // integer min..max (on-screen keypad)
    Ranking,        // every option put in order
    PlanPin,        // min_pins..max_pins points on a plan image, optional choice/comment per pin
};

const char* ToString(QuestionType type);
std::optional<QuestionType> ParseQuestionType(std::string_view text);

// True for the types a one-tap poll can use (single choice, yes/no, smiley).
bool IsPollQuestionType(QuestionType type);

struct Option {
    std::string id;
    LocalizedText label;
    std::filesystem::path picture; // absolute; empty when the option has no picture
    SourcePos picture_where;       // its `picture` key (kiosk --check-config decodes the file)
};

// `show_if`: the question is shown only when the condition on an earlier answer holds.
// equals / not_equals / any_of need the earlier question to be visible AND answered; an
// unanswered or hidden question satisfies none of them (so hiding cascades). `answered`
// holds when the earlier question is visible and answered.
enum class ShowIfOp { Equals, NotEquals, AnyOf, Answered };

struct ShowIf {
    std::string question_id;
    ShowIfOp op = ShowIfOp::Answered;
    // Option ids (choice, yes/no, smiley questions: for multiple choice `equals` means "this
    // option is among the selected"), or integers written as text ("7") for scale and number
    // questions. Empty for `answered`; one value for equals / not_equals.
    std::vector<std::string> values;
};

// What a pin on a plan may carry besides its position.
enum class PinDetail {
    None,    // position only
    Choice,  // each pin must get one of `options` (e.g. "unsafe", "pleasant")
    Comment, // each pin may get a free-text comment up to comment_max_length
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::SingleChoice;
    LocalizedText text;   // the question itself
    LocalizedText help;   // optional second line ("Plusieurs réponses possibles"); may be empty
    bool required = true; // default true: an optional question says `required = false`
    std::optional<ShowIf> show_if;
    SourcePos where; // the [[question]] table, for later cross-checks and messages

    // SingleChoice, MultipleChoice, Ranking: the options. PlanPin with PinDetail::Choice:
    // the choices a pin can carry. YesNo and Smiley: filled by the loader with the fixed
    // ids above (labels empty: screens draw faces and use their own catalogue texts).
    std::vector<Option> options;
    bool picture_only = false; // SingleChoice: show pictures without labels (every option has one)

    int min_choices = 1; // MultipleChoice: 0 when optional … max_choices
    int max_choices = 2; // MultipleChoice: 2 … options.size()

    int scale_from = 1, scale_to = 5;   // Scale: from ∈ {0, 1}, to ∈ from+2 … 10
    LocalizedText from_label, to_label; // Scale: end labels ("Pas du tout", "Tout à fait")

    int faces = 3; // Smiley: 3 or 5

    int max_length = 500; // FreeText: code points; Comment pins: comment_max_length

    int64_t number_min = 0, number_max = 100; // Number: integers, min < max
    LocalizedText unit;                       // Number: optional ("ans", "minutes"); may be empty

    std::string plan_id;            // PlanPin: a plan of the content section ("plan-quartier-2030")
    SourcePos plan_where;           // PlanPin: where `plan` is written (for the cross-check)
    int min_pins = 1, max_pins = 3; // PlanPin: 0 when optional … max_pins ≤ 10
    PinDetail pin_detail = PinDetail::None;

    const Option* FindOption(std::string_view option_id) const;
};

enum class SurveyMode {
    Survey, // several questions: information notice, back/next, progress, send
    Poll,   // one question offered from the home and attract screens; one tap records it
};

// What happens to a survey left mid-way when the idle countdown runs out.
enum class TimeoutPolicy {
    Discard,     // nothing is recorded
    KeepPartial, // the answers given so far are recorded with status "abandoned"
};

// The information notice shown before the first question (RGPD: who, why, how long,
// rights), with the full text reachable through a QR code of `url`.
struct InformationNotice {
    LocalizedText controller; // who collects ("Ville de Neuilly-sur-Marne, …")
    LocalizedText purpose;    // why
    LocalizedText retention;  // how long it is kept
    LocalizedText rights;     // the visitor's rights and whom to ask
    std::string url;          // https://… full text (QR code)
};

// Poll mode: more than `max_votes` votes within `window_seconds`, with no reset in between
// (see BurstDetector), are recorded but flagged `burst`.
struct BurstRule {
    int max_votes = 5;
    int window_seconds = 60;
};

struct Survey {
    std::filesystem::path file; // absolute path of the .toml file
    std::string id;
    SourcePos id_where; // where `id` is written (a duplicate id in another file is reported there)
    int64_t version = 1;
    SurveyMode mode = SurveyMode::Survey;
    TimeoutPolicy timeout = TimeoutPolicy::Discard;
    LocalizedText title;
    LocalizedText introduction; // surveys: shown with the notice before the first question
    LocalizedText thanks;       // the thank-you screen
    std::optional<CivilDate> active_from, active_to; // inclusive local dates; absent = open-ended
    // Results embargo (README "The survey file"): before this local date, public screens
    // (a poll's thank-you bars, the big screen) show no figure; staff always see them.
    std::optional<CivilDate> results_public_from;
    InformationNotice notice;
    bool show_results = false;       // polls: the thank-you screen shows the current results as bars
    BurstRule burst;                 // polls only
    std::vector<Question> questions; // polls: exactly one
    // `profile = true` (surveys only): the "About you" block (survey/profile.h) is asked for.
    // When it was loaded, its questions are appended from index `profile_first` on and
    // `profile_why` is shown on the notice; else `profile_first` stays -1.
    bool asks_profile = false;
    int profile_first = -1;
    LocalizedText profile_why;

    // True when `today` (local date) is within active_from..active_to.
    bool IsActive(const CivilDate& today) const;
    // True when figures may be shown to the public on `today` (no embargo, or it is over).
    bool ResultsPublic(const CivilDate& today) const;
    const Question* FindQuestion(std::string_view question_id) const;
    // Index of the question in `questions`, or -1.
    int QuestionIndex(std::string_view question_id) const;
};

} // namespace kiosk
