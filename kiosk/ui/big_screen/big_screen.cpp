#include "big_screen/big_screen.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <SDL2/SDL.h>
#include <SDL2/SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app.h"
#include "bar_animation.h"
#include "base/log.h"
#include "config/opening_hours.h"
#include "content/date_text.h"
#include "fonts.h"
#include "icons.h"
#include "palette.h"
#include "platform/image_store.h"
#include "platform/second_display.h"
#include "survey/smiley.h"
#include "survey/survey_layout.h"
#include "survey/survey_loader.h"

namespace kiosk {

namespace {
bool SingleAnswer(const Question& q) {
    return q.type == QuestionType::SingleChoice || q.type == QuestionType::Smiley ||
           q.type == QuestionType::YesNo;
}

// Makes `context` current for a scope and gives the previous one back.
class ImGuiContextScope {
public:
    explicit ImGuiContextScope(ImGuiContext* context) : previous_(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(context);
    }
    ~ImGuiContextScope() { ImGui::SetCurrentContext(previous_); }
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;

private:
    ImGuiContext* previous_;
};

// The embargo's day on the big screen: "15 janvier 2027", shorter than the thank-you
// screen's full date, for type read from 10 m.
std::string EmbargoDate(const App& app, std::string_view language, const CivilDate& date) {
    return FormatFuzzyDate(app.data.catalogs, language, {date.year, date.month, date.day});
}

// `text` cut with an ellipsis to fit `width` at `size`.
std::string Fit(ImFont* font, float size, const std::string& text, float width) {
    if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty()) {
        do
            cut.pop_back();
        while (!cut.empty() && ((unsigned char)cut.back() & 0xC0) == 0x80); // whole UTF-8 characters
        if (!cut.empty() && ((unsigned char)cut.back() & 0x80)) cut.pop_back();
        const std::string candidate = cut + "…";
        if (font->CalcTextSizeA(size, FLT_MAX, 0, candidate.c_str()).x <= width) return candidate;
    }
    return "…";
}
} // namespace

BigScreenSubject ResolveBigScreenSubject(const KioskData& data, std::string_view id, std::string& error) {
    error.clear();
    BigScreenSubject subject;
    const size_t colon = id.find(':');
    subject.survey_id = std::string(id.substr(0, colon));
    if (colon != std::string_view::npos) subject.question_id = std::string(id.substr(colon + 1));
    const Survey* survey = data.FindSurvey(subject.survey_id);
    if (!survey) {
        error = fmt::format("big screen: no survey or poll \"{}\"", subject.survey_id);
        return subject;
    }
    for (const Question& q : survey->questions) {
        if (subject.question_id.empty() ? !SingleAnswer(q) : q.id != subject.question_id) continue;
        if (!SingleAnswer(q)) {
            error = fmt::format("big screen: question \"{}\" of \"{}\" is not a single-choice question", q.id,
                                survey->id);
            return subject;
        }
        subject.question_id = q.id;
        return subject;
    }
    error = subject.question_id.empty()
                ? fmt::format("big screen: \"{}\" has no single-choice question", survey->id)
                : fmt::format("big screen: \"{}\" has no question \"{}\"", survey->id, subject.question_id);
    return subject;
}

void AddBigScreenTally(StoreOptions& options, const BigScreenSubject& subject) {
    for (const TalliedPoll& poll : options.polls)
        if (poll.survey_id == subject.survey_id) return; // one question per survey (a poll has one)
    options.polls.push_back({subject.survey_id, subject.question_id});
}

// One window's drawing state: its ImGui context, fonts at the big screen's sizes, the
// pictures' textures (in that window's GL context) and, on a second display, the window.
struct BigScreen::View {
    std::unique_ptr<SecondDisplay> display; // null: the kiosk's own window
    ImGuiContext* imgui = nullptr;
    BuiltFonts fonts;
    int font_height = 0; // the screen height the atlas was built for
    bool device_objects = false;
    std::unique_ptr<ImageStore> images;
    BarAnimation bars;
    double last_frame = -1;

