// Pcm: mono 16-bit samples at one rate — what synthesis and recordings produce and the
// audio device plays. One format everywhere, so pieces of speech can follow each other.
#pragma once

#include <cstdint>
#include <vector>

namespace kiosk {

struct Pcm {
    int rate = 22050; // espeak-ng's own rate; recordings are converted to it
    std::vector<int16_t> samples;

    double Seconds() const { return rate > 0 ? (double)samples.size() / rate : 0; }
};

// The largest absolute sample value (0: silence).
inline int PeakOf(const int16_t* samples, size_t count) {
    int peak = 0;
    for (size_t i = 0; i < count; i++) {
        const int v = samples[i] < 0 ? -(int)samples[i] : samples[i];
        if (v > peak) peak = v;
    }
    return peak;
}

} // namespace kiosk
