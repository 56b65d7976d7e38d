#include "report/report_pages.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "base/version.h"
#include "content/date_text.h"
#include "content/fuzzy_date.h"
#include "report/report_canvas.h"
#include "report/report_text.h"
#include "results/results_figures.h"
#include "store/timestamp.h"

namespace kiosk {

namespace {

constexpr int kQuotedTexts = 10; // free-text answers printed per question (the export has them all)
constexpr int kTotal = static_cast<int>(Slice::Total);

// The catalogue key of an origin as the figures name it ("kiosk", "paper"…).
const char* OriginKey(std::string_view origin) {
    if (origin == "kiosk") return "report.origin.kiosk";
    if (origin == "assisted") return "report.origin.assisted";
    if (origin == "paper") return "report.origin.paper";
    if (origin == "event") return "report.origin.event";
    if (origin == "synthetic") return "report.origin.synthetic";
    return nullptr;
}

// Fixed option ids (yes/no, smiley faces) have no label in the survey file.
const char* FixedOptionKey(std::string_view id) {
    if (id == "yes") return "report.option.yes";
    if (id == "no") return "report.option.no";
    if (id == "very_bad") return "report.option.very_bad";
    if (id == "bad") return "report.option.bad";
    if (id == "neutral") return "report.option.neutral";
    if (id == "good") return "report.option.good";
    if (id == "very_good") return "report.option.very_good";
    return nullptr;
}

const char* StatusKey(PhaseStatus status) {
    switch (status) {
    case PhaseStatus::Done: return "report.phases.done";
    case PhaseStatus::InProgress: return "report.phases.in_progress";
    case PhaseStatus::Upcoming: return "report.phases.upcoming";
    }
    return "report.phases.upcoming";
}

class Pages {
public:
    Pages(const ReportData& data, ReportCanvas& canvas)
        : d_(data), k_(*data.kiosk), t_(data.kiosk->catalogs, data.language), c_(canvas) {}

    void Draw() {
        Cover();
        int section = 0;
        for (void (Pages::*draw)() : {&Pages::Participation, &Pages::RepresentativenessPage, &Pages::Results,
                                      &Pages::YouSaidWeDid, &Pages::Methods}) {
            (this->*draw)(); // starts with a heading on a new page
            section_pages_[section++] = first_page_;
        }
        // The contents' page numbers, on the cover, now that they are known.
        for (size_t i = 0; i < contents_y_.size(); i++)
            c_.WriteRight(1, contents_y_[i], t_.Int(section_pages_[i]));
    }

    const ReportText& Text() const { return t_; }

private:
    const ReportData& d_;
    const KioskData& k_;
    ReportText t_;
    ReportCanvas& c_;
    std::vector<double> contents_y_; // the cover's contents lines
    std::array<int, 5> section_pages_{};
    int first_page_ = 0; // of the section being drawn

    void Heading(const char* key) {
        c_.Heading(t_.Tr(key));
        first_page_ = c_.Page();
    }

    std::string L(const LocalizedText& text) const { return t_.Typeset(text.Get(d_.language, d_.language)); }
    std::string N(int64_t n) const { return t_.Int(n); }

    std::string Date(const std::string& iso) const {
        const std::optional<FuzzyDate> date = ParseFuzzyDate(iso);
        return date ? FormatFuzzyDate(k_.catalogs, d_.language, *date) : iso;
    }
    std::string Date(const CivilDate& date) const {
        return FormatFuzzyDate(k_.catalogs, d_.language, FuzzyDate{date.year, date.month, date.day});
    }
    std::string ShortDay(const std::string& iso) const {
        const std::optional<FuzzyDate> date = ParseFuzzyDate(iso);
        if (!date || !date->day) return iso;
        return fmt::format("{} {}", date->day, MonthShortName(k_.catalogs, d_.language, date->month));
    }
    std::string Origin(const std::string& origin) const {
        const char* key = OriginKey(origin);
        return key ? t_.Tr(key) : origin;
    }
    std::string SurveyTitle(const std::string& id) const {
        const Survey* s = k_.FindSurvey(id);
        return s ? L(s->title) : id;
    }
    std::string OptionLabel(const Question& q, const std::string& id) const {
        if (const Option* o = q.FindOption(id); o && !o->label.Empty()) return L(o->label);
        if (const char* key = FixedOptionKey(id)) return t_.Tr(key);
        return id;
    }
    std::string CountShare(int64_t count, double share) const {
        return t_.Format("report.count_share", fmt::arg("count", N(count)),
                         fmt::arg("percent", t_.Percent(share)));
    }
    std::string Duration(double seconds) const {
        const int64_t s = std::llround(seconds);
        if (s < 60) return t_.Format("report.duration.seconds", fmt::arg("seconds", N(s)));
        return t_.Format("report.duration.minutes", fmt::arg("minutes", N(s / 60)),
                         fmt::arg("seconds", fmt::format("{:02}", s % 60)));
    }
    std::string Period() const {
        return t_.Format("report.cover.period", fmt::arg("from", Date(d_.options.from_date)),
                         fmt::arg("to", Date(d_.options.to_date)));
    }

