// The staff panel's "Résultats" section: a row of surveys and polls, then one card per
// question with its chart drawn with ImDrawList. Every figure comes from the snapshot
// ResultsService::Get() returns (it never blocks): no SQL runs in a frame.
#include "staff/results_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <fmt/format.h>

#include "base/log.h"
#include "palette.h"
#include "results/results_figures.h"
#include "staff_state.h"
#include "survey/results_embargo.h"
#include "widgets.h"

namespace kiosk {

namespace {

// Fixed option ids (survey.h) have no label in the survey: the catalogue names them.
const std::string& OptionLabel(App& app, const Question& question, const std::string& id) {
    for (const Option& option : question.options)
        if (option.id == id && !app.Text(option.label).empty()) return app.Text(option.label);
    if (id == "yes") return app.Tr("staff.results.option.yes");
    if (id == "no") return app.Tr("staff.results.option.no");
    if (id == "very_bad") return app.Tr("staff.results.option.very_bad");
    if (id == "bad") return app.Tr("staff.results.option.bad");
    if (id == "neutral") return app.Tr("staff.results.option.neutral");
    if (id == "good") return app.Tr("staff.results.option.good");
    if (id == "very_good") return app.Tr("staff.results.option.very_good");
    return id; // an option only older versions had: its id is all there is
}

// One decimal; a decimal comma in French.
std::string Number(const App& app, double value) {
    std::string text = fmt::format("{:.1f}", value);
    if (app.nav.Language() == "fr") std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

void Text(ImFont* font, uint32_t color, ImVec2 pos, std::string_view text) {
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, Rgb(color), text.data(),
                                        text.data() + text.size());
}

float TextWidth(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

// One horizontal bar: label on the left, bar of `fraction` of the track, `value` after it.
// Advances the cursor.
void Bar(App& app, float x, float width, std::string_view label, double fraction, std::string_view value) {
    const Metrics& m = app.metrics;
    ImFont* font = app.fonts.body;
    const float row = font->FontSize + m.Px(14);
    const float y = ImGui::GetCursorScreenPos().y;
    const float label_w = width * 0.32f;
    const float value_w = m.Px(220);
    const float track_x = x + label_w + m.Px(12);
    const float track_w = std::max(m.Px(40), width - label_w - value_w - m.Px(24));
    ImGui::PushClipRect(ImVec2(x, y), ImVec2(x + label_w, y + row), true);
    Text(font, palette::kText, ImVec2(x, y + m.Px(7)), label);
    ImGui::PopClipRect();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(track_x, y + m.Px(4)), ImVec2(track_x + track_w, y + row - m.Px(4)),
                        Rgb(palette::kSurfaceAlt), m.Px(4));
    const float filled = track_w * (float)std::clamp(fraction, 0.0, 1.0);
    if (filled > 0)
        draw->AddRectFilled(ImVec2(track_x, y + m.Px(4)), ImVec2(track_x + filled, y + row - m.Px(4)),
                            Rgb(palette::kPrimary), m.Px(4));
    Text(app.fonts.body_bold, palette::kText, ImVec2(track_x + track_w + m.Px(12), y + m.Px(7)), value);
    ImGui::SetCursorScreenPos(ImVec2(x, y + row + m.Px(6)));
}

void Line(App& app, float x, std::string_view text, uint32_t color = palette::kTextMuted) {
    const float y = ImGui::GetCursorScreenPos().y;
    Text(app.fonts.small, color, ImVec2(x, y), text);
    ImGui::SetCursorScreenPos(ImVec2(x, y + app.fonts.small->FontSize + app.metrics.Px(8)));
}

void MeanMedian(App& app, const QuestionResults& results, float x) {
    const std::optional<double> mean = Mean(results, app.staff.results_slice),
                                median = Median(results, app.staff.results_slice);
    if (!mean || !median) return;
    Line(app, x,
         app.Format("staff.results.mean_median", fmt::arg("mean", Number(app, *mean)),
                    fmt::arg("median", Number(app, *median))),
         palette::kText);
}

// Choice, yes/no, smiley, plan-pin reasons: one bar per option, count and percentage.
void ChoiceChart(App& app, const Question& question, const QuestionResults& results, float x, float width) {
    const int64_t respondents = results.respondents[(int)app.staff.results_slice];
    for (const OptionTally& option : results.options) {
        const int64_t count = option.count[(int)app.staff.results_slice];
        const double percent = Percent(results, option, app.staff.results_slice);
        app.staff.results_shown[question.id + "/" + option.option_id] = count;
        const std::string value = question.type == QuestionType::PlanPin
                                      ? fmt::format("{}", count)
                                      : app.Format("staff.results.count_percent", fmt::arg("count", count),
                                                   fmt::arg("percent", (int)std::lround(percent)));
        const double fraction = question.type == QuestionType::PlanPin
                                    ? (results.pins[(int)app.staff.results_slice]
                                           ? (double)count / results.pins[(int)app.staff.results_slice]
                                           : 0)
                                    : percent / 100.0;
        Bar(app, x, width, OptionLabel(app, question, option.option_id), fraction, value);
    }
    (void)respondents;
}

// Scale, smiley levels, number: the distribution as bars (number: a histogram).
void ValueChart(App& app, const Question& question, const QuestionResults& results, float x, float width) {
    const int64_t total = ValueCount(results, app.staff.results_slice);
    if (question.type == QuestionType::Number) {
        for (const HistogramBin& bin : Histogram(results, app.staff.results_slice)) {
            const std::string label = bin.high - bin.low <= 1
                                          ? fmt::format("{}", (int64_t)bin.low)
                                          : fmt::format("{} – {}", (int64_t)bin.low, (int64_t)bin.high - 1);
            app.staff.results_shown[question.id + "/" + label] = bin.count;
            Bar(app, x, width, label, total ? (double)bin.count / total : 0, fmt::format("{}", bin.count));
        }
    } else if (question.type == QuestionType::Scale) {
        for (int v = question.scale_from; v <= question.scale_to; v++) {
            const auto it = results.values.find((double)v);
            const int64_t count = it == results.values.end() ? 0 : it->second[(int)app.staff.results_slice];
            app.staff.results_shown[question.id + "/" + std::to_string(v)] = count;
            Bar(app, x, width, std::to_string(v), total ? (double)count / total : 0,
                app.Format("staff.results.count_percent", fmt::arg("count", count),
                           fmt::arg("percent", total ? (int)std::lround(100.0 * count / total) : 0)));
        }
    }
    MeanMedian(app, results, x);
}

// Ranking: mean rank per option, best (lowest) first; the bar is longer for a better rank.
void RankingChart(App& app, const Question& question, const QuestionResults& results, float x, float width) {
    std::vector<std::pair<double, const OptionTally*>> ranked;
    for (const OptionTally& option : results.options)
        if (std::optional<double> rank = MeanRank(option, app.staff.results_slice))
            ranked.push_back({*rank, &option});
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const double n = std::max<double>(1, (double)results.options.size());
    for (const auto& [rank, option] : ranked) {
        app.staff.results_shown[question.id + "/" + option->option_id] = std::lround(rank * 100);
        Bar(app, x, width, OptionLabel(app, question, option->option_id), (n + 1 - rank) / n,
            app.Format("staff.results.mean_rank", fmt::arg("rank", Number(app, rank))));
    }
}

// Free text: newest first, each with "Masquer" / "Afficher" (hidden ones greyed, marked).
void TextList(App& app, const Question& question, const QuestionResults& results, float x, float width) {
    const Metrics& m = app.metrics;
    Line(app, x,
         app.Format("staff.results.texts",
                    fmt::arg("visible", VisibleTexts(results, app.staff.results_slice)),
                    fmt::arg("hidden", results.hidden_texts[(int)app.staff.results_slice])));
    app.staff.results_shown[question.id + "/visible"] = VisibleTexts(results, app.staff.results_slice);
    for (const FreeTextItem& item : results.texts) {
        const float y = ImGui::GetCursorScreenPos().y;
        const std::string& label = app.Tr(item.hidden ? "staff.results.show" : "staff.results.hide");
        ButtonStyle style{.fill = palette::kSurface, .text = palette::kText, .outline = true};
        const float button_w = std::max(TouchButtonSize(app, label, style).x, m.Px(200));
        const float text_w = width - button_w - m.gap;
        std::string text = item.text;
        if (item.hidden) text = app.Format("staff.results.hidden_text", fmt::arg("text", item.text));
        ImGui::SetCursorScreenPos(ImVec2(x, y + m.Px(8)));
        WrappedText(text, app.fonts.body, item.hidden ? palette::kTextMuted : palette::kText, text_w);
        const float text_bottom = ImGui::GetCursorScreenPos().y;
        ImGui::SetCursorScreenPos(ImVec2(x + width - button_w, y));
        ImGui::PushID(item.uuid.c_str());
        if (TouchButton(app, "##hide", label, ImVec2(button_w, m.target), style) && app.store) {
            LogInfo("staff: free-text answer {} of {} {}", item.uuid, question.id,
                    item.hidden ? "shown" : "hidden");
            app.store->SetHidden(item.uuid, question.id, !item.hidden);
        }
        ImGui::PopID();
        app.targets.Name(std::string("results.") + (item.hidden ? "show:" : "hide:") + item.uuid);
        ImGui::SetCursorScreenPos(ImVec2(x, std::max(text_bottom, y + m.target) + m.gap)); // thumb room
    }
}

void QuestionCard(App& app, const Question& question, const QuestionResults& results, float x, float width) {
    const Metrics& m = app.metrics;
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    WrappedText(app.Text(question.text), app.fonts.body_bold, palette::kText, width);
    const int64_t respondents = results.respondents[(int)app.staff.results_slice];
    app.staff.results_shown[question.id] = respondents;
    Line(app, x, app.Format("staff.results.respondents", fmt::arg("count", respondents)));
    switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
    case QuestionType::YesNo:
    case QuestionType::Smiley:
        ChoiceChart(app, question, results, x, width);
        if (question.type == QuestionType::Smiley) MeanMedian(app, results, x);
        if (question.type == QuestionType::MultipleChoice)
            Line(app, x, app.Tr("staff.results.multiple_note"));
        break;
    case QuestionType::PlanPin:
        Line(app, x,
             app.Format("staff.results.pins", fmt::arg("count", results.pins[(int)app.staff.results_slice])));
        ChoiceChart(app, question, results, x, width);
        break;
    case QuestionType::Scale:
    case QuestionType::Number: ValueChart(app, question, results, x, width); break;
    case QuestionType::Ranking: RankingChart(app, question, results, x, width); break;
    case QuestionType::FreeText: TextList(app, question, results, x, width); break;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(28)));
}

} // namespace

