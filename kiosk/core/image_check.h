// Checking every image the kiosk will show, for `kiosk --check-config`.
//
// Loading reads only image headers (the kiosk starts fast and decodes off the UI thread
// later), so a truncated or corrupt file, or one too big to decode, would pass a check and
// become a placeholder on screen. The check decodes each file once, within the cap of its
// use (image/image_file.h), throws the pixels away, and reports a problem at the key that
// names the file: `plans/x.toml:4:1: error: image: …/x.png: not a readable PNG image (…)`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "image/image_file.h"
#include "kiosk_data.h"

namespace kiosk {

struct ImageReference {
    std::filesystem::path file;
    SourcePos where; // the key naming it
    std::string key; // that key's name: "image", "photo", "picture"
    ImageUse use;
};

// Every image file named by the loaded content and surveys, in load order.
std::vector<ImageReference> ImageReferences(const KioskData& data);

// Decodes each referenced file once and adds an error at each reference the kiosk could not
// show. `loaded` is what loading reported: a warning it gave at the same key for the same
// file is left out of the result, which is `loaded` plus the image errors.
Diagnostics CheckImages(const KioskData& data, const Diagnostics& loaded);

} // namespace kiosk