    // ---- cover -----------------------------------------------------------------------
    void Cover() {
        c_.Space(60);
        c_.Note(t_.Tr("report.cover.kicker"));
        c_.Title(t_.Tr("report.cover.title"));
        c_.Subheading(t_.Typeset(k_.config.place_name));
        c_.Paragraph(Period());
        c_.Space(16);
        if (d_.example_content) c_.Banner(t_.Tr("report.cover.example_content"));
        if (d_.example_population) c_.Banner(t_.Tr("report.cover.example_population"));
        if (d_.options.include_test) c_.Banner(t_.Tr("report.cover.includes_test"));
        if (d_.Empty()) {
            c_.Banner(t_.Tr("report.cover.empty"));
        } else {
            const StatusCounts& r = d_.participation.responses;
            c_.Paragraph(t_.Format("report.cover.summary", fmt::arg("total", N(r.Total())),
                                   fmt::arg("complete", N(r.complete)),
                                   fmt::arg("abandoned", N(r.abandoned))));
        }
        std::string surveys;
        for (const SurveyReport& s : d_.surveys)
            surveys += (surveys.empty() ? "" : " ; ") + L(s.survey->title);
        for (const Survey* s : d_.embargoed_out)
            surveys += (surveys.empty() ? "" : " ; ") + L(s->title);
        if (!surveys.empty())
            c_.Paragraph(t_.Format("report.cover.surveys", fmt::arg("surveys", t_.Typeset(surveys))));
        c_.Space(20);
        c_.Subheading(t_.Tr("report.cover.contents"));
        for (const char* key : {"report.participation.title", "report.representativeness.title",
                                "report.results.title", "report.phases.title", "report.methods.title"}) {
            contents_y_.push_back(c_.Y());
            c_.Paragraph("— " + t_.Tr(key));
        }
        c_.Space(20);
        c_.Note(t_.Format("report.cover.generated", fmt::arg("date", d_.options.generated_at),
                          fmt::arg("version", KioskVersion())));
    }

    // ---- participation ---------------------------------------------------------------
    std::vector<std::vector<std::string>>
    CountsTable(const std::map<std::string, StatusCounts>& counts, const char* first_column_key,
                const std::function<std::string(const std::string&)>& name) {
        std::vector<std::vector<std::string>> rows{{t_.Tr(first_column_key), t_.Tr("report.column.complete"),
                                                    t_.Tr("report.column.abandoned"),
                                                    t_.Tr("report.column.total")}};
        StatusCounts sum;
        for (const auto& [key, n] : counts) {
            rows.push_back({name(key), N(n.complete), N(n.abandoned), N(n.Total())});
            sum.complete += n.complete;
            sum.abandoned += n.abandoned;
        }
        rows.push_back({t_.Tr("report.column.all"), N(sum.complete), N(sum.abandoned), N(sum.Total())});
        return rows;
    }