    View(std::unique_ptr<SecondDisplay> second, int max_texture_size) : display(std::move(second)) {
        if (display) display->MakeCurrent();
        ImGuiContextScope scope(nullptr);
        imgui = ImGui::CreateContext();
        ImGui::SetCurrentContext(imgui);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.ConfigInputTextCursorBlink = false;
        ImGui_ImplOpenGL3_Init("#version 130");
        images = std::make_unique<ImageStore>();
        images->SetMaxTextureSize(max_texture_size);
        if (display) display->Release();
    }
    ~View() {
        // GL objects go with the context they were made in.
        if (display) display->MakeCurrent();
        ImGuiContextScope scope(imgui);
        images.reset();
        ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext(imgui);
        ImGui::SetCurrentContext(nullptr); // the scope restores the kiosk's
        if (display) display->Release();
    }
};

BigScreen::BigScreen(App& app) : app_(app) {}

BigScreen::~BigScreen() {
    Close();
}

void BigScreen::SetBanners(bool example_content, bool test_mode_on) {
    if (example == example_content && test_mode == test_mode_on) return;
    example = example_content;
    test_mode = test_mode_on;
    dirty_ = true;
}

bool BigScreen::Open(std::string_view survey_id, std::string_view question_id, BigScreenTarget target,
                     std::string& error) {
    std::string id(survey_id);
    if (!question_id.empty()) id += ":" + std::string(question_id);
    const BigScreenSubject subject = ResolveBigScreenSubject(app_.data, id, error);
    if (!error.empty()) return false;
    if (app_.store && !app_.store->Tally(subject.survey_id).loaded && app_.store->Status().open) {
        error = fmt::format("big screen: the votes of \"{}\" are not counted by the store (start the kiosk "
                            "with --big-screen {}:{})",
                            subject.survey_id, subject.survey_id, subject.question_id);
        return false;
    }
    Close();
    std::unique_ptr<SecondDisplay> display;
    if (target == BigScreenTarget::SecondDisplay) {
        if (std::optional<int> index = SecondDisplayIndex()) {
            display = SecondDisplay::Open(*index, error);
            if (!display) LogWarning("{}; the big screen shows on the kiosk's screen", error);
        } else {
            LogInfo("big screen: a single display; showing on the kiosk's screen");
        }
        error.clear();
    }
    target_ = display ? BigScreenTarget::SecondDisplay : BigScreenTarget::OwnScreen;
    view_ = std::make_unique<View>(std::move(display), app_.max_texture_size);
    survey_id_ = subject.survey_id;
    question_id_ = subject.question_id;
    open_ = true;
    opened_at_ = app_.clock.Now();
    counts_.clear();
    total_ = -1;
    embargoed_ = false; // ReadTally decides for this survey
    bar_lengths_.clear();
    dirty_ = true;
    LogInfo("big screen: showing {}:{} on {}", survey_id_, question_id_,
            target_ == BigScreenTarget::SecondDisplay ? "the second display" : "the kiosk's screen");
    return true;
}

void BigScreen::Close() {
    if (!open_) return;
    open_ = false;
    view_.reset();
    LogInfo("big screen: closed after {} frames", frames_);
}

namespace {
const Question* FindBigScreenQuestion(const KioskData& data, const std::string& survey,
                                      const std::string& q) {
    const Survey* s = data.FindSurvey(survey);
    if (!s) return nullptr;
    for (const Question& question : s->questions)
        if (question.id == q) return &question;
    return nullptr;
}
} // namespace

void BigScreen::ReadTally(double now) {
    const Question* question = FindBigScreenQuestion(app_.data, survey_id_, question_id_);
    if (!question) return;
    // Embargoed: the tally is not read at all, so no figure can be drawn. Checked whenever
    // the view wakes (a vote, a redraw): no timer is set for the day the embargo ends.
    const Survey* survey = app_.data.FindSurvey(survey_id_);
    // The clock itself: app_.wall_now is the kiosk's frame's, not drawn while this view covers it.
    const bool embargoed = survey && !survey->ResultsPublic(ToLocalMoment(app_.clock.WallSeconds()).date);
    if (embargoed != embargoed_) {
        embargoed_ = embargoed;
        counts_.clear();
        total_ = -1;
        view_->bars.SetTargets(std::vector<double>(question->options.size(), 0.0), now);
        dirty_ = true;
    }
    if (embargoed_) return;
    PollTally tally = app_.store ? app_.store->Tally(survey_id_) : PollTally{};
    std::vector<int64_t> counts;
    for (const Option& option : question->options) {
        auto it = tally.votes.find(option.id);
        counts.push_back(it == tally.votes.end() ? 0 : it->second);
    }
    if (counts == counts_ && tally.total == total_) return;
    counts_ = counts;
    total_ = tally.total;
    std::vector<double> fractions;
    for (int64_t c : counts_)
        fractions.push_back(total_ > 0 ? (double)c / (double)total_ : 0.0);
    view_->bars.SetTargets(fractions, now);
    dirty_ = true;
}

