// The staff tests' PIN hashes: one Argon2id hash per PIN for the whole test run, since each
// costs ~0.1 s and 64 MiB (interactive limits).
#pragma once

#include <map>
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "staff/pin.h"

namespace kiosk::test {

inline const std::string& TestPinHash(const std::string& pin) {
    static std::map<std::string, std::string> hashes;
    auto it = hashes.find(pin);
    if (it == hashes.end()) {
        std::string copy = pin, error; // HashPin wipes what it is given
        std::optional<std::string> made = HashPin(copy, error);
        REQUIRE(made);
        it = hashes.emplace(pin, *made).first;
    }
    return it->second;
}

} // namespace kiosk::test
