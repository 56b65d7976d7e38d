// The staff panel's "Participation" section (issue 13): how many took part, when, through
// which channel, in which language, at which kiosk, how long it took, and who they were
// compared with the neighbourhood. Every figure comes from ResultsService's snapshot (the
// same worker and cache as "Résultats"): no SQL runs in a frame.
#include "staff/participation_view.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "content/date_text.h"
#include "content/fuzzy_date.h"
#include "palette.h"
#include "platform/event_wait.h"
#include "results/results_service.h"
#include "staff/staff_widgets.h"
#include "staff_state.h"
#include "store/timestamp.h"
#include "widgets.h"

namespace kiosk {

namespace {

std::string Duration(App& app, double seconds) {
    const int total = (int)std::lround(seconds);
    if (total < 60) return app.Format("staff.participation.seconds", fmt::arg("seconds", total));
    return app.Format("staff.participation.minutes_seconds", fmt::arg("minutes", total / 60),
                      fmt::arg("seconds", total % 60));
}

void Heading(App& app, float x, std::string_view text) {
    const Metrics& m = app.metrics;
    const float y = ImGui::GetCursorScreenPos().y + m.Px(12);
    DrawTextAt(app.fonts.body_bold, palette::kText, ImVec2(x, y), text);
    ImGui::SetCursorScreenPos(ImVec2(x, y + app.fonts.body_bold->FontSize + m.Px(10)));
}

std::string CountText(App& app, const StatusCounts& counts) {
    if (counts.abandoned == 0) return fmt::format("{}", counts.complete);
    return app.Format("staff.participation.count_abandoned", fmt::arg("count", counts.complete),
                      fmt::arg("abandoned", counts.abandoned));
}

// One bar per category, the largest first; the bar is the category's share of every
// response (complete and abandoned).
void Breakdown(App& app, const char* title_key, const char* shown_prefix,
               const std::map<std::string, StatusCounts>& counts, float x, float width,
               const std::function<std::string(const std::string&)>& label) {
    if (counts.empty()) return;
    Heading(app, x, app.Tr(title_key));
    std::vector<std::pair<std::string, StatusCounts>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second.Total() > b.second.Total(); });
    int64_t total = 0;
    for (const auto& [key, c] : rows)
        total += c.Total();
    for (const auto& [key, c] : rows) {
        app.staff.participation_shown[std::string(shown_prefix) + ":" + key] = c.complete;
        ChartBar(app, x, width, label(key), total ? (double)c.Total() / total : 0, CountText(app, c));
    }
}

