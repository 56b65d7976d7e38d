// Loading one plan file (<content>/plans/*.toml). Format: README "Content".
#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "content/content.h"
#include "content/content_reader.h"

namespace kiosk {

float Plan::MaxScale() const {
    // Plan units per main-image pixel: 1 unless `size` differs from the image's pixels.
    const float pixels_per_unit = image.width > 0 && size.x > 0 ? (float)image.width / size.x : 1.0f;
    return max_zoom * pixels_per_unit;
}

namespace {

// The frame of a plan whose size is unknown (no `size`, image unreadable): at least 1600×1000
// and large enough for every hotspot and the [before] area, with a margin, so that the plan
// keeps its points on a placeholder instead of being refused for points "outside" a frame
// nobody chose. Read from the raw table: the readers report the values' own errors later.
Vec2 PlaceholderFrame(const toml::table& root) {
    float right = 0, bottom = 0;
    auto number = [](const toml::node* node) -> std::optional<float> {
        if (!node) return std::nullopt;
        if (const auto* i = node->as_integer()) return (float)i->get();
        if (const auto* f = node->as_floating_point())
            return std::isfinite(f->get()) ? std::optional<float>((float)f->get()) : std::nullopt;
        return std::nullopt;
    };
    auto extend = [&](const toml::array* a, bool area) {
        if (!a || a->size() != (area ? 4u : 2u)) return;
        std::optional<float> x = number(a->get(0)), y = number(a->get(1));
        if (!x || !y) return;
        if (area) {
            std::optional<float> w = number(a->get(2)), h = number(a->get(3));
            if (!w || !h) return;
            *x += std::max(0.0f, *w);
            *y += std::max(0.0f, *h);
        }
        right = std::max(right, *x);
        bottom = std::max(bottom, *y);
    };
    if (const toml::array* spots = root["hotspot"].as_array())
        for (const toml::node& spot : *spots)
            if (const toml::table* t = spot.as_table()) extend((*t)["at"].as_array(), false);
    if (const toml::table* before = root["before"].as_table()) extend((*before)["area"].as_array(), true);
    constexpr float kMargin = 1.05f;
    return Vec2(std::min(std::max(1600.0f, right * kMargin), 1e7f),
                std::min(std::max(1000.0f, bottom * kMargin), 1e7f));
}

constexpr float kMaxMarkerOffset = 200; // px at 1920×1080: a marker stays near its point

// `legend`: the corners of the drawing that hold its legend or title block.
unsigned ReadLegend(TableReader& root) {
    static constexpr std::pair<std::string_view, PlanCorner> kNames[] = {
        {"top-left", kCornerTopLeft},
        {"top-right", kCornerTopRight},
        {"bottom-left", kCornerBottomLeft},
        {"bottom-right", kCornerBottomRight}};
    unsigned mask = 0;
    for (const std::string& name : root.StringArray("legend")) {
        auto it = std::find_if(std::begin(kNames), std::end(kNames),
                               [&](const auto& n) { return n.first == name; });
        if (it == std::end(kNames))
            root.Error("legend", fmt::format("\"{}\" is not a corner: \"top-left\", \"top-right\", "
                                             "\"bottom-left\" or \"bottom-right\"",
                                             name));
        else
            mask |= it->second;
    }
    return mask;
}

// The [before] table: the other image of a before/after pair, placed by `area`.
std::optional<PlanImage> ReadBefore(TableReader& root, const Plan& plan, const Languages& languages) {
    if (!root.Has("before")) return std::nullopt;
    TableReader t = TableReader::Sub(root, "before");
    PlanImage before;
    before.file = ReadImagePath(t, "image", Need::Required, &before.width, &before.height).value_or("");
    before.where = t.Where("image");
    before.area = ReadArea(t, "area", Need::Optional).value_or(Rect::FromSize({0, 0}, plan.size));
    before.label = t.Localized("label", languages, Need::Optional);
    // Different sizes are aligned by `area`, never by accident: an image whose shape differs
    // from its area would be stretched.
    if (before.width > 0 && before.height > 0) {
        const float image_aspect = (float)before.width / (float)before.height;
        const float area_aspect = before.area.Width() / before.area.Height();
        if (std::fabs(image_aspect / area_aspect - 1.0f) > 0.02f)
            t.Warning(
                t.Has("area") ? "area" : "image",
                fmt::format("the image ({}×{} px) does not have the shape of its area ({}×{} plan units): it "
                            "will be stretched; set `area` to where it lies on the plan",
                            before.width, before.height, before.area.Width(), before.area.Height()));
    }
    t.Finish();
    return before;
}

void ReadHotspots(TableReader& root, Plan& plan, const Languages& languages) {
    std::set<std::string> ids;
    for (TableReader& t : root.TableArray("hotspot")) {
        Hotspot h;
        h.number = (int)plan.hotspots.size() + 1;
        h.id = ReadId(t, "id", Need::Required).value_or("");
        if (!h.id.empty() && !ids.insert(h.id).second)
            t.Error("id", fmt::format("\"{}\" is used twice", h.id));
        if (std::optional<Vec2> at = ReadPoint(t, "at", Need::Required)) {
            h.at = *at;
            if (at->x < 0 || at->y < 0 || at->x > plan.size.x || at->y > plan.size.y)
                t.Error("at", fmt::format("[{}, {}] is outside the plan (0 to {} across, 0 to {} down)",
                                          at->x, at->y, plan.size.x, plan.size.y));
        }
        const std::string layer = t.Choice("layer", {"both", "before", "after"}, "both");
        h.layer = layer == "before"  ? HotspotLayer::Before
                  : layer == "after" ? HotspotLayer::After
                                     : HotspotLayer::Both;
        if (h.layer != HotspotLayer::Both && !plan.before)
            t.Error("layer", "this plan has no [before] image: leave `layer` out");
        h.title = t.Localized("title", languages, Need::Required);
        h.text = t.Localized("text", languages, Need::Required);
        h.photo = ReadImagePath(t, "photo", Need::Optional).value_or("");
        h.photo_where = t.Where("photo");
        if (std::optional<Vec2> offset = ReadPoint(t, "marker_offset", Need::Optional)) {
            if (std::fabs(offset->x) > kMaxMarkerOffset || std::fabs(offset->y) > kMaxMarkerOffset)
                t.Error("marker_offset", fmt::format("[{}, {}] is too far: at most {} px either way",
                                                     offset->x, offset->y, kMaxMarkerOffset));
            else
                h.marker_offset = *offset;
        }
        t.Finish();
        plan.hotspots.push_back(std::move(h));
    }
}

// Control points that disagree by more than this with the fitted transform: one is probably
// mistyped (a swapped digit, lon and lat swapped), or the drawing is not to scale.
constexpr double kGeorefToleranceMetres = 15;

// [georef]: control points (`[[georef.point]]`, at = plan coordinates, lon, lat in WGS84
// degrees), at least 3, not on one line; fitted by least squares (content/georef.h).
std::optional<GeoAffine> ReadGeoref(TableReader& root, const Plan& plan) {
    if (!root.Has("georef")) return std::nullopt;
    TableReader t = TableReader::Sub(root, "georef");
    std::vector<GeoControlPoint> points;
    std::vector<TableReader> readers = t.TableArray("point", Need::Required);
    bool complete = true;
    for (TableReader& p : readers) {
        std::optional<Vec2> at = ReadPoint(p, "at", Need::Required);
        std::optional<double> lon = p.Float("lon", -180, 180, Need::Required);
        std::optional<double> lat = p.Float("lat", -90, 90, Need::Required);
        if (at && (at->x < 0 || at->y < 0 || at->x > plan.size.x || at->y > plan.size.y)) {
            p.Error("at", fmt::format("[{}, {}] is outside the plan (0 to {} across, 0 to {} down)", at->x,
                                      at->y, plan.size.x, plan.size.y));
            at.reset();
        }
        p.Finish();
        if (at && lon && lat)
            points.push_back({at->x, at->y, *lon, *lat});
        else
            complete = false;
    }
    std::optional<GeoAffine> fit;
    if (complete && !readers.empty()) { // none: TableArray said so
        std::string error;
        fit = FitGeoAffine(points, error);
        if (!fit) t.Error("point", error);
    }
    if (fit && points.size() > 3) {
        // With more than 3 points they may disagree. Which one is wrong cannot always be told
        // (4 corners share one error equally), so one warning, at the point fitted worst.
        size_t worst = 0;
        double worst_metres = 0;
        for (size_t i = 0; i < points.size(); i++) {
            const GeoAffine::LonLat at = fit->Apply(points[i].x, points[i].y);
            const double off = GeoDistanceMetres(points[i].lon, points[i].lat, at.lon, at.lat);
            if (off > worst_metres) worst = i, worst_metres = off;
        }
        if (worst_metres > kGeorefToleranceMetres)
            readers[worst].Warning(
                "lon",
                fmt::format(
                    "the control points disagree: the plan fitted to all of them puts this one {:.0f} m "
                    "from its lon and lat; check every point's lon and lat (one may be mistyped, "
                    "or lon and lat swapped; with 4 points, an error in one shows on all four)",
                    worst_metres));
    }
    t.Finish();
    return fit;
}

} // namespace

std::optional<Plan> LoadPlanFile(const std::filesystem::path& file, const Languages& languages,
                                 Diagnostics& diags) {
    Diagnostics local;
    std::optional<toml::table> table = ParseTomlFile(file, local);
    std::optional<Plan> result;
    if (table) {
        TableReader root(*table, "", file.string(), local);
        Plan plan;
        plan.file = file;
        plan.example = root.Bool("example", false);
        plan.id = ReadId(root, "id", Need::Required).value_or("");
        plan.title = root.Localized("title", languages, Need::Required);
        plan.summary = root.Localized("summary", languages, Need::Required);
        plan.description = root.Localized("description", languages, Need::Optional);
        plan.image.file =
            ReadImagePath(root, "image", Need::Required, &plan.image.width, &plan.image.height).value_or("");
        plan.image.where = root.Where("image");
        plan.image.label = root.Localized("label", languages, Need::Optional);
        if (std::optional<Vec2> size = ReadPoint(root, "size", Need::Optional)) {
            if (size->x > 0 && size->y > 0)
                plan.size = *size;
            else
                root.Error("size", "width and height must be greater than 0");
            if (plan.image.width > 0 && plan.size.x > 0 &&
                std::fabs((float)plan.image.width / (float)plan.image.height / (plan.size.x / plan.size.y) -
                          1.0f) > 0.02f)
                root.Warning("size",
                             fmt::format("the image ({}×{} px) does not have the plan's shape: it will be "
                                         "stretched",
                                         plan.image.width, plan.image.height));
        } else if (!root.Has("size")) {
            if (plan.image.width > 0)
                plan.size = Vec2((float)plan.image.width, (float)plan.image.height);
            else if (!plan.image.file.empty())
                root.Warning("image",
                             "the plan's size is unknown without its image: set `size = [width, height]` "
                             "so hotspots stay in place");
        }
        if (plan.size.x <= 0 || plan.size.y <= 0) plan.size = PlaceholderFrame(*table);
        plan.image.area = Rect::FromSize({0, 0}, plan.size);
        plan.max_zoom = (float)root.Float("max_zoom", 2.0, 0.25, 16.0);
        plan.legend = ReadLegend(root);
        plan.before = ReadBefore(root, plan, languages);
        ReadHotspots(root, plan, languages);
        plan.georef = ReadGeoref(root, plan);
        root.Finish();
        if (!local.HasErrors()) result = std::move(plan);
    }
    diags.Append(local);
    return result;
}

} // namespace kiosk
