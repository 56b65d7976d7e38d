// What a voter sees after a poll vote, on the real shell with a scratch database: their own
// vote counted in the bars, even one flagged burst (staff and exports still see the flag).
#include <catch2/catch.hpp>

#include "image_probe.h"
#include "palette.h"
#include "survey_kiosk.h"

using namespace kiosk;
using test::SurveyKiosk;

namespace {
// Whether the results bar of `option` is filled at its start (the bar begins at 36 % of
// the row plus a gap; its first eighth is filled as soon as the option has a vote).
bool BarFilled(SurveyKiosk& kiosk, const std::string& option) {
    std::optional<TargetRect> row = kiosk.GetApp().targets.Find("result:" + option);
    REQUIRE(row);
    const Image image = kiosk.Driver().Capture();
    const float w = row->max.x - row->min.x;
    const test::Box start{(int)(row->min.x + w * 0.40f), (int)row->min.y, (int)(row->min.x + w * 0.44f),
                          (int)row->max.y};
    return test::FindColour(image, palette::kOpinion, start).has_value();
}
} // namespace

TEST_CASE("after a burst vote the voter sees their vote counted, and the flag stays for staff") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}}) {
        SurveyKiosk kiosk("poll-results-burst-" + std::to_string(w), w, h);
        App& app = kiosk.GetApp();
        const int max_votes = kiosk.Data().FindSurvey("futur-square")->burst.max_votes;
        // max_votes votes for the playground, then one more, for the garden: a burst vote.
        for (int vote = 1; vote <= max_votes + 1; vote++) {
            INFO("vote " << vote);
            app.nav.Go({Screen::Surveys, ""}, app.now);
            kiosk.Driver().Frames(3);
            const bool last = vote == max_votes + 1;
            kiosk.Tap(last ? "poll:futur-square:jardin" : "poll:futur-square:jeux");
            kiosk.Settle();
            REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
            if (!last) kiosk.Tap("thanks.home");
        }
        kiosk.Driver().WaitForImages();
        kiosk.Shot("poll-results-burst-" + std::to_string(w) + "x" + std::to_string(h));
        CHECK(BarFilled(kiosk, "jeux"));
        CHECK(BarFilled(kiosk, "jardin")); // the voter's own vote, although flagged burst
        CHECK_FALSE(BarFilled(kiosk, "eau"));
        // Recorded with its flag, and left out of the tally staff and exports read.
        const std::vector<Response> responses = kiosk.Responses();
        REQUIRE(responses.size() == (size_t)max_votes + 1);
        CHECK(responses.back().burst);
        const PollTally tally = kiosk.Store().Tally("futur-square");
        CHECK(tally.burst_votes == 1);
        CHECK(tally.votes.count("jardin") == 0);
    }
}