// Responses per day as columns (per week when the days would be thinner than a few pixels),
// every day of the range shown, empty ones too.
void PerDay(App& app, const ParticipationFigures& figures, float x, float width) {
    if (figures.by_day.empty()) return;
    const Metrics& m = app.metrics;
    const long long first = *ParseIsoDate(figures.by_day.begin()->first);
    const long long last = *ParseIsoDate(figures.by_day.rbegin()->first);
    const long long days = last - first + 1;
    const bool weekly = days * m.Px(6) > width;
    const long long step = weekly ? 7 : 1;
    const long long columns = (days + step - 1) / step;
    std::vector<int64_t> counts((size_t)columns, 0);
    for (const auto& [day, c] : figures.by_day) {
        counts[(size_t)((*ParseIsoDate(day) - first) / step)] += c.Total();
        app.staff.participation_shown["day:" + day] = c.Total();
    }
    const int64_t fullest = *std::max_element(counts.begin(), counts.end());
    Heading(app, x, app.Tr(weekly ? "staff.participation.per_week" : "staff.participation.per_day"));
    const float y = ImGui::GetCursorScreenPos().y;
    const float height = m.Px(160);
    // Columns at most a thumb wide: a few days do not stretch across the screen.
    const float column_w = std::min(m.Px(48), width / (float)columns);
    const float chart_w = column_w * (float)columns;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddLine(ImVec2(x, y + height), ImVec2(x + chart_w, y + height), Rgb(palette::kBorder), m.Px(1));
    for (long long i = 0; i < columns; i++) {
        if (counts[(size_t)i] == 0 || fullest == 0) continue;
        const float h = std::max(m.Px(2), height * (float)counts[(size_t)i] / (float)fullest);
        const float left = x + column_w * (float)i;
        draw->AddRectFilled(ImVec2(left + std::min(m.Px(1), column_w * 0.1f), y + height - h),
                            ImVec2(left + std::max(column_w - m.Px(1), column_w * 0.9f), y + height),
                            Rgb(palette::kPrimary));
    }
    // Under the axis: the days it spans and the largest count (the tallest column).
    const float label_y = y + height + m.Px(6);
    const std::string from = FormatFullDate(app.data.catalogs, app.nav.Language(), CivilFromDays(first));
    const std::string span =
        last == first ? from
                      : app.Format("staff.participation.range", fmt::arg("from", from),
                                   fmt::arg("to", FormatFullDate(app.data.catalogs, app.nav.Language(),
                                                                 CivilFromDays(last))));
    const std::string top = app.Format(
        weekly ? "staff.participation.week_max" : "staff.participation.day_max", fmt::arg("count", fullest));
    DrawTextAt(app.fonts.small, palette::kTextMuted, ImVec2(x, label_y), span + " · " + top);
    ImGui::SetCursorScreenPos(ImVec2(x, label_y + app.fonts.small->FontSize + m.Px(10)));
}

constexpr const char* kWeekdayKeys[] = {
    "staff.participation.weekday.d1", "staff.participation.weekday.d2", "staff.participation.weekday.d3",
    "staff.participation.weekday.d4", "staff.participation.weekday.d5", "staff.participation.weekday.d6",
    "staff.participation.weekday.d7",
};

// An origin as the database spells it ("kiosk", "paper"…), in words.
std::string OriginLabel(App& app, const std::string& origin) {
    static constexpr std::pair<const char*, const char*> kOrigins[] = {
        {"kiosk", "staff.participation.origin.kiosk"},
        {"assisted", "staff.participation.origin.assisted"},
        {"paper", "staff.participation.origin.paper"},
        {"event", "staff.participation.origin.event"},
        {"synthetic", "staff.participation.origin.synthetic"},
    };
    for (const auto& [id, key] : kOrigins)
        if (origin == id) return app.Tr(key);
    return origin;
}

// Weekday × hour: a grid of cells, the fullest darkest; the hours nobody answered in at the
// ends of the day are left out (the house is closed at night).
void HourGrid(App& app, const ParticipationFigures& figures, float x, float width) {
    const Metrics& m = app.metrics;
    int first_hour = 24, last_hour = -1;
    int64_t fullest = 0;
    for (const auto& day : figures.weekday_hour)
        for (int h = 0; h < 24; h++)
            if (day[h] > 0) {
                first_hour = std::min(first_hour, h);
                last_hour = std::max(last_hour, h);
                fullest = std::max(fullest, day[h]);
            }
    if (last_hour < 0) return;
    first_hour = std::min(first_hour, 8);
    last_hour = std::max(last_hour, 19);
    Heading(app, x, app.Tr("staff.participation.hours"));
    ImFont* font = app.fonts.small;
    const float label_w = m.Px(80);
    const int hours = last_hour - first_hour + 1;
    const float cell_w = std::min(m.Px(64), (width - label_w) / (float)hours);
    const float cell_h = std::max(font->FontSize + m.Px(8), m.Px(34));
    float y = ImGui::GetCursorScreenPos().y;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int h = first_hour; h <= last_hour; h++)
        if ((h - first_hour) % (cell_w < m.Px(40) ? 3 : 1) == 0)
            DrawTextAt(font, palette::kTextMuted, ImVec2(x + label_w + cell_w * (float)(h - first_hour), y),
                       fmt::format("{}h", h));
    y += font->FontSize + m.Px(6);
    for (int d = 0; d < 7; d++) {
        DrawTextAt(font, palette::kText, ImVec2(x, y + (cell_h - font->FontSize) * 0.5f),
                   app.Tr(kWeekdayKeys[d]));
        for (int h = first_hour; h <= last_hour; h++) {
            const int64_t n = figures.weekday_hour[d][h];
            const ImVec2 a(x + label_w + cell_w * (float)(h - first_hour), y);
            const ImVec2 b(a.x + cell_w - m.Px(2), a.y + cell_h - m.Px(2));
            if (n > 0) {
                app.staff.participation_shown[fmt::format("hour:{}:{}", d, h)] = n;
                draw->AddRectFilled(a, b, Rgb(palette::kPrimary, 0.15f + 0.85f * (float)n / (float)fullest));
            } else {
                draw->AddRectFilled(a, b, Rgb(palette::kSurfaceAlt));
            }
        }
        y += cell_h;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y + m.Px(8)));
    if (figures.without_hour > 0)
        ChartLine(app, x,
                  app.Format("staff.participation.without_hour", fmt::arg("count", figures.without_hour)));
}

