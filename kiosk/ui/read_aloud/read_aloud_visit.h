// What a visitor changes of read-aloud: the volume, forgotten with the rest of the visit
// (VisitState), so the next visitor starts at the staff's default.
#pragma once

namespace kiosk {

struct ReadAloudVisit {
    double volume_offset_db = 0; // the visitor's −/+ from the configured volume_db
};

} // namespace kiosk
