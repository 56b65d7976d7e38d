#include "smiley.h"

#include <algorithm>
#include <cmath>

#include "palette.h"
#include "theme.h"

namespace kiosk {

namespace {

// Position of the face on a 0 (worst) … 1 (best) line, whatever the number of faces.
float Mood(int level, int faces) {
    return faces <= 1 ? 0.5f : (float)(std::clamp(level, 1, faces) - 1) / (float)(faces - 1);
}
} // namespace

// Only the mouth changes between faces (with the colour): eyebrows were tried and read
// as anger or slyness on the smiling faces, and a face is the whole answer for a visitor
// who does not read. The two ends of a five-face scale differ from their neighbours by
// more than a steeper curve: the happiest laughs (open mouth), the saddest cries (a tear).
void DrawSmiley(ImDrawList* draw, int level, int faces, ImVec2 c, float r) {
    const float mood = Mood(level, faces);
    const uint32_t fill = palette::kFaceColors[(int)std::lround(mood * 4.0f)];
    const ImU32 ink = Rgb(palette::kText);
    const float w = std::max(2.0f, r * 0.09f);
    draw->AddCircleFilled(c, r, Rgb(fill), 48);
    draw->AddCircle(c, r, ink, 48, w * 0.6f);

    // Eyes: plain round dots, the same on every face.
    for (int side = -1; side <= 1; side += 2)
        draw->AddCircleFilled(ImVec2(c.x + side * r * 0.34f, c.y - r * 0.2f), r * 0.11f, ink);

    // Mouth: a parabola whose bend goes from frown (-1) to smile (+1); the middle of the
    // curve sits at the same height on every face.
    const float bend = (mood - 0.5f) * 2.0f; // -1 … 1
    const bool extreme = std::fabs(bend) > 0.99f && faces >= 5;
    const bool laugh = extreme && bend > 0;
    const float half = r * (laugh ? 0.46f : 0.42f);
    const float depth = bend * r * (laugh ? 0.34f : 0.26f); // >0: the middle lower than the ends
    const float y_mid = c.y + r * 0.42f;
    constexpr int kSegments = 20;
    ImVec2 points[kSegments + 1];
    for (int i = 0; i <= kSegments; i++) {
        // Right to left: with the straight lip closing it, the laughing mouth is then
        // clockwise on screen, the order ImGui's anti-aliased fill needs.
        const float t = 1.0f - (float)i / kSegments * 2.0f; // 1 … -1
        points[i] = ImVec2(c.x + t * half, y_mid + depth * (0.5f - t * t));
    }
    if (laugh) {
        draw->AddConvexPolyFilled(points, kSegments + 1, ink);
        draw->AddPolyline(points, kSegments + 1, ink, ImDrawFlags_Closed, w * 0.6f);
    } else {
        draw->AddPolyline(points, kSegments + 1, ink, 0, extreme ? w * 1.2f : w);
    }
    if (extreme && bend < 0) { // a tear under the left eye
        const ImVec2 drop(c.x - r * 0.36f, c.y + r * 0.12f);
        const float dr = r * 0.1f;
        draw->AddTriangleFilled(ImVec2(drop.x, drop.y - dr * 2.4f),
                                ImVec2(drop.x + dr * 0.95f, drop.y - dr * 0.3f),
                                ImVec2(drop.x - dr * 0.95f, drop.y - dr * 0.3f), Rgb(palette::kFaceTear));
        draw->AddCircleFilled(drop, dr, Rgb(palette::kFaceTear), 16);
    }
}

std::string SmileyCaptionKey(int level, int faces) {
    static const char* kFive[] = {"surveys.smiley.very_bad", "surveys.smiley.bad", "surveys.smiley.neutral",
                                  "surveys.smiley.good", "surveys.smiley.very_good"};
    static const char* kThree[] = {"surveys.smiley.bad", "surveys.smiley.neutral", "surveys.smiley.good"};
    const int i = std::clamp(level, 1, faces) - 1;
    return faces == 3 ? kThree[i] : kFive[i];
}

} // namespace kiosk