std::string OptionLabel(App& app, const Question& question, const std::string& id) {
    if (const Option* option = question.FindOption(id); option && !app.Text(option->label).empty())
        return app.Text(option->label);
    return id;
}

std::string BandList(App& app, const Question& question, const std::vector<std::string>& ids) {
    std::string list;
    for (const std::string& id : ids)
        list += (list.empty() ? "" : ", ") + OptionLabel(app, question, id);
    return list;
}

// Each profile question with a reference: respondents' share and the neighbourhood's, band by
// band, and the groups out of proportion named.
void Profile(App& app, const Representativeness& r, float x, float width) {
    const ProfileBlock& profile = app.data.profile;
    Heading(app, x, app.Tr("staff.participation.profile.title"));
    if (profile.Empty()) {
        ChartLine(app, x, app.Tr("staff.participation.profile.none"));
        return;
    }
    if (profile.population.example)
        ChartLine(app, x, app.Tr("staff.participation.profile.example"), palette::kWarning);
    if (!app.Text(profile.population.source).empty())
        ChartLine(app, x,
                  app.Format("staff.participation.profile.source",
                             fmt::arg("source", app.Text(profile.population.source))));
    if (!r.dimensions.empty()) {
        // The legend: which bar is whom.
        const Metrics& m = app.metrics;
        const float y = ImGui::GetCursorScreenPos().y + m.Px(6);
        const float side = app.fonts.small->FontSize;
        float lx = x;
        for (const auto& [color, key] :
             {std::pair{palette::kPrimary, "staff.participation.profile.respondents"},
              std::pair{palette::kTextMuted, "staff.participation.profile.neighbourhood"}}) {
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(lx, y), ImVec2(lx + side, y + side), Rgb(color));
            DrawTextAt(app.fonts.small, palette::kText, ImVec2(lx + side + m.Px(8), y), app.Tr(key));
            lx += side + m.Px(8) + TextWidth(app.fonts.small, app.Tr(key)) + m.Px(32);
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y + side + m.Px(6)));
    }
    for (const DimensionComparison& d : r.dimensions) {
        const Question* question = nullptr;
        for (const Question& q : profile.questions)
            if (q.id == d.question_id) question = &q;
        if (!question) continue;
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + app.metrics.Px(8)));
        WrappedText(app.Text(question->text), app.fonts.body, palette::kText, width);
        auto share_pair = [&](const BandComparison& band) {
            return app.Format("staff.participation.profile.share_pair",
                              fmt::arg("respondents", (int)std::lround(100 * band.respondent_share)),
                              fmt::arg("reference", (int)std::lround(100 * band.reference_share)));
        };
        // Every bar of the question on one track width, so that lengths compare.
        float value_w = 0;
        for (const BandComparison& band : d.bands)
            value_w =
                std::max(value_w, TextWidth(app.fonts.body_bold, share_pair(band)) + app.metrics.Px(12));
        for (const BandComparison& band : d.bands) {
            app.staff.participation_shown["profile:" + d.question_id + "/" + band.option_id] =
                band.respondents;
            // Two bars: the respondents (filled), the neighbourhood (muted) just under it.
            ChartBar(app, x, width, OptionLabel(app, *question, band.option_id), band.respondent_share,
                     share_pair(band), palette::kPrimary, value_w);
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y - app.metrics.Px(10)));
            ChartBar(app, x, width, "", band.reference_share, "", palette::kTextMuted, value_w);
        }
        int64_t other = 0;
        for (const auto& [id, n] : d.other)
            other += n;
        ChartLine(app, x,
                  app.Format("staff.participation.profile.donated", fmt::arg("compared", d.compared),
                             fmt::arg("asked", d.responses_asked)));
        if (other > 0)
            ChartLine(app, x, app.Format("staff.participation.profile.other", fmt::arg("count", other)));
        if (!d.over.empty())
            ChartLine(app, x,
                      app.Format("staff.participation.profile.over",
                                 fmt::arg("bands", BandList(app, *question, d.over))),
                      palette::kText);
        if (!d.under.empty())
            ChartLine(app, x,
                      app.Format("staff.participation.profile.under",
                                 fmt::arg("bands", BandList(app, *question, d.under))),
                      palette::kText);
        if (d.over.empty() && d.under.empty() && d.compared > 0)
            ChartLine(app, x, app.Tr("staff.participation.profile.balanced"), palette::kText);
    }
    // Questions without a reference (lives here, sector): their answers only.
    if (!r.unreferenced.empty()) Heading(app, x, app.Tr("staff.participation.profile.unreferenced"));
    for (const auto& [question_id, counts] : r.unreferenced) {
        const Question* question = nullptr;
        for (const Question& q : profile.questions)
            if (q.id == question_id) question = &q;
        if (!question) continue;
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + app.metrics.Px(8)));
        WrappedText(app.Text(question->text), app.fonts.body, palette::kText, width);
        int64_t total = 0;
        for (const auto& [id, n] : counts)
            total += n;
        for (const Option& option : question->options) {
            const auto it = counts.find(option.id);
            const int64_t n = it == counts.end() ? 0 : it->second;
            app.staff.participation_shown["profile:" + question_id + "/" + option.id] = n;
            ChartBar(app, x, width, OptionLabel(app, *question, option.id), total ? (double)n / total : 0,
                     fmt::format("{}", n));
        }
    }
}

