// Palette: the kiosk's colours, chosen for WCAG AA contrast (≥ 4.5:1 for text).
//
// Plain 0xRRGGBB values with no ImGui dependency, so a unit test can check every pair of
// text and background colours the screens use (tests/unit/palette_test.cpp).
#pragma once

#include <cstdint>

namespace kiosk::palette {

// Surfaces
inline constexpr uint32_t kBackground = 0xF4F1EA; // warm paper
inline constexpr uint32_t kSurface = 0xFFFFFF;    // cards, dialogs
inline constexpr uint32_t kSurfaceAlt = 0xE6E1D6; // pressed / selected surfaces
inline constexpr uint32_t kBorder = 0x8A8478;     // outlines of controls (≥ 3:1 on background)

// Text
inline constexpr uint32_t kText = 0x1A1A1A;
inline constexpr uint32_t kTextMuted = 0x4D4A45;
inline constexpr uint32_t kTextOnDark = 0xFFFFFF;

// Actions and sections (white text on each)
inline constexpr uint32_t kPrimary = 0x1D4E89; // main actions, plans
inline constexpr uint32_t kPrimaryHover = 0x173F6F;
inline constexpr uint32_t kTimeline = 0x5B3A8E; // the programme's timeline
inline constexpr uint32_t kOpinion = 0x1C6B3A;  // surveys and polls
inline constexpr uint32_t kAgenda = 0x9C3D12;   // meetings and workshops
inline constexpr uint32_t kDanger = 0xA8201A;   // cancel, errors
inline constexpr uint32_t kWarning = 0x7A5A00;  // warnings as text on light surfaces
inline constexpr uint32_t kDone = 0x3E6B2E;     // a completed phase

// Attract screen (dark)
inline constexpr uint32_t kAttractBackground = 0x12324F;
inline constexpr uint32_t kAttractAccent = 0xF2C14E;
inline constexpr uint32_t kAttractTextSecondary = 0xC9D6E3; // the invitation in other languages

// WCAG 2.x relative luminance and contrast ratio of two 0xRRGGBB colours.
double RelativeLuminance(uint32_t rgb);
double ContrastRatio(uint32_t a, uint32_t b);

} // namespace kiosk::palette
