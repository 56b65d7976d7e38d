// Recorded speech: a WAV file read with SDL and converted to the one format the kiosk plays.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "speech/pcm.h"

namespace kiosk {

// The file as mono 16-bit samples at `rate`. Nothing, with `error` naming the file and
// saying why, when SDL cannot read it (missing, not a WAV, an encoding it does not know).
std::optional<Pcm> LoadWavAsPcm(const std::filesystem::path& file, int rate, std::string& error);

} // namespace kiosk
