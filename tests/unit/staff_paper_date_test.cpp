// The date of a paper questionnaire as the panel's steppers change it, and the refusal of a
// future date (core/staff/paper_date.h).
#include <catch2/catch.hpp>

#include "staff/paper_date.h"

using namespace kiosk;

TEST_CASE("stepping a paper date by day, month and year carries and clamps as a calendar does") {
    CHECK(StepDate({2026, 11, 30}, DateField::Day, 1) == CivilDate{2026, 12, 1});
    CHECK(StepDate({2027, 1, 1}, DateField::Day, -1) == CivilDate{2026, 12, 31});
    CHECK(StepDate({2024, 2, 28}, DateField::Day, 1) == CivilDate{2024, 2, 29});
    CHECK(StepDate({2026, 3, 31}, DateField::Month, -1) == CivilDate{2026, 2, 28});
    CHECK(StepDate({2026, 12, 15}, DateField::Month, 1) == CivilDate{2027, 1, 15});
    CHECK(StepDate({2026, 1, 15}, DateField::Month, -1) == CivilDate{2025, 12, 15});
    CHECK(StepDate({2024, 2, 29}, DateField::Year, 1) == CivilDate{2025, 2, 28});
    CHECK(StepDate({2000, 1, 1}, DateField::Day, -1) == CivilDate{2000, 1, 1}); // no earlier year
}

TEST_CASE("a paper date after today is refused with its reason, today and before are accepted") {
    const CivilDate today{2026, 12, 5};
    CHECK_FALSE(PaperDateProblem(today, today));
    CHECK_FALSE(PaperDateProblem({2026, 11, 28}, today));
    CHECK(PaperDateProblem({2026, 12, 6}, today) == "staff.paper.date.future");
    CHECK(PaperDateProblem({2027, 1, 1}, today) == "staff.paper.date.future");
    CHECK(IsoDate({2026, 3, 7}) == "2026-03-07");
}
