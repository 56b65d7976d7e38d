#include "survey/synthetic_answers.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "base/clock.h"
#include "survey/survey_runner.h"
#include "text/utf8.h"

namespace kiosk {

namespace {

// Sample free texts, as residents might write them (with the characters that matter:
// accents, apostrophes, the euro sign, the narrow no-break space of French punctuation).
constexpr const char* kTextsFr[] = {
    "Plus de bancs à l’ombre près de l’école, s’il vous plaît.",
    "Le soir, l’allée derrière le bâtiment B est trop sombre\u202f!",
    "Un jardin partagé pour les familles, ce serait bien.",
    "Des poubelles plus grandes et vidées plus souvent.",
    "Garder les grands arbres du square.",
    "Des toilettes publiques près du city-stade\u202f?",
    "Un coin calme pour les personnes âgées, avec des tables.",
};
constexpr const char* kTextsEn[] = {
    "More benches in the shade near the school, please.",
    "The path behind building B is too dark at night!",
    "A shared garden for families would be nice.",
    "Bigger bins, emptied more often.",
    "Keep the big trees in the square.",
    "Public toilets near the sports court?",
};

std::string SampleText(std::string_view language, int max_length, std::mt19937_64& rng) {
    const std::span<const char* const> texts =
        language == "fr" ? std::span<const char* const>(kTextsFr) : std::span<const char* const>(kTextsEn);
    std::string text = texts[std::uniform_int_distribution<size_t>(0, texts.size() - 1)(rng)];
    while ((int)CountCodePoints(text) > max_length)
        PopBackCodePoint(text);
    return text;
}

int Uniform(std::mt19937_64& rng, int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(rng);
}

const std::string& PickOption(const Question& q, std::mt19937_64& rng) {
    return q.options[(size_t)Uniform(rng, 0, (int)q.options.size() - 1)].id;
}

} // namespace

AnswerValue SyntheticAnswer(const Question& q, std::string_view language, std::mt19937_64& rng) {
    AnswerValue value;
    switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::YesNo:
    case QuestionType::Smiley: value.Choose(PickOption(q, rng)); break;
    case QuestionType::MultipleChoice: {
        std::vector<std::string> ids;
        for (const Option& o : q.options)
            ids.push_back(o.id);
        std::shuffle(ids.begin(), ids.end(), rng);
        ids.resize((size_t)Uniform(rng, std::max(1, q.min_choices), q.max_choices));
        value.option_ids = std::move(ids);
        break;
    }
    case QuestionType::Scale: value.number = Uniform(rng, q.scale_from, q.scale_to); break;
    case QuestionType::Number:
        value.number = (double)std::uniform_int_distribution<int64_t>(q.number_min, q.number_max)(rng);
        break;
    case QuestionType::FreeText: value.text = SampleText(language, q.max_length, rng); break;
    case QuestionType::Ranking:
        for (const Option& o : q.options)
            value.option_ids.push_back(o.id);
        std::shuffle(value.option_ids.begin(), value.option_ids.end(), rng);
        break;
    case QuestionType::PlanPin: {
        const int pins = Uniform(rng, std::max(1, q.min_pins), q.max_pins);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int i = 0; i < pins; i++) {
            PinAnswer pin;
            // Four decimals: a tenth of a pixel on a 4000-pixel plan.
            pin.x = std::round(unit(rng) * 10000.0) / 10000.0;
            pin.y = std::round(unit(rng) * 10000.0) / 10000.0;
            if (q.pin_detail == PinDetail::Choice) pin.option_id = PickOption(q, rng);
            if (q.pin_detail == PinDetail::Comment && Uniform(rng, 0, 1) == 1)
                pin.comment = SampleText(language, q.max_length, rng);
            value.pins.push_back(std::move(pin));
        }
        break;
    }
    }
    return value;
}

Response SyntheticResponse(const Survey& survey, const std::string& kiosk_id, const std::string& language,
                           long long submitted_wall_ms, std::mt19937_64& rng) {
    // Simulated time: a few seconds of reading per question, ending at submitted_wall_ms.
    // Whole milliseconds, so that the times come out exact.
    std::vector<long long> reading;
    long long total = 0;
    for (size_t i = 0; i < survey.questions.size(); i++)
        total += reading.emplace_back(std::uniform_int_distribution<long long>(3000, 25000)(rng));
    const long long start_ms = submitted_wall_ms - total;
    ManualClock clock(0.0, start_ms / 1000);
    clock.Advance((double)(start_ms % 1000) / 1000.0);

    ResponseContext context{kiosk_id, language, ResponseOrigin::Synthetic, true};
    SurveyRunner runner(survey, context, clock);
    long long elapsed = 0;
    for (size_t step = 0; step <= survey.questions.size(); step++) {
        const Question& q = runner.Current();
        const bool skip = !q.required && Uniform(rng, 0, 4) == 0;
        if (!skip) runner.SetAnswer(SyntheticAnswer(q, language, rng));
        const long long ms = reading[(size_t)runner.CurrentIndex()];
        clock.Advance((double)ms / 1000.0);
        elapsed += ms;
        if (runner.IsLast()) break;
        runner.Next();
    }
    // Hidden questions took no time: the rest, so the response is sent at submitted_wall_ms.
    clock.Advance((double)(total - elapsed) / 1000.0);
    SubmitResult result = runner.Submit();
    // Every answer above is valid by construction; a failure here is a bug of this file.
    return std::move(result.response).value();
}

} // namespace kiosk