    void Participation() {
        const ParticipationFigures& p = d_.participation;
        Heading("report.participation.title");
        if (d_.Empty()) {
            c_.Paragraph(t_.Format("report.participation.empty", fmt::arg("period", Period())));
        } else {
            c_.Paragraph(t_.Format("report.participation.totals", fmt::arg("total", N(p.responses.Total())),
                                   fmt::arg("complete", N(p.responses.complete)),
                                   fmt::arg("abandoned", N(p.responses.abandoned)),
                                   fmt::arg("days", N(p.first_seen_days))));
        }
        c_.Paragraph(
            d_.options.include_test
                ? t_.Format("report.participation.test_included", fmt::arg("burst", N(p.burst_left_out)))
                : t_.Format("report.participation.left_out", fmt::arg("test", N(p.test_left_out)),
                            fmt::arg("burst", N(p.burst_left_out))));
        if (d_.Empty()) return;
        if (p.median_seconds)
            c_.Paragraph(t_.Format("report.participation.median",
                                   fmt::arg("time", Duration(*p.median_seconds)),
                                   fmt::arg("count", N(p.timed_responses))));
        else
            c_.Paragraph(t_.Tr("report.participation.median_none"));

        c_.Subheading(t_.Tr("report.participation.per_day"));
        std::vector<Column> columns;
        int64_t busiest = 0;
        // Every day of the range, the quiet ones too (a gap is a figure).
        const std::optional<long long> from = ParseIsoDate(d_.options.from_date);
        const std::optional<long long> to = ParseIsoDate(d_.options.to_date);
        if (from && to && *to - *from < 800) {
            for (long long day = *from; day <= *to; day++) {
                const CivilDate date = CivilFromDays(day);
                const std::string iso = fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
                const auto it = p.by_day.find(iso);
                const StatusCounts n = it == p.by_day.end() ? StatusCounts{} : it->second;
                columns.push_back(Column{ShortDay(iso), double(n.Total()), double(n.complete)});
                busiest = std::max(busiest, n.Total());
            }
        } else {
            for (const auto& [iso, n] : p.by_day) {
                columns.push_back(Column{ShortDay(iso), double(n.Total()), double(n.complete)});
                busiest = std::max(busiest, n.Total());
            }
        }
        c_.Columns(columns, N(busiest));
        c_.Note(t_.Tr("report.participation.per_day_key"));

        c_.Subheading(t_.Tr("report.participation.per_hour"));
        std::vector<std::vector<int64_t>> cells(7, std::vector<int64_t>(24));
        int64_t top = 0;
        for (int w = 0; w < 7; w++)
            for (int h = 0; h < 24; h++) {
                cells[w][h] = p.weekday_hour[w][h];
                top = std::max(top, cells[w][h]);
            }
        std::vector<std::string> days, hours(24);
        for (int w = 0; w < 7; w++)
            days.push_back(WeekdayName(k_.catalogs, d_.language, w));
        for (int h = 0; h < 24; h += 3)
            hours[h] = FormatClock(k_.catalogs, d_.language, h * 60);
        c_.HeatMap(cells, days, hours,
                   t_.Format("report.participation.per_hour_key", fmt::arg("max", N(top))),
                   [&](int64_t n) { return N(n); });
        if (p.without_hour > 0)
            c_.Note(t_.Format("report.participation.without_hour", fmt::arg("count", N(p.without_hour))));

        c_.Subheading(t_.Tr("report.participation.by_survey"));
        c_.Table(CountsTable(p.by_survey, "report.column.survey",
                             [&](const std::string& id) { return SurveyTitle(id); }),
                 {0.52, 0.16, 0.16, 0.16});
        c_.Subheading(t_.Tr("report.participation.by_origin"));
        c_.Table(
            CountsTable(p.by_origin, "report.column.origin", [&](const std::string& o) { return Origin(o); }),
            {0.52, 0.16, 0.16, 0.16});
        c_.Subheading(t_.Tr("report.participation.by_language"));
        c_.Table(CountsTable(p.by_language, "report.column.language",
                             [&](const std::string& l) {
                                 const std::string& name = k_.catalogs.LanguageName(l);
                                 return name == "?" ? l : name;
                             }),
                 {0.52, 0.16, 0.16, 0.16});
        c_.Subheading(t_.Tr("report.participation.by_kiosk"));
        c_.Table(CountsTable(p.by_kiosk, "report.column.kiosk", [](const std::string& id) { return id; }),
                 {0.52, 0.16, 0.16, 0.16});
        if (!p.median_seconds_by_survey.empty()) {
            c_.Subheading(t_.Tr("report.participation.median_by_survey"));
            std::vector<std::vector<std::string>> rows{
                {t_.Tr("report.column.survey"), t_.Tr("report.column.median")}};
            for (const auto& [id, seconds] : p.median_seconds_by_survey)
                rows.push_back({SurveyTitle(id), Duration(seconds)});
            c_.Table(rows, {0.7, 0.3});
        }
    }

