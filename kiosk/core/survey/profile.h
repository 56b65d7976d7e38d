// The "About you" block (issue 13): a few optional profile questions, written once in the
// content and appended to every survey that asks for them, and the neighbourhood's reference
// population that the evaluation compares respondents with.
//
// Answers to these questions are donated: each one can be skipped, each offers "prefer not
// to say", so their totals never add up to the number of responses (and the figures say so).
// Their question ids are the same in every survey that includes the block, which is what
// lets the evaluation count them across surveys.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "survey/survey.h"
#include "text/localized_text.h"

namespace kiosk {

// How many people of the neighbourhood fall in one option of a profile question (an age
// band, a gender), from the INSEE figures the city enters.
struct ReferenceCount {
    std::string option_id;
    int64_t people = 0;
};

// The reference for one profile question: its options that have a figure. Options without
// one ("prefer not to say", "other") are answered but not compared.
struct ReferenceDimension {
    std::string question_id;
    std::vector<ReferenceCount> counts;
};

struct ReferencePopulation {
    LocalizedText source; // "INSEE, recensement 2021, IRIS …": printed with the comparison
    bool example = false; // demo figures: every screen and the report say so
    std::vector<ReferenceDimension> dimensions;

    const ReferenceDimension* Find(std::string_view question_id) const;
};

struct ProfileBlock {
    std::filesystem::path file;      // where it was loaded from (for messages); empty = no block
    LocalizedText why;               // why it is asked: shown on the notice of surveys that include it
    std::vector<Question> questions; // all optional; ids unique across every survey using the block
    ReferencePopulation population;

    bool Empty() const { return questions.empty(); }
    bool IsProfileQuestion(std::string_view question_id) const;
};

} // namespace kiosk
