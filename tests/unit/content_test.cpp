// Content rules: fuzzy dates and calendar arithmetic, a phase's status from today's date
// (open-ended periods included), where "today" falls on the timeline, which agenda events
// are still to come, and how dates read in each language.
#include <catch2/catch.hpp>

#include "content/date_text.h"
#include "kiosk_data.h"
#include "test_paths.h"

using namespace kiosk;

namespace {
Phase MakePhase(std::string id, FuzzyDate start, std::optional<FuzzyDate> end) {
    Phase p;
    p.id = std::move(id);
    p.start = start;
    p.end = end;
    return p;
}

AgendaEvent MakeEvent(std::string id, CivilDate date, int start_minute = -1, int end_minute = -1) {
    AgendaEvent e;
    e.id = std::move(id);
    e.date = date;
    e.start_minute = start_minute;
    e.end_minute = end_minute;
    return e;
}

std::vector<std::string> Ids(const std::vector<const AgendaEvent*>& events) {
    std::vector<std::string> ids;
    for (const AgendaEvent* e : events)
        ids.push_back(e->id);
    return ids;
}

const KioskData& DemoData() {
    static const KioskData data = [] {
        Diagnostics diags;
        std::optional<KioskData> loaded = LoadKioskData(test::DemoConfig(), diags);
        INFO(diags.FormatAll());
        REQUIRE(loaded);
        return std::move(*loaded);
    }();
    return data;
}
} // namespace

TEST_CASE("fuzzy dates cover a year, a month or a day") {
    CHECK(ParseFuzzyDate("2026") == FuzzyDate{2026, 0, 0});
    CHECK(ParseFuzzyDate("2027-03") == FuzzyDate{2027, 3, 0});
    CHECK(ParseFuzzyDate("2028-02-29") == FuzzyDate{2028, 2, 29});
    for (const char* bad :
         {"", "26", "2026-1", "2026-13", "2026-02-30", "2027-02-29", "2026/03", "2026-03-01x", "abcd"})
        CHECK_FALSE(ParseFuzzyDate(bad));
    CHECK(FuzzyDate{2026, 0, 0}.FirstDay() == CivilDate{2026, 1, 1});
    CHECK(FuzzyDate{2026, 0, 0}.LastDay() == CivilDate{2026, 12, 31});
    CHECK(FuzzyDate{2028, 2, 0}.LastDay() == CivilDate{2028, 2, 29}); // leap year
    CHECK(FuzzyDate{2100, 2, 0}.LastDay() == CivilDate{2100, 2, 28}); // not one
    CHECK(FuzzyDate{2026, 5, 14}.LastDay() == CivilDate{2026, 5, 14});
}

TEST_CASE("calendar arithmetic round-trips and knows the weekday") {
    CHECK(DaysFromCivil({1970, 1, 1}) == 0);
    CHECK(DaysFromCivil({2026, 11, 27}) - DaysFromCivil({2026, 11, 18}) == 9);
    for (long long days : {-800000LL, -1LL, 0LL, 20000LL, 20784LL, 60000LL})
        CHECK(DaysFromCivil(CivilFromDays(days)) == days);
    CHECK(Weekday({2026, 11, 27}) == 4); // a Friday
    CHECK(Weekday({2026, 12, 7}) == 0);  // a Monday
    CHECK(Weekday({2000, 2, 29}) == 1);  // a Tuesday
}