    // ---- representativeness ----------------------------------------------------------
    const Question* ProfileQuestion(const std::string& id) const {
        for (const Question& q : d_.profile->questions)
            if (q.id == id) return &q;
        return nullptr;
    }

    std::string Bands(const Question* q, const std::vector<std::string>& ids) const {
        std::string out;
        for (const std::string& id : ids)
            out += (out.empty() ? "" : ", ") + (q ? OptionLabel(*q, id) : id);
        return out;
    }

    void RepresentativenessPage() {
        Heading("report.representativeness.title");
        const Representativeness& r = d_.representativeness;
        if (!d_.profile || d_.profile->Empty()) {
            c_.Paragraph(t_.Tr("report.representativeness.no_block"));
            return;
        }
        c_.Paragraph(t_.Tr("report.representativeness.donated"));
        if (!d_.profile->population.source.Empty())
            c_.Note(t_.Format("report.representativeness.source",
                              fmt::arg("source", L(d_.profile->population.source))));
        if (d_.example_population) c_.Banner(t_.Tr("report.cover.example_population"));
        for (const DimensionComparison& dim : r.dimensions) {
            const Question* q = ProfileQuestion(dim.question_id);
            c_.Subheading(q ? L(q->text) : dim.question_id);
            c_.Note(t_.Format("report.representativeness.compared", fmt::arg("compared", N(dim.compared)),
                              fmt::arg("asked", N(dim.responses_asked))));
            std::vector<Bar> bars;
            for (const BandComparison& b : dim.bands) {
                bars.push_back(Bar{q ? OptionLabel(*q, b.option_id) : b.option_id, b.respondent_share,
                                   t_.Format("report.representativeness.respondents",
                                             fmt::arg("percent", t_.Percent(b.respondent_share)),
                                             fmt::arg("count", N(b.respondents)))});
                bars.push_back(Bar{"", b.reference_share,
                                   t_.Format("report.representativeness.reference",
                                             fmt::arg("percent", t_.Percent(b.reference_share))),
                                   true});
            }
            c_.Bars(bars);
            if (!dim.over.empty())
                c_.Paragraph(
                    t_.Format("report.representativeness.over", fmt::arg("bands", Bands(q, dim.over))));
            if (!dim.under.empty())
                c_.Paragraph(
                    t_.Format("report.representativeness.under", fmt::arg("bands", Bands(q, dim.under))));
            if (dim.over.empty() && dim.under.empty() && dim.compared > 0)
                c_.Paragraph(t_.Tr("report.representativeness.balanced"));
            int64_t other = 0;
            for (const auto& [id, n] : dim.other)
                other += n;
            if (other > 0) c_.Note(t_.Format("report.representativeness.other", fmt::arg("count", N(other))));
        }
        for (const auto& [question_id, options] : r.unreferenced) {
            const Question* q = ProfileQuestion(question_id);
            c_.Subheading(q ? L(q->text) : question_id);
            int64_t total = 0;
            for (const auto& [id, n] : options)
                total += n;
            // In the question's order, then any option only older answers name.
            std::vector<std::string> order;
            if (q)
                for (const Option& o : q->options)
                    if (options.count(o.id)) order.push_back(o.id);
            for (const auto& [id, n] : options)
                if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
            std::vector<Bar> bars;
            for (const std::string& id : order) {
                const int64_t n = options.at(id);
                bars.push_back(Bar{q ? OptionLabel(*q, id) : id, double(n),
                                   CountShare(n, total ? double(n) / total : 0)});
            }
            c_.Bars(bars);
        }
        c_.Note(t_.Format("report.representativeness.rule",
                          fmt::arg("factor", t_.Decimal(kRepresentationFactor, 1)),
                          fmt::arg("points", t_.Int(std::llround(kRepresentationMinPoints * 100)))));
    }

    // ---- results ---------------------------------------------------------------------
    void OptionBars(const Question& q, const QuestionResults& r) {
        std::vector<Bar> bars;
        for (const OptionTally& o : r.options)
            bars.push_back(Bar{OptionLabel(q, o.option_id), double(o.count[kTotal]),
                               CountShare(o.count[kTotal], Percent(r, o, Slice::Total) / 100)});
        c_.Bars(bars);
        if (q.type == QuestionType::MultipleChoice) c_.Note(t_.Tr("report.results.multiple_note"));
    }

