// toml++'s implementation, compiled once with the fuzz build's instrumentation (the main
// build links Debian's libtomlplusplus, which libFuzzer could neither see into nor check).
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