// "Rapport de bilan (PDF)": the closing report of what the screen shows (period, surveys,
// test rule), by kiosk-report, onto the USB key; then what came of it.
void ReportButton(App& app, const ParticipationFigures& figures, float x, float width) {
    StaffState& staff = app.staff;
    const Metrics& m = app.metrics;
    if (staff.report) staff.report->Update();
    const bool running = staff.report && staff.report->Running();
    float y = ImGui::GetCursorScreenPos().y + m.Px(8);
    const std::string& label =
        app.Tr(running ? "staff.participation.report.running" : "staff.participation.report.button");
    std::vector<Choice> button = {{label, "participation.report", running}};
    if (ChoiceButtons(app, "report", button, x, width, m.Px(300), y) == 0 && !running) {
        if (!staff.report)
            staff.report =
                std::make_unique<ReportControl>(ReportControlOptionsFor(app.data.config, WakeMainLoop));
        ReportRequest request;
        // "Toute la période": from the first day with a response (today when there is none).
        const std::string today = PeriodStart(app, ResultsPeriod::Today);
        request.from_date = !figures.filter.from_date.empty() ? figures.filter.from_date
                            : figures.by_day.empty()          ? today
                                                              : figures.by_day.begin()->first;
        request.to_date = today;
        request.survey_ids = figures.filter.survey_ids;
        request.include_test = figures.filter.include_test;
        staff.report->Start(request);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (!staff.report || running) return;
    const ReportOutcome& last = staff.report->Last();
    std::string said;
    uint32_t color = palette::kText;
    switch (last.kind) {
    case ReportOutcome::Kind::None: return;
    case ReportOutcome::Kind::Done:
        said = app.Format("staff.participation.report.done", fmt::arg("file", last.pdf.string()));
        break;
    case ReportOutcome::Kind::NoDrive:
        said = app.Tr("staff.participation.report.no_drive");
        color = palette::kDanger;
        break;
    case ReportOutcome::Kind::NoDir:
        said =
            app.Format("staff.participation.report.no_dir", fmt::arg("dir", last.pdf.parent_path().string()));
        color = palette::kDanger;
        break;
    case ReportOutcome::Kind::NotStarted:
    case ReportOutcome::Kind::Failed:
        said = app.Format("staff.participation.report.failed", fmt::arg("code", last.exit_code),
                          fmt::arg("detail", last.detail));
        color = palette::kDanger;
        break;
    }
    staff.participation_shown["report:" + std::to_string((int)last.kind)] = 1;
    WrappedText(said, app.fonts.body, color, width);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(8)));
}

} // namespace