    void MeanMedian(const QuestionResults& r) {
        const std::optional<double> mean = Mean(r, Slice::Total), median = Median(r, Slice::Total);
        if (mean && median)
            c_.Paragraph(t_.Format("report.results.mean_median", fmt::arg("mean", t_.Decimal(*mean, 1)),
                                   fmt::arg("median", t_.Decimal(*median, 1))));
    }

    void Question_(const Question& q, const QuestionResults& r, const SurveyReport& s) {
        // The question with its first bars on one page: never a title alone at a page's foot.
        const size_t rows =
            q.type == QuestionType::Scale ? size_t(q.scale_to - q.scale_from + 1) : q.options.size();
        c_.Keep(60 + std::min<size_t>(std::max<size_t>(rows, 2), 6) * 15.0);
        c_.Subheading(L(q.text));
        c_.Note(t_.Format("report.results.respondents", fmt::arg("count", N(r.respondents[kTotal]))));
        if (r.respondents[kTotal] == 0 && r.hidden_texts[kTotal] == 0) return; // no bars of zeros
        switch (q.type) {
        case QuestionType::SingleChoice:
        case QuestionType::MultipleChoice:
        case QuestionType::YesNo:
        case QuestionType::Smiley: OptionBars(q, r); break;
        case QuestionType::Ranking: {
            std::vector<std::vector<std::string>> rows{{t_.Tr("report.column.option"),
                                                        t_.Tr("report.column.mean_rank"),
                                                        t_.Tr("report.column.answers")}};
            std::vector<const OptionTally*> order;
            for (const OptionTally& o : r.options)
                order.push_back(&o);
            std::stable_sort(order.begin(), order.end(), [](const OptionTally* a, const OptionTally* b) {
                return MeanRank(*a, Slice::Total).value_or(1e9) < MeanRank(*b, Slice::Total).value_or(1e9);
            });
            for (const OptionTally* o : order) {
                const std::optional<double> rank = MeanRank(*o, Slice::Total);
                rows.push_back(
                    {OptionLabel(q, o->option_id), rank ? t_.Decimal(*rank, 2) : "–", N(o->count[kTotal])});
            }
            c_.Table(rows, {0.6, 0.2, 0.2});
            c_.Note(t_.Tr("report.results.ranking_note"));
            break;
        }
        case QuestionType::Scale: {
            std::vector<Bar> bars;
            const int64_t n = ValueCount(r, Slice::Total);
            for (int v = q.scale_from; v <= q.scale_to; v++) {
                const auto it = r.values.find(v);
                const int64_t count = it == r.values.end() ? 0 : it->second[kTotal];
                std::string label = N(v);
                if (v == q.scale_from && !q.from_label.Empty()) label += " — " + L(q.from_label);
                if (v == q.scale_to && !q.to_label.Empty()) label += " — " + L(q.to_label);
                bars.push_back(Bar{label, double(count), CountShare(count, n ? double(count) / n : 0)});
            }
            c_.Bars(bars);
            MeanMedian(r);
            break;
        }
        case QuestionType::Number: {
            std::vector<Bar> bars;
            const int64_t n = ValueCount(r, Slice::Total);
            for (const HistogramBin& bin : Histogram(r, Slice::Total)) {
                const std::string label =
                    bin.high - bin.low <= 1
                        ? t_.Decimal(bin.low, 0)
                        : t_.Format("report.results.bin", fmt::arg("low", t_.Decimal(bin.low, 0)),
                                    fmt::arg("high", t_.Decimal(bin.high - 1, 0)));
                bars.push_back(
                    Bar{label, double(bin.count), CountShare(bin.count, n ? double(bin.count) / n : 0)});
            }
            c_.Bars(bars);
            MeanMedian(r);
            break;
        }
        case QuestionType::FreeText: {
            const int64_t visible = VisibleTexts(r, Slice::Total), hidden = r.hidden_texts[kTotal];
            c_.Paragraph(t_.Format("report.results.texts", fmt::arg("visible", N(visible)),
                                   fmt::arg("hidden", N(hidden))));
            int printed = 0;
            for (const FreeTextItem& item : r.texts) {
                if (item.hidden) continue;
                if (printed++ == kQuotedTexts) break;
                c_.Quote(t_.Format("report.results.quote", fmt::arg("text", item.text)));
            }
            if (visible > kQuotedTexts)
                c_.Note(t_.Format("report.results.more_texts", fmt::arg("count", N(visible - kQuotedTexts))));
            break;
        }
        case QuestionType::PlanPin: {
            c_.Paragraph(t_.Format("report.results.pins", fmt::arg("count", N(r.pins[kTotal]))));
            if (!r.options.empty()) {
                c_.Keep(24 + r.options.size() * 15.0); // the note with its chart
                c_.Note(t_.Tr("report.results.pin_reasons"));
                std::vector<Bar> bars;
                for (const OptionTally& o : r.options)
                    bars.push_back(
                        Bar{OptionLabel(q, o.option_id), double(o.count[kTotal]),
                            CountShare(o.count[kTotal],
                                       r.pins[kTotal] ? double(o.count[kTotal]) / r.pins[kTotal] : 0)});
                c_.Bars(bars);
            }
            for (const PlanPinFigures& plan : s.plans) {
                if (plan.question != &q || plan.hotspots.empty()) continue;
                c_.Keep(30 + std::min(plan.hotspots.size() * 15.0, 320.0));
                c_.Note(t_.Format("report.results.pin_hotspots", fmt::arg("plan", L(plan.plan->title))));
                std::vector<Bar> bars;
                for (const HotspotPins& h : plan.hotspots)
                    bars.push_back(Bar{fmt::format("{}. {}", h.hotspot->number, L(h.hotspot->title)),
                                       double(h.pins),
                                       CountShare(h.pins, plan.pins ? double(h.pins) / plan.pins : 0)});
                c_.Bars(bars);
            }
            break;
        }
        }
    }

