// The staff panel's "Résultats" section: a row of surveys and polls, then one card per
// question with its chart drawn with ImDrawList. Every figure comes from the snapshot
// ResultsService::Get() returns (it never blocks): no SQL runs in a frame.
#include "staff/results_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <fmt/format.h>

#include "base/log.h"
#include "content/fuzzy_date.h"
#include "palette.h"
#include "programme_widgets.h"
#include "results/results_figures.h"
#include "staff/staff_widgets.h"
#include "staff_state.h"
#include "survey/results_embargo.h"
#include "widgets.h"

namespace kiosk {

namespace {

// What a chart showed, for tests: `key` under the slice drawn when origins are side by side.
int64_t& Shown(App& app, const std::string& key) {
    StaffState& staff = app.staff;
    if (!staff.results_compare || staff.results_slice == Slice::Total) return staff.results_shown[key];
    return staff.results_shown[std::string(ToString(staff.results_slice)) + ":" + key];
}

// The origins staff choose from (synthetic responses are kiosk-fill's tests: never shown).
struct SliceChoice {
    Slice slice;
    const char* label_key;
};
constexpr SliceChoice kSlices[] = {
    {Slice::Total, "staff.results.slice.total"},       {Slice::Kiosk, "staff.results.slice.kiosk"},
    {Slice::Assisted, "staff.results.slice.assisted"}, {Slice::Paper, "staff.results.slice.paper"},
    {Slice::Event, "staff.results.slice.event"},
};

// The filter of the staff's choices. The period ends today (the kiosk's local date); hidden
// free-text answers are listed, marked, so that staff can show them again.
ResultsFilter StaffFilter(const App& app) {
    const StaffState& staff = app.staff;
    ResultsFilter filter;
    filter.include_hidden_texts = true;
    if (!staff.results_language.empty()) filter.languages = {staff.results_language};
    filter.from_date = PeriodStart(app, staff.results_period);
    return filter;
}

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

void MeanMedian(App& app, const QuestionResults& results, float x) {
    const std::optional<double> mean = Mean(results, app.staff.results_slice),
                                median = Median(results, app.staff.results_slice);
    if (!mean || !median) return;
    ChartLine(app, x,
              app.Format("staff.results.mean_median", fmt::arg("mean", DecimalText(app, *mean)),
                         fmt::arg("median", DecimalText(app, *median))),
              palette::kText);
}

// Choice, yes/no, smiley, plan-pin reasons: one bar per option, count and percentage.
void ChoiceChart(App& app, const Question& question, const QuestionResults& results, float x, float width) {
    const int64_t respondents = results.respondents[(int)app.staff.results_slice];
    for (const OptionTally& option : results.options) {
        const int64_t count = option.count[(int)app.staff.results_slice];
        const double percent = Percent(results, option, app.staff.results_slice);
        Shown(app, question.id + "/" + option.option_id) = count;
        const std::string value = question.type == QuestionType::PlanPin
                                      ? fmt::format("{}", count)
                                      : app.Format("staff.results.count_percent", fmt::arg("count", count),
                                                   fmt::arg("percent", (int)std::lround(percent)));
        const double fraction = question.type == QuestionType::PlanPin
                                    ? (results.pins[(int)app.staff.results_slice]
                                           ? (double)count / results.pins[(int)app.staff.results_slice]
                                           : 0)
                                    : percent / 100.0;
        ChartBar(app, x, width, OptionLabel(app, question, option.option_id), fraction, value);
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
            Shown(app, question.id + "/" + label) = bin.count;
            ChartBar(app, x, width, label, total ? (double)bin.count / total : 0,
                     fmt::format("{}", bin.count));
        }
    } else if (question.type == QuestionType::Scale) {
        for (int v = question.scale_from; v <= question.scale_to; v++) {
            const auto it = results.values.find((double)v);
            const int64_t count = it == results.values.end() ? 0 : it->second[(int)app.staff.results_slice];
            Shown(app, question.id + "/" + std::to_string(v)) = count;
            ChartBar(app, x, width, std::to_string(v), total ? (double)count / total : 0,
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
        Shown(app, question.id + "/" + option->option_id) = std::lround(rank * 100);
        ChartBar(app, x, width, OptionLabel(app, question, option->option_id), (n + 1 - rank) / n,
                 app.Format("staff.results.mean_rank", fmt::arg("rank", DecimalText(app, rank))));
    }
}

// Free text: newest first, each with "Masquer" / "Afficher" (hidden ones greyed, marked).
void TextList(App& app, const Question& question, const QuestionResults& results, float x, float width) {
    const Metrics& m = app.metrics;
    ChartLine(app, x,
              app.Format("staff.results.texts",
                         fmt::arg("visible", VisibleTexts(results, app.staff.results_slice)),
                         fmt::arg("hidden", results.hidden_texts[(int)app.staff.results_slice])));
    Shown(app, question.id + "/visible") = VisibleTexts(results, app.staff.results_slice);
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

// Plan pins: the plan with each cell of the grid tinted by how many pins it holds (the
// fullest cell darkest), so that staff see at a glance where residents put them.
void HeatMap(App& app, const Question& question, const QuestionResults& results, float x, float width) {
    const Plan* plan = app.data.content.FindPlan(question.plan_id);
    if (!plan) return;
    const Metrics& m = app.metrics;
    const float y = ImGui::GetCursorScreenPos().y;
    const float max_w = std::min(width, m.Px(900)), max_h = m.Px(560);
    const int side = std::clamp(((int)std::max(max_w, max_h) + 127) / 128 * 128, 128, 2048);
    const PictureView picture = app.images.Picture(plan->image.file, side, ImageUse::Plan);
    if (picture.status != ImageStatus::Ready) {
        DrawImagePlaceholder(app, ImVec2(x, y), ImVec2(x + max_w, y + max_h * 0.5f), picture.status);
        ImGui::SetCursorScreenPos(ImVec2(x, y + max_h * 0.5f + m.Px(12)));
        return;
    }
    const float scale = std::min(max_w / (float)picture.width, max_h / (float)picture.height);
    const ImVec2 size(picture.width * scale, picture.height * scale);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddImage(TextureId(picture.texture), ImVec2(x, y), ImVec2(x + size.x, y + size.y));
    const int slice = (int)app.staff.results_slice;
    int64_t fullest = 0;
    for (const HeatCell& cell : results.heat)
        fullest = std::max(fullest, cell.count[slice]);
    int cells = 0;
    const float cw = size.x / kHeatGrid, ch = size.y / kHeatGrid;
    for (const HeatCell& cell : results.heat) {
        const int64_t n = cell.count[slice];
        if (n <= 0 || fullest <= 0) continue;
        // A disc over the cell, larger than it, so that a lone pin is seen and neighbours
        // merge into a patch; at least a third opaque, the fullest cell most.
        const float strength = 0.35f + 0.5f * (float)n / (float)fullest;
        const ImVec2 centre(x + (cell.cx + 0.5f) * cw, y + (cell.cy + 0.5f) * ch);
        const float radius = std::max({cw, ch, m.Px(8)}) * 1.2f;
        draw->AddCircleFilled(centre, radius, Rgb(palette::kDanger, strength));
        draw->AddCircle(centre, radius, Rgb(palette::kSurface, 0.8f), 0, m.Px(1.5f));
        cells++;
    }
    draw->AddRect(ImVec2(x, y), ImVec2(x + size.x, y + size.y), Rgb(palette::kBorder));
    Shown(app, question.id + "/heat_cells") = cells;
    ImGui::SetCursorScreenPos(ImVec2(x, y + size.y + m.Px(12)));
}

// The figures of one question for the slice app.staff.results_slice.
void QuestionFigures(App& app, const Question& question, const QuestionResults& results, float x,
                     float width) {
    const int64_t respondents = results.respondents[(int)app.staff.results_slice];
    Shown(app, question.id) = respondents;
    ChartLine(app, x, app.Format("staff.results.respondents", fmt::arg("count", respondents)));
    switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
    case QuestionType::YesNo:
    case QuestionType::Smiley:
        ChoiceChart(app, question, results, x, width);
        if (question.type == QuestionType::Smiley) MeanMedian(app, results, x);
        if (question.type == QuestionType::MultipleChoice)
            ChartLine(app, x, app.Tr("staff.results.multiple_note"));
        break;
    case QuestionType::PlanPin:
        ChartLine(
            app, x,
            app.Format("staff.results.pins", fmt::arg("count", results.pins[(int)app.staff.results_slice])));
        HeatMap(app, question, results, x, width);
        ChoiceChart(app, question, results, x, width);
        break;
    case QuestionType::Scale:
    case QuestionType::Number: ValueChart(app, question, results, x, width); break;
    case QuestionType::Ranking: RankingChart(app, question, results, x, width); break;
    case QuestionType::FreeText: TextList(app, question, results, x, width); break;
    }
}

void QuestionCard(App& app, const Question& question, const QuestionResults& results,
                  const PerSlice<int64_t>& participants, float x, float width) {
    const Metrics& m = app.metrics;
    StaffState& staff = app.staff;
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    WrappedText(app.Text(question.text), app.fonts.body_bold, palette::kText, width);
    // Side by side: every origin that has participants, and the total first. The free-text
    // list is one list whatever the origin: shown once.
    std::vector<const SliceChoice*> slices = {&kSlices[0]};
    if (staff.results_compare && question.type != QuestionType::FreeText) {
        for (const SliceChoice& choice : kSlices)
            if (choice.slice != Slice::Total && participants[(size_t)choice.slice] > 0)
                slices.push_back(&choice);
    }
    if (!staff.results_compare) {
        QuestionFigures(app, question, results, x, width);
    } else {
        // As many columns as keep an option's label readable beside its bar.
        const int columns = std::clamp((int)(width / m.Px(640)), 1, (int)slices.size());
        const float column_w = (width - m.gap * (columns - 1)) / columns;
        float row_top = ImGui::GetCursorScreenPos().y, row_bottom = row_top;
        for (size_t i = 0; i < slices.size(); i++) {
            const int column = (int)i % columns;
            if (i > 0 && column == 0) row_top = row_bottom + m.gap;
            const float cx = x + column * (column_w + m.gap);
            staff.results_slice = slices[i]->slice;
            ImGui::SetCursorScreenPos(ImVec2(cx, row_top));
            ChartLine(app, cx, app.Tr(slices[i]->label_key), palette::kPrimary);
            QuestionFigures(app, question, results, cx, column_w);
            row_bottom = std::max(row_bottom, ImGui::GetCursorScreenPos().y);
        }
        staff.results_slice = Slice::Total;
        ImGui::SetCursorScreenPos(ImVec2(x, row_bottom));
    }
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(28)));
}

} // namespace

