// Fatal error screen: when the kiosk cannot start (broken configuration), it says so on
// its screen — a blank screen in a public hall helps nobody — and lists the errors for
// staff, with file and line. It checks every few seconds whether the problem is fixed and
// then returns, so the kiosk can restart itself.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "platform/window.h"

namespace kiosk {

// Shows `lines` until `fixed()` returns true (checked every 5 s) or the process is asked to
// quit. Returns true if fixed. Returns false at once if no window can be opened.
bool RunFatalErrorScreen(const std::vector<std::string>& lines, const WindowOptions& window_options,
                         const std::function<bool()>& fixed);

// A font file to show errors with when the configuration (and so assets.path) is unusable:
// the bundled font next to the executable or in the installed data, else the system's.
std::filesystem::path FindFallbackFont();

} // namespace kiosk