    void Results() {
        Heading("report.results.title");
        c_.Note(t_.Tr("report.results.intro"));
        for (const Survey* s : d_.embargoed_out)
            c_.Paragraph(t_.Format("report.results.embargoed", fmt::arg("survey", L(s->title)),
                                   fmt::arg("date", Date(*s->results_public_from))));
        if (d_.surveys.empty() && d_.embargoed_out.empty()) c_.Paragraph(t_.Tr("report.results.none"));
        for (const SurveyReport& s : d_.surveys) {
            c_.Section(L(s.survey->title));
            const SurveyResults& r = s.results;
            c_.Paragraph(t_.Format("report.results.responses", fmt::arg("count", N(r.responses[kTotal])),
                                   fmt::arg("kiosk", N(r.responses[int(Slice::Kiosk)])),
                                   fmt::arg("assisted", N(r.responses[int(Slice::Assisted)])),
                                   fmt::arg("paper", N(r.responses[int(Slice::Paper)])),
                                   fmt::arg("event", N(r.responses[int(Slice::Event)]))));
            if (r.burst_votes[kTotal] > 0)
                c_.Note(t_.Format("report.results.burst", fmt::arg("count", N(r.burst_votes[kTotal]))));
            if (!s.survey->ResultsPublic(d_.options.today))
                c_.Banner(t_.Format("report.results.embargoed_included",
                                    fmt::arg("date", Date(*s.survey->results_public_from))));
            if (r.responses[kTotal] == 0) {
                c_.Paragraph(t_.Tr("report.results.no_response"));
                continue;
            }
            bool profile_asked = false;
            for (const Question& q : s.survey->questions) {
                // The "About you" answers are on the "Who answered?" page, against the neighbourhood.
                if (d_.profile && d_.profile->IsProfileQuestion(q.id)) {
                    profile_asked = true;
                    continue;
                }
                if (const QuestionResults* qr = r.Find(q.id)) Question_(q, *qr, s);
            }
            if (profile_asked) c_.Note(t_.Tr("report.results.profile_elsewhere"));
        }
    }

    // ---- you said, we did ------------------------------------------------------------
    void YouSaidWeDid() {
        Heading("report.phases.title");
        c_.Note(t_.Tr("report.phases.intro"));
        if (k_.content.phases.empty()) c_.Paragraph(t_.Tr("report.phases.none"));
        for (const Phase& phase : k_.content.phases) {
            // Kept with its status line only: a short entry never starts a page of its own.
            c_.Subheading(L(phase.title), 30);
            c_.Note(t_.Format("report.phases.status",
                              fmt::arg("status", t_.Tr(StatusKey(StatusOn(phase, d_.options.today)))),
                              fmt::arg("period", t_.Typeset(FormatPeriod(k_.catalogs, d_.language, phase,
                                                                         d_.options.today)))));
            if (!phase.you_said.Empty()) c_.Labelled(t_.Tr("report.phases.you_said"), L(phase.you_said));
            if (!phase.we_did.Empty())
                c_.Labelled(t_.Tr("report.phases.we_did"), L(phase.we_did));
            else if (!phase.you_said.Empty())
                c_.Labelled(t_.Tr("report.phases.we_did"), t_.Tr("report.phases.we_did_pending"));
        }
    }