ResultsServiceOptions ResultsOptions(const KioskData& data, std::function<void()> on_update) {
    ResultsServiceOptions options;
    options.database = data.config.paths.database;
    options.surveys = data.surveys;
    options.profile = data.profile;
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
    float y = min.y;
    {
        std::vector<Choice> choices;
        for (const Survey& survey : surveys) {
            std::string target = "results.survey:" + survey.id;
            choices.push_back({app.Text(survey.title), std::move(target), &survey == shown});
        }
        if (int tapped = ChoiceButtons(app, "surveys", choices, min.x, width, m.Px(200), y); tapped >= 0)
            staff.results_survey = surveys[tapped].id;
    }

    // The filters: one line saying what is counted, and a button that opens the choices
    // (folded by default, so that the charts keep the screen).
    struct PeriodChoice {
        ResultsPeriod period;
        const char* id;
        const char* label_key;
    };
    static constexpr PeriodChoice kPeriods[] = {
        {ResultsPeriod::All, "all", "staff.results.period.all"},
        {ResultsPeriod::Today, "today", "staff.results.period.today"},
        {ResultsPeriod::Last7Days, "7", "staff.results.period.last_7_days"},
        {ResultsPeriod::Last30Days, "30", "staff.results.period.last_30_days"},
    };
    {
        std::string summary;
        for (const SliceChoice& c : kSlices)
            if (!staff.results_compare && c.slice == staff.results_slice) summary = app.Tr(c.label_key);
        if (staff.results_compare) summary = app.Tr("staff.results.slice.compare");
        for (const PeriodChoice& c : kPeriods)
            if (c.period == staff.results_period) summary += " · " + app.Tr(c.label_key);
        summary +=
            " · " + (staff.results_language.empty()
                         ? app.Tr("staff.results.language.all")
                         : app.text_direction.Shown(app.data.catalogs.LanguageName(staff.results_language)));
        const std::string& label =
            app.Tr(staff.results_filters_open ? "staff.results.filters.close" : "staff.results.filters.open");
        std::vector<Choice> toggle = {{label, "results.filters", staff.results_filters_open}};
        const float row_y = y;
        float text_x = min.x;
        if (ChoiceButtons(app, "filters-toggle", toggle, min.x, width, m.Px(200), y, &text_x) == 0)
            staff.results_filters_open = !staff.results_filters_open;
        ImGui::PushClipRect(ImVec2(text_x, row_y), ImVec2(max.x, row_y + m.target), true);
        DrawTextAt(app.fonts.body, palette::kText,
                   ImVec2(text_x, row_y + (m.target - app.fonts.body->FontSize) * 0.5f), summary);
        ImGui::PopClipRect();
    }
    if (staff.results_filters_open) {
        // Which origin the figures count: all of them, one, or each side by side (kiosk vs paper
        // vs total).
        {
            std::vector<Choice> choices;
            for (const SliceChoice& c : kSlices)
                choices.push_back({app.Tr(c.label_key), std::string("results.slice:") + ToString(c.slice),
                                   !staff.results_compare && c.slice == staff.results_slice});
            choices.push_back(
                {app.Tr("staff.results.slice.compare"), "results.slice:compare", staff.results_compare});
            if (int tapped = ChoiceButtons(app, "slices", choices, min.x, width, m.Px(160), y); tapped >= 0) {
                staff.results_compare = tapped == (int)std::size(kSlices);
                staff.results_slice = staff.results_compare ? Slice::Total : kSlices[tapped].slice;
            }
        }

        // The period and the language.
        const std::vector<std::string>& languages = app.data.config.languages;
        {
            std::vector<Choice> choices;
            for (const PeriodChoice& c : kPeriods)
                choices.push_back({app.Tr(c.label_key), std::string("results.period:") + c.id,
                                   c.period == staff.results_period});
            choices.push_back({app.Tr("staff.results.language.all"), "results.language:all",
                               staff.results_language.empty()});
            for (const std::string& language : languages)
                choices.push_back({app.text_direction.Shown(app.data.catalogs.LanguageName(language)),
                                   "results.language:" + language, staff.results_language == language});
            if (int tapped = ChoiceButtons(app, "filters", choices, min.x, width, m.Px(160), y);
                tapped >= 0) {
                if (tapped < (int)std::size(kPeriods))
                    staff.results_period = kPeriods[tapped].period;
                else if (tapped == (int)std::size(kPeriods))
                    staff.results_language.clear();
                else
                    staff.results_language = languages[tapped - std::size(kPeriods) - 1];
            }
        }
    }

    const ResultsFilter filter = StaffFilter(app);
    const ResultsSnapshot snapshot = app.results->Get(shown->id, filter);

    // The participants, and a discreet marker while a newer snapshot is computed.
    ImFont* font = app.fonts.body_bold;
    const std::string participants =
        snapshot.results
            ? app.Format("staff.results.participants",
                         fmt::arg("count", snapshot.results->responses[(int)app.staff.results_slice]))
            : std::string();
    DrawTextAt(font, palette::kText, ImVec2(min.x, y), participants);
    if (snapshot.refreshing) {
        const std::string& updating = app.Tr("staff.results.updating");
        DrawTextAt(app.fonts.small, palette::kTextMuted,
                   ImVec2(max.x - TextWidth(app.fonts.small, updating), y), updating);
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
                QuestionCard(app, question, *results, snapshot.results->responses, start.x, inner);
        ImGui::Dummy(ImVec2(inner, 1)); // the content's extent, for scrolling
    }
    EndTouchScroll();
}

} // namespace kiosk
