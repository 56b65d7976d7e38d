#include "content/georef.h"

#include <cmath>

namespace kiosk {

std::optional<GeoAffine> FitGeoAffine(const std::vector<GeoControlPoint>& points, std::string& error) {
    if (points.size() < 3) {
        error = "at least 3 control points are needed (they fix the plan's position, scale and rotation)";
        return std::nullopt;
    }
    // Centred on the points' mean, so that the normal equations stay well conditioned with
    // plan coordinates in the thousands and degrees near 48.
    double mx = 0, my = 0, mlon = 0, mlat = 0;
    for (const GeoControlPoint& p : points) {
        mx += p.x, my += p.y, mlon += p.lon, mlat += p.lat;
    }
    const double n = (double)points.size();
    mx /= n, my /= n, mlon /= n, mlat /= n;
    double sxx = 0, sxy = 0, syy = 0, sx_lon = 0, sy_lon = 0, sx_lat = 0, sy_lat = 0;
    for (const GeoControlPoint& p : points) {
        const double x = p.x - mx, y = p.y - my, lon = p.lon - mlon, lat = p.lat - mlat;
        sxx += x * x, sxy += x * y, syy += y * y;
        sx_lon += x * lon, sy_lon += y * lon, sx_lat += x * lat, sy_lat += y * lat;
    }
    // Centred, the constant term drops out: a 2×2 system per coordinate. Its determinant is
    // 0 when the points are on one line; compared with the spread of the points so that the
    // test does not depend on the plan's units.
    const double det = sxx * syy - sxy * sxy;
    if (!(det > 1e-9 * (sxx + syy) * (sxx + syy))) {
        error = "the control points are on one line: give at least 3 points that make a triangle, "
                "far apart on the plan";
        return std::nullopt;
    }
    GeoAffine t;
    t.a[0] = (sx_lon * syy - sy_lon * sxy) / det;
    t.a[1] = (sy_lon * sxx - sx_lon * sxy) / det;
    t.a[2] = mlon - t.a[0] * mx - t.a[1] * my;
    t.a[3] = (sx_lat * syy - sy_lat * sxy) / det;
    t.a[4] = (sy_lat * sxx - sx_lat * sxy) / det;
    t.a[5] = mlat - t.a[3] * mx - t.a[4] * my;
    return t;
}

double GeoDistanceMetres(double lon1, double lat1, double lon2, double lat2) {
    constexpr double kEarthRadius = 6371008.8; // mean radius, metres
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dx = (lon2 - lon1) * kRad * std::cos((lat1 + lat2) / 2 * kRad);
    const double dy = (lat2 - lat1) * kRad;
    return kEarthRadius * std::sqrt(dx * dx + dy * dy);
}

} // namespace kiosk
