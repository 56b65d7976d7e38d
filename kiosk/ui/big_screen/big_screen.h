// BigScreen: the inauguration's presentation view of one poll (or one single-choice
// question of a survey) — the question in very large type, a bar per option growing
// smoothly as votes arrive, counts, percentages and participants, readable from 10 m
// (README "Staff mode", "The big screen").
//
// Where it shows (BigScreenTarget):
//   - SecondDisplay: a full-screen window on the display after the kiosk's
//     (platform/second_display.h); the touchscreen stays usable for voting.
//   - OwnScreen: over the kiosk's own screen; a touch, or own_screen_timeout, returns.
// Each window has its own Dear ImGui context (ImGui 1.86 has one per window) and its own font
// atlas at the big screen's sizes; the kiosk's context is current again after every call.
//
// Under a results embargo (the survey's results_public_from still ahead) the view is public
// all the same: it shows the question and the answers with no bar, count, percentage or
// participants, and "Résultats publiés le …" instead. Staff cannot lift it from the panel:
// the city's decision is written in the survey file (README "The big screen").
//
// Figures come from the store's committed counts (ResponseStore::Tally), read when the loop
// wakes (the store wakes it after each commit): no SQL in the frame. The shown question must
// be one the store counts (StoreOptions::polls; see AddBigScreenTally). Frames are drawn only
// when something changed or a bar is moving; otherwise the kiosk sleeps.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "big_screen_layout.h"
#include "platform/frame_capture.h"

union SDL_Event;

namespace kiosk {

struct App;
struct KioskData;
struct StoreOptions;

enum class BigScreenTarget { SecondDisplay, OwnScreen };

// What the big screen would show for `id`: "SURVEY" (a poll, or a survey whose first
// single-choice question is meant) or "SURVEY:QUESTION". Empty `error` when valid.
struct BigScreenSubject {
    std::string survey_id, question_id;
};
BigScreenSubject ResolveBigScreenSubject(const KioskData& data, std::string_view id, std::string& error);

// Makes sure the store counts `subject` (polls are always counted; a survey's question is
// added). The store counts one question per survey.
void AddBigScreenTally(StoreOptions& options, const BigScreenSubject& subject);

class BigScreen {
public:
    explicit BigScreen(App& app);
    ~BigScreen();
    BigScreen(const BigScreen&) = delete;
    BigScreen& operator=(const BigScreen&) = delete;

    // Shows `question_id` of `survey_id` (empty: its first single-choice question). A
    // SecondDisplay target falls back to OwnScreen when SDL sees a single display. Returns
    // false with `error` set (unknown survey or question, not single choice, not counted).
    bool Open(std::string_view survey_id, std::string_view question_id, BigScreenTarget target,
              std::string& error);
    void Close();
    bool IsOpen() const { return open_; }
    BigScreenTarget Target() const { return target_; }
    const std::string& SurveyId() const { return survey_id_; } // what is shown while open
    bool CoversKiosk() const { return open_ && target_ == BigScreenTarget::OwnScreen; }

    // Banners: the content is an example; test mode is on (votes not counted). The shell
    // calls SetBanners before every pump with the content's flag and the staff session's.
    bool example = false;
    bool test_mode = false;
    // Sets both banners; a change is drawn at once (a second display redraws only when dirty).
    void SetBanners(bool example_content, bool test_mode_on);
    double own_screen_timeout = 600; // seconds before the own-screen view returns by itself

    // --- the shell's hooks ---
    // Takes the events of the second window, and every touch while covering the kiosk (a
    // touch there closes the view). Returns true when the kiosk must not see `event`.
    bool HandleEvent(const SDL_Event& event, double now);
    // When a frame of the big screen is next needed (+inf: none).
    double NextDeadline(double now) const;
    // Own screen: draws the view into the kiosk's window (its GL context is current).
    void RenderOwnScreen(int width, int height, int drawable_width, int drawable_height);
    // Second display: draws its window when a frame is due.
    void PumpSecondDisplay(double now);

    // --- tests and benchmarks ---
    const BigScreenLayout& Layout() const { return layout_; }
    // The bar of `option` (index) as last drawn, in px, and its count.
    float BarLength(size_t option) const;
    int64_t Count(size_t option) const;
    int64_t Participants() const { return total_; }
    bool Embargoed() const { return embargoed_; } // no figure drawn (results_public_from ahead)
    size_t Options() const { return counts_.size(); }
    uint64_t FramesDrawn() const { return frames_; }
    // Pictures still decoding or uploading (screenshots wait for them).
    bool ImagesBusy() const;
    double LastFrameSeconds() const { return last_frame_seconds_; }
    // The second display's last frame (tests; call after PumpSecondDisplay).
    Image CaptureSecondDisplay();

private:
    struct View;
    void ReadTally(double now);
    void Draw(View& view, int width, int height, int drawable_width, int drawable_height, double now);
    std::vector<std::string> Texts() const;

    App& app_;
    bool open_ = false;
    BigScreenTarget target_ = BigScreenTarget::OwnScreen;
    std::string survey_id_, question_id_;
    double opened_at_ = 0;
    bool dirty_ = false;
    bool swallow_touch_ = false; // the touch that closed the view: its lift is not the kiosk's
    std::vector<int64_t> counts_;
    int64_t total_ = -1;
    bool embargoed_ = false;
    std::vector<float> bar_lengths_;
    BigScreenLayout layout_;
    uint64_t frames_ = 0;
    double last_frame_seconds_ = 0;
    std::unique_ptr<View> view_;
};

} // namespace kiosk
