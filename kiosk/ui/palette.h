// Palette: every colour the kiosk draws, each with the roles it plays.
//
// The colours are chosen for WCAG 2.x AA: 4.5:1 for text, 3:1 for the outlines of controls
// and for the parts of pictures that carry meaning (WCAG 1.4.11). Each colour also has its
// high-contrast value, drawn when a visitor turns on "Aa" (large text and high contrast):
// 7:1 for text (WCAG AAA). A colour is declared once, in KIOSK_PALETTE below, with both
// values and its roles; the roles say which colours it can meet, and
// tests/ui/palette_test.cpp walks the table and checks every such pair in both contrasts.
//
// Screens keep naming the standard colours (palette::kPrimary): Rgb() and Shade()
// (theme.h) pass every colour through Displayed(), which swaps a palette colour for its
// high-contrast value while SetContrast(Contrast::High) holds. One switch for every
// screen, rather than a contrast argument threaded through each drawing call. A colour added here
// is therefore checked against every colour it can meet, and a colour written anywhere else
// in kiosk/ui fails unit_palette_literals (tests/ui/palette_literals_test.sh).
//
// Plain 0xRRGGBB values with no ImGui dependency.
#pragma once

#include <cstdint>

namespace kiosk::palette {

// What a colour is used for; a colour can have several roles.
enum Role : uint32_t {
    kAsPage = 1u << 0,           // controls and text sit on it: text ≥ 4.5:1, outlines ≥ 3:1
    kAsTextFill = 1u << 1,       // a filled area that carries text (cards, chips, selected rows)
    kAsTextOnLight = 1u << 2,    // text on every kAsPage and kAsTextFill colour (≥ 4.5:1)
    kAsOutline = 1u << 3,        // the edge of a control on every kAsPage colour (≥ 3:1)
    kAsDarkFill = 1u << 4,       // white text on it, also pressed and hovered (Shade) (≥ 4.5:1)
    kAsTextOnDark = 1u << 5,     // text on every kAsDarkFill colour
    kAsAttractSurface = 1u << 6, // the dark attract screen
    kAsAttractText = 1u << 7,    // text on the attract screen (≥ 4.5:1)
    kAsFaceFill = 1u << 8,       // a smiley's face: its features are drawn in kAsFaceInk (≥ 3:1)
    kAsFaceInk = 1u << 9,
    kAsOrnament = 1u << 10, // carries no meaning (a tear on the saddest face, the dimming of
                            // the screen behind a dialog): no pair to check, said here on purpose
};

// X(name, 0xRRGGBB, high-contrast 0xRRGGBB, roles) — the only place colours are written.
#define KIOSK_PALETTE(X)                                                                                     \
    /* Surfaces */                                                                                           \
    X(kBackground, 0xF4F1EA, 0xEEEEEE, kAsPage)         /* warm paper */                                     \
    X(kSurface, 0xFFFFFF, 0xFFFFFF, kAsPage)            /* cards, dialogs */                                 \
    X(kSurfaceAlt, 0xE6E1D6, 0xE0E0E0, kAsTextFill)     /* pressed / selected surfaces */                    \
    X(kSurfaceHover, 0xEFECE4, 0xF0F0F0, kAsTextFill)   /* a hovered row (a mouse on the staff's desk) */    \
    X(kExampleFill, 0xFFF1C2, 0xFFF1C2, kAsTextFill)    /* the "example" chip on demo content */             \
    X(kYouSaidFill, 0xE6EEF8, 0xE6EEF8, kAsTextFill)    /* the timeline's "you said" card */                 \
    X(kWeDidFill, 0xE4F0E1, 0xE4F0E1, kAsTextFill)      /* the timeline's "we did" card */                   \
    X(kPlanBackground, 0xE2DED5, 0xE2DED5, kAsTextFill) /* around a plan that does not fill the area */      \
    X(kBorder, 0x8A8478, 0x000000, kAsOutline)          /* outlines of controls */                           \
    /* Text */                                                                                               \
    X(kText, 0x1A1A1A, 0x000000, kAsTextOnLight | kAsFaceInk)                                                \
    X(kTextMuted, 0x4D4A45, 0x1A1A1A, kAsTextOnLight)                                                        \
    X(kTextOnDark, 0xFFFFFF, 0xFFFFFF,                                                                       \
      kAsTextOnDark | kAsAttractText) /* also the attract screen's invitation */                             \
    /* Actions and sections: white text on each, and each also as text on light surfaces */                  \
    X(kPrimary, 0x1D4E89, 0x1A467C, kAsDarkFill | kAsTextOnLight) /* main actions, plans */                  \
    X(kPrimaryHover, 0x173F6F, 0x173F6F, kAsDarkFill | kAsTextOnLight)                                       \
    X(kTimeline, 0x5B3A8E, 0x543584, kAsDarkFill | kAsTextOnLight) /* the programme's timeline */            \
    X(kOpinion, 0x1C6B3A, 0x14502B, kAsDarkFill | kAsTextOnLight)  /* surveys and polls */                   \
    X(kAgenda, 0x9C3D12, 0x792F0E, kAsDarkFill | kAsTextOnLight)   /* meetings and workshops */              \
    X(kDanger, 0xA8201A, 0x891A15, kAsDarkFill | kAsTextOnLight)   /* cancel, errors */                      \
    X(kWarning, 0x7A5A00, 0x5A4200, kAsTextOnLight)                /* warnings as text on light surfaces */  \
    X(kDone, 0x3E6B2E, 0x2D4E21, kAsDarkFill | kAsTextOnLight)     /* a completed phase */                   \
    /* Plan pins: one colour per reason, a white pictogram on each */                                        \
    X(kReasonRed, 0xB3261E, 0x881C16, kAsDarkFill)                                                           \
    X(kReasonBlue, 0x1F6FB2, 0x144873, kAsDarkFill)                                                          \
    X(kReasonGreen, 0x2E7D32, 0x1D4F1F, kAsDarkFill)                                                         \
    X(kReasonPurple, 0x8E44AD, 0x632F79, kAsDarkFill)                                                        \
    X(kReasonOrange, 0xB35C00, 0x6D3800, kAsDarkFill)                                                        \
    X(kReasonSlate, 0x4E5D6C, 0x3C4753, kAsDarkFill)                                                         \
    /* Smiley faces, from very unhappy to very happy */                                                      \
    X(kFaceVeryBad, 0xD64541, 0xD64541, kAsFaceFill)                                                         \
    X(kFaceBad, 0xEE8A3C, 0xEE8A3C, kAsFaceFill)                                                             \
    X(kFaceNeutral, 0xF2C14E, 0xF2C14E, kAsFaceFill)                                                         \
    X(kFaceGood, 0x9CCB5B, 0x9CCB5B, kAsFaceFill)                                                            \
    X(kFaceVeryGood, 0x4CAF50, 0x4CAF50, kAsFaceFill)                                                        \
    X(kFaceTear, 0x3D8FD6, 0x3D8FD6, kAsOrnament)                                                            \
    /* Attract screen (dark) */                                                                              \
    X(kAttractBackground, 0x12324F, 0x0A1E33, kAsAttractSurface)                                             \
    X(kAttractAccent, 0xF2C14E, 0xF2C14E, kAsAttractText)                                                    \
    X(kAttractTextSecondary, 0xC9D6E3, 0xC9D6E3, kAsAttractText) /* the invitation in other languages */     \
    /* Overlays */                                                                                           \
    X(kScrim, 0x000000, 0x000000, kAsOrnament) /* drawn translucent behind dialogs and shadows */

#define KIOSK_PALETTE_CONSTANT(name, rgb, high_contrast, roles) inline constexpr uint32_t name = rgb;
KIOSK_PALETTE(KIOSK_PALETTE_CONSTANT)
#undef KIOSK_PALETTE_CONSTANT

struct Swatch {
    const char* name;
    uint32_t rgb;
    uint32_t high_contrast;
    uint32_t roles; // Role bits
};

#define KIOSK_PALETTE_SWATCH(name, rgb, high_contrast, roles) Swatch{#name, rgb, high_contrast, roles},
inline constexpr Swatch kSwatches[] = {KIOSK_PALETTE(KIOSK_PALETTE_SWATCH)};
#undef KIOSK_PALETTE_SWATCH

inline constexpr uint32_t kFaceColors[] = {kFaceVeryBad, kFaceBad, kFaceNeutral, kFaceGood, kFaceVeryGood};
inline constexpr uint32_t kReasonColors[] = {kReasonRed,    kReasonBlue,   kReasonGreen,
                                             kReasonPurple, kReasonOrange, kReasonSlate};

enum class Contrast { Standard, High };

// The contrast colours are drawn in, for the whole UI thread (a visitor's "Aa"; the shell
// sets it before drawing the visitor's screens and puts Standard back after).
void SetContrast(Contrast contrast);
Contrast CurrentContrast();

// The colour to draw for `rgb`: its high-contrast value when `contrast` is High and `rgb`
// is a palette colour, else `rgb` itself (a shade or an image's colour passes unchanged).
uint32_t Displayed(uint32_t rgb, Contrast contrast);
inline uint32_t Displayed(uint32_t rgb) {
    return Displayed(rgb, CurrentContrast());
}

// WCAG 2.x relative luminance and contrast ratio of two 0xRRGGBB colours.
double RelativeLuminance(uint32_t rgb);
double ContrastRatio(uint32_t a, uint32_t b);

} // namespace kiosk::palette