TEST_CASE("a phase's status follows today's date, at the precision of its dates") {
    const Phase works = MakePhase("works", {2025, 0, 0}, FuzzyDate{2026, 0, 0});
    CHECK(StatusOn(works, {2024, 12, 31}) == PhaseStatus::Upcoming);
    CHECK(StatusOn(works, {2025, 1, 1}) == PhaseStatus::InProgress);
    CHECK(StatusOn(works, {2026, 12, 31}) == PhaseStatus::InProgress); // "until 2026" includes December
    CHECK(StatusOn(works, {2027, 1, 1}) == PhaseStatus::Done);

    const Phase month = MakePhase("month", {2026, 3, 0}, FuzzyDate{2026, 6, 0});
    CHECK(StatusOn(month, {2026, 2, 28}) == PhaseStatus::Upcoming);
    CHECK(StatusOn(month, {2026, 6, 30}) == PhaseStatus::InProgress);
    CHECK(StatusOn(month, {2026, 7, 1}) == PhaseStatus::Done);

    // Open-ended: in progress from its start on, for ever.
    const Phase open = MakePhase("open", {2019, 9, 0}, std::nullopt);
    CHECK(StatusOn(open, {2019, 8, 31}) == PhaseStatus::Upcoming);
    CHECK(StatusOn(open, {2019, 9, 1}) == PhaseStatus::InProgress);
    CHECK(StatusOn(open, {2090, 1, 1}) == PhaseStatus::InProgress);

    // Set by the file: a phase running late stays in progress past its planned end.
    Phase late = works;
    late.status = PhaseStatus::InProgress;
    CHECK(StatusOn(late, {2028, 1, 1}) == PhaseStatus::InProgress);
}

TEST_CASE("the timeline opens on the latest phase in progress, else the next one, else the last") {
    const std::vector<Phase> phases = {
        MakePhase("a", {2017, 0, 0}, FuzzyDate{2018, 0, 0}),
        MakePhase("b", {2019, 9, 0}, std::nullopt), // open-ended
        MakePhase("c", {2021, 0, 0}, FuzzyDate{2026, 0, 0}),
        MakePhase("d", {2025, 0, 0}, FuzzyDate{2029, 0, 0}),
        MakePhase("e", {2027, 0, 0}, FuzzyDate{2030, 0, 0}),
    };
    CHECK(CurrentPhaseIndex(phases, {2026, 11, 27}) == 3);
    CHECK(CurrentPhaseIndex(phases, {2018, 6, 1}) == 0);
    CHECK(CurrentPhaseIndex(phases, {2016, 1, 1}) == 0); // nothing started: the first to come
    CHECK(CurrentPhaseIndex(phases, {2035, 1, 1}) == 1); // only the open-ended one still runs
    const std::vector<Phase> closed = {MakePhase("a", {2017, 0, 0}, FuzzyDate{2018, 0, 0})};
    CHECK(CurrentPhaseIndex(closed, {2035, 1, 1}) == 0);
    CHECK(CurrentPhaseIndex({}, {2026, 1, 1}) == -1);
}

TEST_CASE("today's marker sits between the phases whose starts surround today") {
    const std::vector<Phase> phases = {
        MakePhase("a", {2020, 1, 1}, FuzzyDate{2020, 12, 31}),
        MakePhase("b", {2022, 1, 1}, FuzzyDate{2023, 12, 31}),
        MakePhase("c", {2024, 1, 1}, FuzzyDate{2025, 12, 31}),
    };
    CHECK(TodayPosition(phases, {2019, 5, 1}) == Approx(-0.5f));
    CHECK(TodayPosition(phases, {2020, 1, 1}) == Approx(0.0f));
    CHECK(TodayPosition(phases, {2021, 1, 1}) == Approx(366.0f / 731.0f)); // 2020 was a leap year
    CHECK(TodayPosition(phases, {2022, 1, 1}) == Approx(1.0f));
    CHECK(TodayPosition(phases, {2024, 12, 31}) == Approx(2.0f + 0.5f * 365.0f / 731.0f));
    CHECK(TodayPosition(phases, {2030, 1, 1}) == Approx(2.5f)); // after the end: half a card past it
    std::vector<Phase> open_last = phases;
    open_last.back().end.reset();
    CHECK(TodayPosition(open_last, {2030, 1, 1}) == Approx(2.0f));
}