ResultsServiceOptions ResultsOptions(const KioskData& data, std::function<void()> on_update) {
    ResultsServiceOptions options;
    options.database = data.config.paths.database;
    options.surveys = data.surveys;
    options.on_update = std::move(on_update);
    return options;
}

void DrawStaffResults(App& app, ImVec2 min, ImVec2 max) {
    StaffState& staff = app.staff;
    const Metrics& m = app.metrics;
    const float width = max.x - min.x;
    staff.results_shown.clear();
    const std::vector<Survey>& surveys = app.data.surveys;
    if (surveys.empty() || !app.results) {
        ImGui::SetCursorScreenPos(min);
        WrappedText(app.Tr("staff.results.none"), app.fonts.body, palette::kTextMuted, width);
        return;
    }

    // The surveys and polls, one button each, wrapped.
    const Survey* shown = &surveys.front();
    for (const Survey& survey : surveys)
        if (survey.id == staff.results_survey) shown = &survey;
    float cx = min.x, y = min.y;
    for (const Survey& survey : surveys) {
        const bool selected = &survey == shown;
        ButtonStyle style{.fill = palette::kPrimary, .text = palette::kTextOnDark, .icon = Icon::Check};
        if (!selected) style = {.fill = palette::kSurface, .text = palette::kText, .outline = true};
        const std::string& label = app.Text(survey.title);
        const float w = std::min(std::max(TouchButtonSize(app, label, style).x, m.Px(200)), width);
        if (cx > min.x && cx + w > max.x) {
            cx = min.x;
            y += m.target + m.gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(cx, y));
        ImGui::PushID(survey.id.c_str());
        if (TouchButton(app, "##survey", label, ImVec2(w, m.target), style)) staff.results_survey = survey.id;
        ImGui::PopID();
        app.targets.Name("results.survey:" + survey.id);
        cx += w + m.gap;
    }
    y += m.target + m.gap;

    // Which origin the figures count: all of them, or one (kiosk vs paper vs total).
    struct SliceChoice {
        Slice slice;
        const char* label_key;
    };
    static constexpr SliceChoice kSlices[] = {
        {Slice::Total, "staff.results.slice.total"},       {Slice::Kiosk, "staff.results.slice.kiosk"},
        {Slice::Assisted, "staff.results.slice.assisted"}, {Slice::Paper, "staff.results.slice.paper"},
        {Slice::Event, "staff.results.slice.event"},
    };
    cx = min.x;
    for (const SliceChoice& choice : kSlices) {
        const bool selected = choice.slice == staff.results_slice;
        ButtonStyle style{.fill = palette::kPrimary, .text = palette::kTextOnDark, .icon = Icon::Check};
        if (!selected) style = {.fill = palette::kSurface, .text = palette::kText, .outline = true};
        const std::string& label = app.Tr(choice.label_key);
        const float w = std::min(std::max(TouchButtonSize(app, label, style).x, m.Px(160)), width);
        if (cx > min.x && cx + w > max.x) {
            cx = min.x;
            y += m.target + m.gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(cx, y));
        ImGui::PushID(ToString(choice.slice));
        if (TouchButton(app, "##slice", label, ImVec2(w, m.target), style))
            staff.results_slice = choice.slice;
        ImGui::PopID();
        app.targets.Name(std::string("results.slice:") + ToString(choice.slice));
        cx += w + m.gap;
    }
    y += m.target + m.gap;

    ResultsFilter filter;
    filter.include_hidden_texts = true; // staff see hidden answers, to show them again
    const ResultsSnapshot snapshot = app.results->Get(shown->id, filter);

    // The participants, and a discreet marker while a newer snapshot is computed.
    ImFont* font = app.fonts.body_bold;
    const std::string participants =
        snapshot.results
            ? app.Format("staff.results.participants",
                         fmt::arg("count", snapshot.results->responses[(int)app.staff.results_slice]))
            : std::string();
    Text(font, palette::kText, ImVec2(min.x, y), participants);
    if (snapshot.refreshing) {
        const std::string& updating = app.Tr("staff.results.updating");
        Text(app.fonts.small, palette::kTextMuted, ImVec2(max.x - TextWidth(app.fonts.small, updating), y),
             updating);
    }
    if (snapshot.results) staff.results_shown[""] = snapshot.results->responses[(int)app.staff.results_slice];
    y += font->FontSize + m.Px(16);
    if (!ResultsPublic(app, *shown)) {
        // Staff keep every figure under an embargo; the note says the public sees none yet.
        ImGui::SetCursorScreenPos(ImVec2(min.x, y));
        WrappedText(app.Format("staff.results.embargo", fmt::arg("date", ResultsPublicDate(app, *shown))),
                    app.fonts.body, palette::kWarning, width);
        app.targets.Name("results.embargo", ImVec2(min.x, y), ImVec2(max.x, ImGui::GetCursorScreenPos().y));
        y = ImGui::GetCursorScreenPos().y + m.Px(8);
    }
    if (!snapshot.error.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(min.x, y));
        WrappedText(app.Tr("staff.results.error"), app.fonts.body, palette::kDanger, width);
        y = ImGui::GetCursorScreenPos().y;
    }
    if (!snapshot.results) return;

    // The charts, scrolled by dragging.
    ImGui::SetCursorScreenPos(ImVec2(min.x, y));
    if (BeginTouchScroll(app, "##results", ImVec2(width, max.y - y))) {
        const float inner = width - m.Px(24); // room for the scroll indicator
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(start);
        for (const Question& question : shown->questions)
            if (const QuestionResults* results = snapshot.results->Find(question.id))
                QuestionCard(app, question, *results, start.x, inner);
        ImGui::Dummy(ImVec2(inner, 1)); // the content's extent, for scrolling
    }
    EndTouchScroll();
}

} // namespace kiosk