bool BigScreen::HandleEvent(const SDL_Event& event, double now) {
    (void)now;
    if (open_ && view_->display) {
        const uint32_t id = view_->display->WindowId();
        switch (event.type) {
        case SDL_WINDOWEVENT:
            if (event.window.windowID != id) break;
            dirty_ = true; // exposed, resized: draw again (a close request is ignored: staff close it)
            return true;
        case SDL_MOUSEMOTION:
            if (event.motion.windowID == id) return true;
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (event.button.windowID == id) return true;
            break;
        case SDL_MOUSEWHEEL:
            if (event.wheel.windowID == id) return true;
            break;
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION:
            if (event.tfinger.windowID == id) return true;
            break;
        default: break;
        }
    }
    if (!CoversKiosk() && !swallow_touch_) return false;
    switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_MOUSEBUTTONDOWN:
        // A touch on the kiosk's own screen returns to the kiosk; the rest of that touch is ours.
        if (CoversKiosk()) Close();
        swallow_touch_ = true;
        return true;
    case SDL_FINGERUP:
    case SDL_MOUSEBUTTONUP: swallow_touch_ = false; return true;
    case SDL_FINGERMOTION:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEWHEEL: return true;
    default: return false;
    }
}

double BigScreen::NextDeadline(double now) const {
    if (!open_) return std::numeric_limits<double>::infinity();
    double deadline = std::numeric_limits<double>::infinity();
    if (dirty_) deadline = now;
    if (view_->bars.Animating(now)) deadline = std::min(deadline, view_->last_frame + 1.0 / 60.0);
    if (view_->images->Busy()) deadline = std::min(deadline, view_->last_frame + 0.05); // a picture decoding
    if (target_ == BigScreenTarget::OwnScreen) deadline = std::min(deadline, opened_at_ + own_screen_timeout);
    return deadline;
}

void BigScreen::RenderOwnScreen(int width, int height, int drawable_width, int drawable_height) {
    if (!CoversKiosk()) return;
    const double now = app_.clock.Now();
    if (now >= opened_at_ + own_screen_timeout) {
        Close();
        return;
    }
    ReadTally(now);
    Draw(*view_, width, height, drawable_width, drawable_height, now);
}

void BigScreen::PumpSecondDisplay(double now) {
    if (!open_) return;
    if (target_ == BigScreenTarget::OwnScreen) {
        ReadTally(now); // a vote wakes the kiosk's frame, which draws the view
        return;
    }
    ReadTally(now);
    if (NextDeadline(now) > now) return;
    View& view = *view_;
    int w = 0, h = 0, dw = 0, dh = 0;
    view.display->Size(w, h);
    view.display->DrawableSize(dw, dh);
    view.display->MakeCurrent();
    Draw(view, w, h, dw, dh, now);
    view.display->SwapAndRelease();
}

Image BigScreen::CaptureSecondDisplay() {
    if (!open_ || !view_->display) return {};
    int dw = 0, dh = 0;
    view_->display->DrawableSize(dw, dh);
    view_->display->MakeCurrent();
    // The back buffer still holds the last frame drawn: draw it again and read it back.
    int w = 0, h = 0;
    view_->display->Size(w, h);
    Draw(*view_, w, h, dw, dh, app_.clock.Now());
    Image image = CaptureFrame(dw, dh);
    view_->display->SwapAndRelease();
    return image;
}

