// The affine fit of a plan's [georef] control points (content/georef.h).
#include <cmath>

#include <catch2/catch.hpp>

#include "content/georef.h"

using namespace kiosk;

namespace {

// A drawing rotated by 20° at 4 px per metre, its top-left corner at 2.529 E, 48.868 N.
GeoControlPoint Rotated(double x, double y) {
    const double kRad = 3.14159265358979323846 / 180, angle = 20 * kRad;
    const double east = (x * std::cos(angle) - y * std::sin(angle)) / 4; // metres
    const double north = -(x * std::sin(angle) + y * std::cos(angle)) / 4;
    const double lat = 48.868 + north / 111320.0;
    const double lon = 2.529 + east / (111320.0 * std::cos(48.868 * kRad));
    return {x, y, lon, lat};
}

} // namespace

TEST_CASE("three control points give the exact affine transform, also for a rotated drawing") {
    std::string error;
    const std::vector<GeoControlPoint> points = {Rotated(0, 0), Rotated(3200, 0), Rotated(0, 2200)};
    std::optional<GeoAffine> fit = FitGeoAffine(points, error);
    REQUIRE(fit);
    for (const GeoControlPoint& p : points) {
        CHECK(fit->Apply(p.x, p.y).lon == Approx(p.lon).margin(1e-9));
        CHECK(fit->Apply(p.x, p.y).lat == Approx(p.lat).margin(1e-9));
    }
    // A fourth point, not given, is where the rotation puts it (within 1 cm).
    const GeoControlPoint far = Rotated(3200, 2200);
    const GeoAffine::LonLat got = fit->Apply(far.x, far.y);
    CHECK(GeoDistanceMetres(got.lon, got.lat, far.lon, far.lat) < 0.01);
}

TEST_CASE("more points are fitted by least squares: errors average out") {
    std::vector<GeoControlPoint> points;
    // Nine points, each misplaced by up to 2 m in a fixed pattern that sums to zero.
    const double offsets[9][2] = {{2, 0},   {-2, 0}, {0, 2},  {0, -2}, {1, 1},
                                  {-1, -1}, {1, -1}, {-1, 1}, {0, 0}};
    int i = 0;
    for (double x : {0.0, 1600.0, 3200.0})
        for (double y : {0.0, 1100.0, 2200.0}) {
            GeoControlPoint p = Rotated(x, y);
            p.lon += offsets[i][0] / 73000.0;
            p.lat += offsets[i][1] / 111320.0;
            points.push_back(p);
            i++;
        }
    std::string error;
    std::optional<GeoAffine> fit = FitGeoAffine(points, error);
    REQUIRE(fit);
    // The centre, whose neighbours' errors cancel, is placed far better than any single point.
    const GeoControlPoint centre = Rotated(1600, 1100);
    const GeoAffine::LonLat got = fit->Apply(centre.x, centre.y);
    CHECK(GeoDistanceMetres(got.lon, got.lat, centre.lon, centre.lat) < 0.5);
}

TEST_CASE("fewer than three points, or points on one line, are refused with a reason") {
    std::string error;
    CHECK_FALSE(FitGeoAffine({Rotated(0, 0), Rotated(100, 100)}, error));
    CHECK(error.find("at least 3") != std::string::npos);
    error.clear();
    CHECK_FALSE(
        FitGeoAffine({Rotated(0, 0), Rotated(100, 100), Rotated(200, 200), Rotated(300, 300)}, error));
    CHECK(error.find("one line") != std::string::npos);
}

TEST_CASE("distances in metres within a town") {
    // 0.001° of latitude is 111 m; of longitude at 48.87° N, 73 m.
    CHECK(GeoDistanceMetres(2.53, 48.868, 2.53, 48.869) == Approx(111.2).margin(0.2));
    CHECK(GeoDistanceMetres(2.53, 48.868, 2.531, 48.868) == Approx(73.2).margin(0.2));
}
