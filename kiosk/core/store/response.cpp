#include "store/response.h"

namespace kiosk {

const char* ToString(ResponseStatus status) {
    return status == ResponseStatus::Complete ? "complete" : "abandoned";
}

const char* ToString(ResponseOrigin origin) {
    switch (origin) {
    case ResponseOrigin::Kiosk: return "kiosk";
    case ResponseOrigin::Assisted: return "assisted";
    case ResponseOrigin::Event: return "event";
    case ResponseOrigin::Synthetic: return "synthetic";
    case ResponseOrigin::Paper: return "paper";
    }
    return "kiosk";
}

std::optional<ResponseStatus> ParseResponseStatus(std::string_view text) {
    if (text == "complete") return ResponseStatus::Complete;
    if (text == "abandoned") return ResponseStatus::Abandoned;
    return std::nullopt;
}

std::optional<ResponseOrigin> ParseResponseOrigin(std::string_view text) {
    for (ResponseOrigin o : {ResponseOrigin::Kiosk, ResponseOrigin::Assisted, ResponseOrigin::Paper,
                             ResponseOrigin::Event, ResponseOrigin::Synthetic})
        if (text == ToString(o)) return o;
    return std::nullopt;
}

} // namespace kiosk