float BigScreen::BarLength(size_t option) const {
    return option < bar_lengths_.size() ? bar_lengths_[option] : 0.0f;
}

bool BigScreen::ImagesBusy() const {
    return open_ && view_->images->Busy();
}

int64_t BigScreen::Count(size_t option) const {
    return option < counts_.size() ? counts_[option] : 0;
}

std::vector<std::string> BigScreen::Texts() const {
    std::vector<std::string> texts;
    for (const std::string& language : app_.data.config.languages)
        for (const char* key : {"big_screen.figures", "big_screen.participants", "big_screen.one_participant",
                                "big_screen.test_mode", "big_screen.embargo", "content.example"})
            texts.push_back(app_.data.catalogs.Text(language, key));
    if (const Survey* survey = app_.data.FindSurvey(survey_id_)) {
        ForEachSurveyText(*survey, [&](std::string_view t) { texts.emplace_back(t); });
        if (survey->results_public_from) // the date's words, in every language
            for (const std::string& language : app_.data.config.languages)
                texts.push_back(EmbargoDate(app_, language, *survey->results_public_from));
    }
    if (const Question* q = FindBigScreenQuestion(app_.data, survey_id_, question_id_))
        for (size_t i = 0; i < q->options.size(); i++)
            texts.push_back(OptionCaption(app_, *q, i));
    return texts;
}