    // ---- methods ---------------------------------------------------------------------
    void Methods() {
        const ParticipationFigures& p = d_.participation;
        Heading("report.methods.title");
        c_.Subheading(t_.Tr("report.methods.channels_title"));
        c_.Paragraph(t_.Tr("report.methods.channels"));
        c_.Subheading(t_.Tr("report.methods.counts_title"));
        c_.Paragraph(t_.Tr("report.methods.response"));
        c_.Paragraph(t_.Tr("report.methods.abandoned"));
        c_.Paragraph(t_.Tr("report.methods.test"));
        std::string polls;
        for (const Survey& s : k_.surveys)
            if (s.mode == SurveyMode::Poll)
                polls += (polls.empty() ? "" : " ; ") +
                         t_.Format("report.methods.burst_rule", fmt::arg("survey", L(s.title)),
                                   fmt::arg("votes", N(s.burst.max_votes)),
                                   fmt::arg("seconds", N(s.burst.window_seconds)));
        c_.Paragraph(t_.Format("report.methods.burst", fmt::arg("rules", polls.empty() ? "–" : polls)));
        c_.Paragraph(t_.Tr("report.methods.not_people"));
        c_.Paragraph(t_.Tr("report.methods.time"));
        c_.Paragraph(t_.Tr("report.methods.dates"));
        c_.Subheading(t_.Tr("report.methods.exact_title"));
        const std::vector<std::vector<std::string>> rows{
            {t_.Tr("report.column.figure"), t_.Tr("report.column.count")},
            {t_.Tr("report.methods.exact.complete"), N(p.responses.complete)},
            {t_.Tr("report.methods.exact.abandoned"), N(p.responses.abandoned)},
            {t_.Tr("report.methods.exact.total"), N(p.responses.Total())},
            {t_.Tr("report.methods.exact.test"),
             d_.options.include_test ? t_.Tr("report.methods.exact.included") : N(p.test_left_out)},
            {t_.Tr("report.methods.exact.burst"), N(p.burst_left_out)},
            {t_.Tr("report.methods.exact.timed"), N(p.timed_responses)},
            {t_.Tr("report.methods.exact.without_hour"), N(p.without_hour)},
        };
        c_.Table(rows, {0.75, 0.25});
        c_.Subheading(t_.Tr("report.methods.filter_title"));
        c_.Paragraph(Period());
        std::string surveys;
        for (const std::string& id : d_.options.survey_ids)
            surveys += (surveys.empty() ? "" : " ; ") + SurveyTitle(id);
        c_.Paragraph(surveys.empty()
                         ? t_.Tr("report.methods.all_surveys")
                         : t_.Format("report.methods.some_surveys", fmt::arg("surveys", surveys)));
        c_.Paragraph(
            t_.Tr(d_.options.include_test ? "report.methods.with_test" : "report.methods.without_test"));
        c_.Paragraph(t_.Tr(d_.options.include_embargoed ? "report.methods.with_embargoed"
                                                        : "report.methods.without_embargoed"));
        c_.Note(t_.Tr("report.methods.files"));
    }
};

} // namespace

bool WriteReportPdf(const ReportData& data, const std::filesystem::path& pdf, std::string& error) {
    ReportCanvas canvas(data.kiosk->config.paths.assets / "fonts", "DejaVu Sans");
    Pages pages(data, canvas);
    pages.Draw();
    const ReportText& t = pages.Text();
    return canvas.Save(
        pdf, t.Format("report.pdf_title", fmt::arg("place", data.kiosk->config.place_name)),
        [&](int page, int count) {
            return t.Format("report.page_number", fmt::arg("page", t.Int(page)),
                            fmt::arg("pages", t.Int(count)));
        },
        error);
}

} // namespace kiosk