void DrawStaffParticipation(App& app, ImVec2 min, ImVec2 max) {
    StaffState& staff = app.staff;
    const Metrics& m = app.metrics;
    const float width = max.x - min.x;
    staff.participation_shown.clear();
    if (!app.results) {
        ImGui::SetCursorScreenPos(min);
        WrappedText(app.Tr("staff.results.none"), app.fonts.body, palette::kTextMuted, width);
        return;
    }

    // The choices: period, survey, test responses.
    float y = min.y;
    {
        static constexpr std::pair<ResultsPeriod, const char*> kPeriods[] = {
            {ResultsPeriod::All, "all"},
            {ResultsPeriod::Today, "today"},
            {ResultsPeriod::Last7Days, "7"},
            {ResultsPeriod::Last30Days, "30"},
        };
        static constexpr const char* kPeriodKeys[] = {
            "staff.results.period.all", "staff.results.period.today", "staff.results.period.last_7_days",
            "staff.results.period.last_30_days"};
        std::vector<Choice> choices;
        for (size_t i = 0; i < std::size(kPeriods); i++)
            choices.push_back({app.Tr(kPeriodKeys[i]),
                               std::string("participation.period:") + kPeriods[i].second,
                               staff.participation_period == kPeriods[i].first});
        choices.push_back({app.Tr("staff.participation.include_test"), "participation.test",
                           staff.participation_include_test});
        if (int tapped = ChoiceButtons(app, "period", choices, min.x, width, m.Px(160), y); tapped >= 0) {
            if (tapped < (int)std::size(kPeriods))
                staff.participation_period = kPeriods[tapped].first;
            else
                staff.participation_include_test = !staff.participation_include_test;
        }
    }
    {
        std::vector<Choice> choices = {{app.Tr("staff.participation.all_surveys"), "participation.survey:all",
                                        staff.participation_survey.empty()}};
        for (const Survey& survey : app.data.surveys) {
            std::string target = "participation.survey:" + survey.id;
            choices.push_back(
                {app.Text(survey.title), std::move(target), staff.participation_survey == survey.id});
        }
        if (int tapped = ChoiceButtons(app, "surveys", choices, min.x, width, m.Px(200), y); tapped >= 0)
            staff.participation_survey = tapped == 0 ? std::string() : app.data.surveys[tapped - 1].id;
    }

    ParticipationFilter filter;
    filter.from_date = PeriodStart(app, staff.participation_period);
    if (!staff.participation_survey.empty()) filter.survey_ids = {staff.participation_survey};
    filter.include_test = staff.participation_include_test;
    const ParticipationSnapshot snapshot = app.results->GetParticipation(filter);
    if (snapshot.refreshing) {
        const std::string& updating = app.Tr("staff.participation.updating");
        DrawTextAt(app.fonts.small, palette::kTextMuted,
                   ImVec2(max.x - TextWidth(app.fonts.small, updating), y), updating);
    }
    if (!snapshot.error.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(min.x, y));
        WrappedText(app.Tr("staff.participation.error"), app.fonts.body, palette::kDanger, width);
        y = ImGui::GetCursorScreenPos().y;
    }
    if (!snapshot.view) return;
    const ParticipationFigures& f = snapshot.view->figures;

    ImGui::SetCursorScreenPos(ImVec2(min.x, y));
    if (BeginTouchScroll(app, "##participation", ImVec2(width, max.y - y))) {
        const float inner = width - m.Px(24); // room for the scroll indicator
        const float x = ImGui::GetCursorScreenPos().x;
        staff.participation_shown["complete"] = f.responses.complete;
        staff.participation_shown["abandoned"] = f.responses.abandoned;
        staff.participation_shown["test_left_out"] = f.test_left_out;
        staff.participation_shown["burst_left_out"] = f.burst_left_out;
        if (f.median_seconds) staff.participation_shown["median_seconds"] = std::lround(*f.median_seconds);

        // The headline figures.
        auto headline = [&](const std::string& text) {
            const float line_y = ImGui::GetCursorScreenPos().y;
            DrawTextAt(app.fonts.body_bold, palette::kText, ImVec2(x, line_y), text);
            ImGui::SetCursorScreenPos(ImVec2(x, line_y + app.fonts.body_bold->FontSize + m.Px(8)));
        };
        headline(app.Format("staff.participation.complete", fmt::arg("count", f.responses.complete)));
        headline(app.Format("staff.participation.abandoned", fmt::arg("count", f.responses.abandoned)));
        if (f.median_seconds) {
            std::string duration = Duration(app, *f.median_seconds);
            if (*f.median_seconds >= 1800)
                duration = app.Format("staff.participation.at_least", fmt::arg("duration", duration));
            headline(app.Format("staff.participation.median", fmt::arg("duration", duration)));
        } else {
            headline(app.Tr("staff.participation.median_none"));
        }
        headline(app.Format("staff.participation.days", fmt::arg("count", f.first_seen_days)));
        ChartLine(
            app, x,
            f.filter.include_test
                ? app.Format("staff.participation.left_out_with_test", fmt::arg("burst", f.burst_left_out))
                : app.Format("staff.participation.left_out", fmt::arg("test", f.test_left_out),
                             fmt::arg("burst", f.burst_left_out)));
        if (f.responses.Total() == 0)
            ChartLine(app, x, app.Tr("staff.participation.nothing"), palette::kText);
        ReportButton(app, f, x, inner);

        PerDay(app, f, x, inner);
        HourGrid(app, f, x, inner);
        Breakdown(app, "staff.participation.by_survey", "survey", f.by_survey, x, inner,
                  [&](const std::string& id) {
                      const Survey* survey = app.data.FindSurvey(id);
                      return survey ? app.Text(survey->title) : id;
                  });
        Breakdown(app, "staff.participation.by_origin", "origin", f.by_origin, x, inner,
                  [&](const std::string& id) { return OriginLabel(app, id); });
        Breakdown(app, "staff.participation.by_language", "language", f.by_language, x, inner,
                  [&](const std::string& id) {
                      return app.text_direction.Shown(app.data.catalogs.LanguageName(id));
                  });
        Breakdown(app, "staff.participation.by_kiosk", "kiosk", f.by_kiosk, x, inner,
                  [](const std::string& id) { return id; });
        Profile(app, snapshot.view->representativeness, x, inner);
        ImGui::Dummy(ImVec2(inner, m.Px(24))); // the content's extent, for scrolling
    }
    EndTouchScroll();
}

} // namespace kiosk