TEST_CASE("past events drop off the agenda by themselves") {
    const std::vector<AgendaEvent> events = {
        MakeEvent("last-month", {2026, 10, 14}, 14 * 60, 16 * 60 + 30),
        MakeEvent("this-morning", {2026, 11, 27}, 9 * 60 + 30, 12 * 60 + 30),
        MakeEvent("tonight", {2026, 11, 27}, 18 * 60 + 30, 20 * 60 + 30),
        MakeEvent("today-no-end", {2026, 11, 27}, 10 * 60),
        MakeEvent("today-no-time", {2026, 11, 27}),
        MakeEvent("next-week", {2026, 12, 2}, 9 * 60 + 30, 12 * 60 + 30),
    };
    auto at = [&](CivilDate date, int hour, int minute) {
        return Ids(UpcomingEvents(events, LocalMoment{date, 0, hour * 60 + minute}));
    };
    using V = std::vector<std::string>;
    CHECK(at({2026, 10, 14}, 16, 29) ==
          V{"last-month", "this-morning", "tonight", "today-no-end", "today-no-time", "next-week"});
    CHECK(at({2026, 11, 27}, 12, 29) ==
          V{"this-morning", "tonight", "today-no-end", "today-no-time", "next-week"});
    CHECK(at({2026, 11, 27}, 12, 30) == V{"tonight", "today-no-end", "today-no-time", "next-week"});
    // Without an end time an event stays until the end of its day.
    CHECK(at({2026, 11, 27}, 23, 59) == V{"today-no-end", "today-no-time", "next-week"});
    CHECK(at({2026, 11, 28}, 0, 0) == V{"next-week"});
    CHECK(at({2027, 1, 1}, 8, 0).empty());
}

TEST_CASE("dates read naturally in each language") {
    const Catalogs& c = DemoData().catalogs;
    CHECK(FormatFuzzyDate(c, "fr", {2026, 0, 0}) == "2026");
    CHECK(FormatFuzzyDate(c, "fr", {2027, 3, 0}) == "mars 2027");
    CHECK(FormatFuzzyDate(c, "en", {2027, 3, 0}) == "March 2027");
    CHECK(FormatFuzzyDate(c, "fr", {2026, 12, 1}) == "1er décembre 2026");
    CHECK(FormatFuzzyDate(c, "en", {2026, 12, 1}) == "1 December 2026");
    CHECK(FormatFullDate(c, "fr", {2026, 12, 9}) == "mercredi 9 décembre 2026");
    CHECK(FormatFullDate(c, "en", {2026, 12, 9}) == "Wednesday 9 December 2026");
    CHECK(FormatClock(c, "fr", 18 * 60 + 5) == "18\u00a0h\u00a005");
    CHECK(FormatClock(c, "en", 9 * 60 + 30) == "9:30");
    CHECK(MonthShortName(c, "fr", 2) == "févr.");

    const CivilDate today{2026, 11, 27};
    CHECK(FormatPeriod(c, "fr", MakePhase("p", {2026, 0, 0}, FuzzyDate{2028, 0, 0}), today) == "2026 – 2028");
    CHECK(FormatPeriod(c, "fr", MakePhase("p", {2021, 0, 0}, FuzzyDate{2021, 0, 0}), today) == "2021");
    CHECK(FormatPeriod(c, "fr", MakePhase("p", {2019, 9, 0}, std::nullopt), today) ==
          "depuis septembre 2019");
    CHECK(FormatPeriod(c, "en", MakePhase("p", {2027, 0, 0}, std::nullopt), today) == "from 2027");
    Phase worded = MakePhase("p", {2030, 0, 0}, FuzzyDate{2031, 0, 0});
    worded.period.Set("fr", "À l’horizon 2031");
    CHECK(FormatPeriod(c, "fr", worded, today) == "À l’horizon 2031");
    CHECK(FormatPeriod(c, "en", worded, today) == "À l’horizon 2031"); // no English: the default language

    CHECK(FormatEventHours(c, "fr", MakeEvent("e", today, 18 * 60 + 30, 20 * 60 + 30)) ==
          "18\u00a0h\u00a030 – 20\u00a0h\u00a030");
    CHECK(FormatEventHours(c, "en", MakeEvent("e", today, 10 * 60)) == "10:00");
    CHECK(FormatEventHours(c, "en", MakeEvent("e", today)).empty());
}
