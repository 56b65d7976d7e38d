// Response: one visitor's answers to one survey or poll, as recorded in responses.db.
//
// Anonymous by construction: nothing here identifies the visitor (no name, no contact, no
// device fingerprint). `uuid` is random (UUID v4 from libsodium's CSPRNG) and is the
// response's identity everywhere it travels (exports, the city's receiver).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class ResponseStatus { Complete, Abandoned };
// Who entered the response: a visitor alone (kiosk), with staff beside them (assisted), staff
// copying a paper questionnaire (paper, with Response::paper_date), at an event, or kiosk-fill.
enum class ResponseOrigin { Kiosk, Assisted, Event, Synthetic, Paper };

const char* ToString(ResponseStatus status);
const char* ToString(ResponseOrigin origin);
std::optional<ResponseStatus> ParseResponseStatus(std::string_view text);
std::optional<ResponseOrigin> ParseResponseOrigin(std::string_view text);

// One answer row. Which fields are set depends on the question type:
//   single choice, yes/no, smiley → option_id (smiley also number = level)
//   multiple choice               → one row per selected option_id
//   scale, number                 → number
//   free text                     → text
//   ranking                       → one row per option_id with number = rank (1 = first)
//   plan pin                      → one row per pin: plan_id, x, y (0..1 of the image),
//                                   optional option_id and/or text attached to the pin
struct Answer {
    std::string question_id;
    std::optional<std::string> option_id;
    std::optional<std::string> text;
    std::optional<double> number;
    std::optional<std::string> plan_id;
    std::optional<double> x, y;
    // Staff hid this text from on-screen results (hidden_answer, schema version 2). Not a
    // column of `answer`: set by the export's reader (ResponseSource) on answers with text,
    // false everywhere else (the kiosk never records it).
    bool hidden = false;

    bool operator==(const Answer&) const = default;
};

struct Response {
    int64_t seq = 0;  // local order in this database (assigned on insert; the sync cursor)
    std::string uuid; // UUID v4, lowercase
    std::string kiosk_id;
    std::string survey_id;
    int64_t survey_version = 0;
    std::string language;
    ResponseOrigin origin = ResponseOrigin::Kiosk;
    ResponseStatus status = ResponseStatus::Complete;
    bool is_test = false;
    bool burst = false;     // recorded during a burst of rapid poll taps
    std::string started_at; // UTC ISO-8601 with milliseconds: 2026-11-26T14:03:05.123Z
    std::string submitted_at;
    int64_t duration_ms = 0;
    // Origin Paper only: the date written on the questionnaire, "YYYY-MM-DD" (the day it was
    // filled in, not the day it was typed in); nullopt otherwise.
    std::optional<std::string> paper_date;
    std::vector<Answer> answers; // in question order

    bool operator==(const Response&) const = default;
};

} // namespace kiosk
