// Georeferencing a plan: where its drawing lies on the Earth, so that pins put on it by
// visitors can be exported in WGS84 longitude/latitude (RFC 7946 GeoJSON) for the city's GIS.
//
// A plan file gives control points — a point of the plan (plan coordinates, like a hotspot's
// `at`) and its longitude/latitude — and the plan is mapped by the affine transform that fits
// them best (least squares). Three points fix an affine transform; more average out the
// error of each. An affine transform is exact for a north-up or rotated drawing at the scale
// of a neighbourhood (a few hundred metres: the Earth's curvature is far below a pixel).
// Format: README "Content", [georef]; exports: docs/export-formats.md.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct GeoControlPoint {
    double x = 0, y = 0;     // plan coordinates
    double lon = 0, lat = 0; // WGS84 degrees
};

// lon = a[0]·x + a[1]·y + a[2];  lat = a[3]·x + a[4]·y + a[5]
struct GeoAffine {
    std::array<double, 6> a{};

    struct LonLat {
        double lon = 0, lat = 0;
    };
    LonLat Apply(double x, double y) const {
        return {a[0] * x + a[1] * y + a[2], a[3] * x + a[4] * y + a[5]};
    }
};

// The least-squares affine transform through `points`. Nothing (and `error`, for people)
// when there are fewer than 3 points or they are (nearly) on one line: such points do not
// say where the rest of the plan lies.
std::optional<GeoAffine> FitGeoAffine(const std::vector<GeoControlPoint>& points, std::string& error);

// Distance in metres between two WGS84 points (equirectangular: exact enough within a town).
double GeoDistanceMetres(double lon1, double lat1, double lon2, double lat2);

} // namespace kiosk
