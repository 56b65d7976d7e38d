// Progress of a long export or run: a bar on a terminal, plain log lines otherwise.
//
// On a terminal (stderr is a tty) the bar is redrawn in place at most ten times a second.
// Under systemd the journal would keep every redraw, so there it logs one line per tenth
// of the way instead ("export: 40 % (400000 of 1000000 responses)").
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace kiosk {

class Progress {
public:
    explicit Progress(std::string label);
    ~Progress();
    void Update(int64_t done, int64_t total);
    void Finish(); // ends the bar's line (a no-op when nothing was drawn)

private:
    std::string label_;
    bool terminal_;
    bool drawn_ = false;
    int last_tenth_ = -1;
    std::chrono::steady_clock::time_point last_draw_{};
};

} // namespace kiosk
