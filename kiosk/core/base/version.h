#pragma once

// The version shown by --version, in logs and in the HTTPS User-Agent: the project version
// plus the git commit when built from a checkout, e.g. "0.1.0 (2613aaf)".
//
// Defined in version.cpp alone, which is the one file compiled with the string: a define on
// the whole library changed every object's command line at each commit, so every
// reconfigure rebuilt (and missed the compiler cache for) the entire tree.
const char* KioskVersion();