void BigScreen::Draw(View& view, int width, int height, int drawable_width, int drawable_height, double now) {
    const double started = SDL_GetPerformanceCounter() / (double)SDL_GetPerformanceFrequency();
    ImGuiContextScope scope(view.imgui);
    ImGuiIO& io = ImGui::GetIO();
    const Question* question = FindBigScreenQuestion(app_.data, survey_id_, question_id_);
    if (!question || width <= 0 || height <= 0) return;

    if (view.font_height != height) {
        Metrics sizes;
        sizes.font_small = sizes.font_body = sizes.font_title = BigScreenTextFont((float)height);
        sizes.font_huge = BigScreenQuestionFont((float)height);
        std::string error;
        if (view.device_objects) ImGui_ImplOpenGL3_DestroyFontsTexture();
        if (!BuildFonts(*io.Fonts, app_.data.config.paths.assets / "fonts", sizes, Texts(),
                        app_.max_texture_size, view.fonts, error)) {
            LogError("big screen: {}", error);
            return;
        }
        if (view.device_objects)
            ImGui_ImplOpenGL3_CreateFontsTexture();
        else
            ImGui_ImplOpenGL3_CreateDeviceObjects();
        view.device_objects = true;
        view.font_height = height;
    }

    const std::string& lang = app_.nav.Language();
    // The big screen is never mirrored: an Arabic text is shaped and put in visual order for
    // a left-to-right frame (text_direction.h), whatever the kiosk's own screen shows.
    TextDirection& direction = app_.text_direction;
    const bool kiosk_rtl = direction.RightToLeft();
    direction.SetRightToLeft(false);
    struct Restore {
        TextDirection& direction;
        bool rtl;
        ~Restore() { direction.SetRightToLeft(rtl); }
    } restore{direction, kiosk_rtl};
    auto tr = [&](std::string_view key) -> const std::string& {
        return direction.Shown(app_.data.catalogs.Text(lang, key));
    };
    const std::string question_text = app_.Text(question->text);
    const bool faces = question->type == QuestionType::Smiley || question->type == QuestionType::YesNo;
    const bool pictures = faces || std::any_of(question->options.begin(), question->options.end(),
                                               [](const Option& o) { return !o.picture.empty(); });
    ImFont* bold = view.fonts.standard.huge;
    ImFont* text_font = view.fonts.standard.body_bold;
    const float w = (float)width, h = (float)height;
    const float t = BigScreenTextFont(h);
    const float margin = std::min(w, h) * 0.04f;
    // Banners wrap on a narrow screen rather than shrink below the text size.
    std::vector<std::pair<std::string, bool>> banner_texts; // text, test mode
    if (test_mode) banner_texts.emplace_back(tr("big_screen.test_mode"), true);
    if (example) banner_texts.emplace_back(tr("content.example"), false);
    const float banner_wrap = w - 2 * margin;
    auto banner_lines = [&](const std::string& s) {
        return std::max(1,
                        (int)std::lround(text_font->CalcTextSizeA(t, FLT_MAX, banner_wrap, s.c_str()).y / t));
    };
    int banner_total = 0;
    for (const auto& b : banner_texts)
        banner_total += banner_lines(b.first);
    // Two lines of question at most: a longer one is set smaller, never below the text size.
    float question_size = BigScreenQuestionFont(h);
    auto lines = [&](float size) {
        const float text_h = bold->CalcTextSizeA(size, FLT_MAX, w - 2 * margin, question_text.c_str()).y;
        return (int)std::lround(text_h / size);
    };
    while (lines(question_size) > 2 && question_size > BigScreenTextFont(h))
        question_size = std::max(BigScreenTextFont(h), question_size * 0.92f);
    auto figures_text = [&](int64_t count) {
        const int percent = total_ > 0 ? (int)std::lround(100.0 * (double)count / (double)total_) : 0;
        return direction.Shown(app_.data.catalogs.Format(lang, "big_screen.figures", fmt::arg("count", count),
                                                         fmt::arg("percent", percent)));
    };
    // The widest figures there can be now: the bars all end at the same place.
    const std::string widest = figures_text(std::max<int64_t>(total_, 0));
    const float figures_width = text_font->CalcTextSizeA(t, FLT_MAX, 0, (widest + "0").c_str()).x;
    // The bottom line: the participants, or under an embargo the day results are published
    // (wrapped: in portrait it takes two lines).
    const int64_t participants = std::max<int64_t>(total_, 0);
    const Survey* survey = app_.data.FindSurvey(survey_id_);
    const std::string footer =
        direction.Shown(embargoed_ && survey && survey->results_public_from
                            ? app_.data.catalogs.Format(
                                  lang, "big_screen.embargo",
                                  fmt::arg("date", EmbargoDate(app_, lang, *survey->results_public_from)))
                        : participants == 1 ? app_.data.catalogs.Text(lang, "big_screen.one_participant")
                                            : app_.data.catalogs.Format(lang, "big_screen.participants",
                                                                        fmt::arg("count", participants)));
    const int footer_lines = banner_lines(footer);
    // Short of room (portrait, banners, many options): the question gives way first, down to
    // the text size.
    for (;;) {
        layout_ = ComputeBigScreenLayout(w, h, (int)question->options.size(), pictures, banner_total,
                                         lines(question_size), figures_width, question_size, footer_lines);
        if (BigScreenRowsFit(layout_) || question_size <= t) break;
        question_size = std::max(t, question_size * 0.92f);
    }

    io.DisplaySize = ImVec2(w, h);
    io.DisplayFramebufferScale = ImVec2((float)drawable_width / w, (float)drawable_height / h);
    io.DeltaTime = view.last_frame < 0 ? 1.0f / 60.0f : (float)std::max(1e-4, now - view.last_frame);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    view.last_frame = now;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    view.images->BeginFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##big_screen", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoSavedSettings);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Banners across the top: test mode (votes not counted); the content is an example.
    float banner_y = layout_.margin * 0.5f;
    for (const auto& [label, test] : banner_texts) {
        const ImVec2 size = text_font->CalcTextSizeA(t, FLT_MAX, banner_wrap, label.c_str());
        const float x = (w - size.x) * 0.5f;
        const float box_h = layout_.banner_line * (float)banner_lines(label);
        const float pad = std::min(t * 0.5f, margin);
        draw->AddRectFilled(ImVec2(x - pad, banner_y), ImVec2(x + size.x + pad, banner_y + box_h),
                            Rgb(test ? palette::kDanger : palette::kExampleFill), t * 0.2f);
        draw->AddText(text_font, t, ImVec2(x, banner_y + (box_h - size.y) * 0.5f),
                      Rgb(test ? palette::kTextOnDark : palette::kWarning), label.c_str(), nullptr,
                      banner_wrap);
        banner_y += box_h;
    }

    draw->AddText(bold, question_size, layout_.question_pos, Rgb(palette::kText), question_text.c_str(),
                  nullptr, layout_.question_width);

    bar_lengths_.assign(question->options.size(), 0.0f);
    for (size_t i = 0; i < question->options.size() && i < layout_.rows.size(); i++) {
        const BigScreenRow& row = layout_.rows[i];
        const Option& option = question->options[i];
        if (row.picture_max.x > row.picture_min.x) {
            const ImVec2 c((row.picture_min.x + row.picture_max.x) * 0.5f,
                           (row.picture_min.y + row.picture_max.y) * 0.5f);
            const float side = row.picture_max.x - row.picture_min.x;
            if (question->type == QuestionType::Smiley) {
                DrawSmiley(draw, (int)i + 1, question->faces, c, side * 0.45f);
            } else if (question->type == QuestionType::YesNo) {
                const bool yes = option.id == "yes";
                draw->AddCircleFilled(c, side * 0.45f, Rgb(yes ? palette::kOpinion : palette::kDanger), 40);
                DrawIcon(draw, yes ? Icon::Check : Icon::Close, c, side * 0.5f, Rgb(palette::kTextOnDark));
            } else if (!option.picture.empty()) {
                const PictureView pic = view.images->Picture(option.picture, (int)side, ImageUse::Picture);
                if (pic.status == ImageStatus::Ready && pic.width > 0 && pic.height > 0) {
                    const float s = side / (float)std::max(pic.width, pic.height);
                    const ImVec2 half(pic.width * s * 0.5f, pic.height * s * 0.5f);
                    draw->AddImage((ImTextureID)(intptr_t)pic.texture, ImVec2(c.x - half.x, c.y - half.y),
                                   ImVec2(c.x + half.x, c.y + half.y));
                } else {
                    draw->AddRectFilled(row.picture_min, row.picture_max, Rgb(palette::kSurfaceAlt),
                                        t * 0.2f);
                }
            }
        }
        const int64_t count = i < counts_.size() ? counts_[i] : 0;
        const int percent = total_ > 0 ? (int)std::lround(100.0 * (double)count / (double)total_) : 0;
        const std::string figures =
            embargoed_
                ? std::string()
                : direction.Shown(app_.data.catalogs.Format(
                      lang, "big_screen.figures", fmt::arg("count", count), fmt::arg("percent", percent)));
        const ImVec2 fig_size = text_font->CalcTextSizeA(t, FLT_MAX, 0, figures.c_str());
        if (!embargoed_)
            draw->AddText(text_font, t, ImVec2(row.figures_right.x - fig_size.x, row.figures_right.y),
                          Rgb(palette::kText), figures.c_str());
        const float label_room = layout_.figures_on_bar
                                     ? row.label_width
                                     : row.figures_right.x - fig_size.x - t * 0.6f - row.label_pos.x;
        const std::string label = Fit(text_font, t, OptionCaption(app_, *question, i), label_room);
        draw->AddText(text_font, t, row.label_pos, Rgb(palette::kText), label.c_str());

        const ImVec2 track_max(row.bar_min.x + row.bar_full, row.bar_min.y + row.bar_height);
        draw->AddRectFilled(row.bar_min, track_max, Rgb(palette::kSurfaceAlt), row.bar_height * 0.2f);
        const double value = !embargoed_ && i < view.bars.Size() ? view.bars.Value(i, now) : 0.0;
        const float length = (float)(value * row.bar_full);
        bar_lengths_[i] = length;
        if (length >= 1.0f)
            draw->AddRectFilled(row.bar_min, ImVec2(row.bar_min.x + length, track_max.y),
                                Rgb(palette::kOpinion), row.bar_height * 0.2f);
    }

    draw->AddText(text_font, t, layout_.participants_pos,
                  Rgb(embargoed_ ? palette::kText : palette::kTextMuted), footer.c_str(), nullptr,
                  banner_wrap);
    ImGui::End();
    dirty_ = view.images->EndFrame(); // uploads still owed
    ImGui::Render();

    glViewport(0, 0, drawable_width, drawable_height);
    const ImVec4 clear = RgbV(palette::kBackground);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    frames_++;
    last_frame_seconds_ = SDL_GetPerformanceCounter() / (double)SDL_GetPerformanceFrequency() - started;
}

} // namespace kiosk
