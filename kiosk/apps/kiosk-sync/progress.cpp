#include "kiosk-sync/progress.h"

#include <cstdio>
#include <unistd.h>

#include "base/log.h"

namespace kiosk {

Progress::Progress(std::string label) : label_(std::move(label)), terminal_(isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
    Finish();
}

void Progress::Update(int64_t done, int64_t total) {
    if (total <= 0) return;
    const double fraction = std::min(1.0, (double)done / (double)total);
    if (!terminal_) {
        const int tenth = (int)(fraction * 10);
        if (tenth != last_tenth_ && (tenth > 0 || done == 0) && total >= 1000) {
            last_tenth_ = tenth;
            LogInfo("{}: {} % ({} of {} responses)", label_, tenth * 10, done, total);
        }
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    constexpr int kWidth = 30;
    const int filled = (int)(fraction * kWidth);
    std::string bar(filled, '#');
    bar.append(kWidth - filled, '.');
    std::fprintf(stderr, "\r%s [%s] %3d %%  %lld / %lld responses", label_.c_str(), bar.c_str(),
                 (int)(fraction * 100), (long long)done, (long long)total);
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::Finish() {
    if (drawn_) std::fputc('\n', stderr);
    drawn_ = false;
}

} // namespace kiosk
