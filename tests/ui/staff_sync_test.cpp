// The staff panel's "Synchronisation" section on the real shell, headless, by synthetic
// touch, against the real kiosk-sync built beside the tests (KIOSK_SYNC_PROGRAM): the pending
// count of a `dir` destination in a scratch directory, "Envoyer maintenant" delivering the
// answers recorded through the real store, "Exporter sur une clé USB" into a configured
// directory, and a missing kiosk-sync said on screen.
#include <chrono>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>

#include "staff/staff_state.h"
#include "staff_panel_opener.h"
#include "store/uuid.h"
#include "survey_kiosk.h"
#include "test_paths.h"
#include "touch_target_audit.h"

using namespace kiosk;
using kiosk::test::SurveyKiosk;

namespace {

struct SyncSetup {
    std::filesystem::path dir;       // build/test-scratch/<name>-sync
    std::filesystem::path delivered; // the `dir` destination
    std::filesystem::path usb;       // [staff] usb_export_dir
    std::filesystem::path config;    // the configuration both the kiosk and kiosk-sync read
};

// A configuration with the demo content and surveys, and one `dir` destination (plus
// `extra` TOML) in a scratch directory; the kiosk's database is SurveyKiosk's (--db).
SyncSetup WriteSyncConfig(const std::string& name, const std::string& extra = "") {
    SyncSetup s;
    s.dir = test::ScratchDir(name + "-sync");
    s.delivered = s.dir / "delivered";
    s.usb = s.dir / "usb";
    std::filesystem::create_directories(s.usb);
    s.config = s.dir / "kiosk.toml";
    const std::filesystem::path demo = test::SourceDir() / "config";
    std::ofstream out(s.config);
    out << "[kiosk]\nid = \"test-sync\"\nlanguages = [\"fr\", \"en\"]\n"
        << "[paths]\nassets = \"" << (test::SourceDir() / "assets").string() << "\"\n"
        << "content = \"" << (demo / "content").string() << "\"\n"
        << "surveys = \"" << (demo / "surveys").string() << "\"\n"
        << "database = \"" << (s.dir / "unused.db").string() << "\"\n"
        << "[sync]\nstate = \"" << (s.dir / "sync-state.db").string() << "\"\n"
        << "[[sync.destination]]\nname = \"partage-test\"\ndir = \"" << s.delivered.string() << "\"\n"
        << extra;
    return s;
}

std::unique_ptr<SurveyKiosk> SyncKiosk(const std::string& name, const SyncSetup& s, int w, int h,
                                       const std::filesystem::path& program = KIOSK_SYNC_PROGRAM) {
    return test::PanelKiosk(name, w, h, [&](KioskData& data) {
        data.config.file = s.config;
        data.config.staff.sync_program = program;
        data.config.staff.usb_export_dir = s.usb;
    });
}

void OpenSyncSection(SurveyKiosk& k) {
    test::OpenStaffPanel(k);
    k.Tap("panel.tab:sync");
}

// Renders frames in real time until `done` (kiosk-sync runs as a child); false after 60 s.
template <typename Done>
bool FramesUntil(SurveyKiosk& k, Done done) {
    for (int i = 0; i < 1200; i++) {
        k.Driver().Frames(1);
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

// The pending count the section showed last frame for `destination` (nothing: not shown).
std::optional<int64_t> ShownPending(SurveyKiosk& k, const std::string& destination) {
    const auto& shown = k.GetApp().staff.sync_shown;
    const auto it = shown.find(destination);
    return it == shown.end() ? std::nullopt : std::optional<int64_t>(it->second);
}

Response Answered(const char* idee) {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = "test-sync";
    r.survey_id = "usages-espaces-publics";
    r.survey_version = 1;
    r.language = "fr";
    r.started_at = "2026-12-01T10:00:00.000Z";
    r.submitted_at = "2026-12-01T10:01:00.000Z";
    r.duration_ms = 60000;
    r.answers.push_back(Answer{.question_id = "proprete", .number = 5});
    r.answers.push_back(Answer{.question_id = "idee", .text = std::string(idee)});
    return r;
}

size_t FilesUnder(const std::filesystem::path& dir) {
    size_t count = 0;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file()) count++;
    return count;
}

std::string Size(int w, int h) {
    return std::to_string(w) + "x" + std::to_string(h);
}

} // namespace

TEST_CASE(
    "Synchronisation: pending answers, Envoyer maintenant delivers them, the USB export is safe to remove") {
    const SyncSetup s = WriteSyncConfig("staff-sync");
    auto k = SyncKiosk("staff-sync", s, 1920, 1080);
    for (const char* idee : {"Plus de bancs", "Des arbres", "Un marché"})
        REQUIRE(k->Store().WaitCommitted(k->Store().Submit(Answered(idee)), 10));

    OpenSyncSection(*k);
    REQUIRE(FramesUntil(*k, [&] { return ShownPending(*k, "partage-test").has_value(); }));
    CHECK(ShownPending(*k, "partage-test") == 3);
    CHECK(k->Has("sync.destination:partage-test"));
    CHECK(FilesUnder(s.delivered) == 0);

    // "Envoyer maintenant": the button turns into the progress state; a second tap does nothing.
    k->Tap("sync.run");
    SyncControl& sync = *k->GetApp().staff.sync;
    CHECK(sync.Running() == SyncJob::Run);
    k->Shot("staff-sync-running-1920x1080");
    k->Tap("sync.run");
    k->Tap("sync.export"); // nor does the other action while a run goes on
    REQUIRE(FramesUntil(*k, [&] { return sync.Last(SyncJob::Run).kind != SyncOutcome::Kind::None; }));
    INFO(sync.Last(SyncJob::Run).detail);
    CHECK(sync.Last(SyncJob::Run).kind == SyncOutcome::Kind::Done);
    CHECK(sync.Last(SyncJob::Export).kind == SyncOutcome::Kind::None);
    // The status is read again after the run: nothing pending now.
    REQUIRE(FramesUntil(*k, [&] { return !sync.StatusReading() && ShownPending(*k, "partage-test") == 0; }));
    CHECK(k->Has("sync.run.outcome"));
    CHECK(FilesUnder(s.delivered) > 0);
    k->Shot("staff-sync-sent-1920x1080");

    // "Exporter sur une clé USB" into the configured directory.
    k->Tap("sync.export");
    REQUIRE(FramesUntil(*k, [&] { return sync.Last(SyncJob::Export).kind != SyncOutcome::Kind::None; }));
    const SyncOutcome& exported = sync.Last(SyncJob::Export);
    INFO(exported.detail);
    REQUIRE(exported.kind == SyncOutcome::Kind::Done);
    CHECK(exported.export_dir.parent_path() == s.usb);
    CHECK(FilesUnder(exported.export_dir) > 0);
    k->Driver().Frames(2);
    CHECK(k->Has("sync.export.outcome"));
    k->Shot("staff-sync-exported-1920x1080");
}

TEST_CASE("Synchronisation: a missing kiosk-sync is said on screen, and Envoyer maintenant says it again") {
    const SyncSetup s = WriteSyncConfig("staff-sync-missing");
    auto k = SyncKiosk("staff-sync-missing", s, 1280, 800, s.dir / "nowhere" / "kiosk-sync");
    OpenSyncSection(*k);
    k->Driver().Frames(2);
    SyncControl& sync = *k->GetApp().staff.sync;
    CHECK(sync.StatusProblem().kind == SyncOutcome::Kind::NotStarted);
    CHECK(k->Has("sync.status.problem"));
    k->Tap("sync.run");
    k->Driver().Frames(2);
    CHECK(sync.Last(SyncJob::Run).kind == SyncOutcome::Kind::NotStarted);
    CHECK(k->Has("sync.run.outcome"));
    CHECK(k->CurrentScreen() == Screen::StaffPanel);
    k->Shot("staff-sync-missing-1280x800");
}

TEST_CASE(
    "Synchronisation: a destination that fails shows its last error and what to do, in both languages") {
    const auto [w, h] = GENERATE(std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920});
    const std::string name = "staff-sync-error-" + Size(w, h);
    // A destination whose directory cannot be made (its parent is a file), and the city's
    // database where no server listens (port 9: the connection is refused at once).
    SyncSetup s = WriteSyncConfig(name, "");
    std::ofstream(s.dir / "a-file") << "not a directory\n";
    std::ofstream(s.config, std::ios::app)
        << "[[sync.destination]]\nname = \"cle-en-panne\"\ndir = \"" << (s.dir / "a-file" / "sub").string()
        << "\"\n[[sync.destination]]\nname = \"base-ville\"\n"
        << "postgres = \"postgresql://kiosk_mdp@127.0.0.1:9/participation?sslmode=disable\"\ntimeout_seconds "
           "= 2\n";
    auto k = SyncKiosk(name, s, w, h);
    REQUIRE(k->Store().WaitCommitted(k->Store().Submit(Answered("Des bancs")), 10));
    OpenSyncSection(*k);
    SyncControl& sync = *k->GetApp().staff.sync;
    REQUIRE(FramesUntil(*k, [&] { return ShownPending(*k, "cle-en-panne").has_value(); }));
    k->Tap("sync.run");
    REQUIRE(FramesUntil(*k, [&] { return sync.Last(SyncJob::Run).kind != SyncOutcome::Kind::None; }));
    CHECK(sync.Last(SyncJob::Run).kind != SyncOutcome::Kind::Done);
    REQUIRE(FramesUntil(*k, [&] { return !sync.StatusReading() && ShownPending(*k, "partage-test") == 0; }));
    CHECK(ShownPending(*k, "cle-en-panne") == 1);
    CHECK(ShownPending(*k, "base-ville") == 1);
    int errors_shown = 0;
    for (const SyncDestinationStatus& d : sync.Destinations())
        if (d.name == "cle-en-panne" || d.name == "base-ville") errors_shown += !d.last_error.empty();
    CHECK(errors_shown == 2);
    k->Driver().Frames(2);
    k->Shot("staff-sync-error-" + Size(w, h));
    for (const std::string& language : k->GetApp().data.catalogs.Languages()) {
        INFO(Size(w, h) << " in " << language);
        k->GetApp().nav.SetLanguage(language);
        k->Driver().Frames(2);
        test::CheckTouchTargets(k->GetApp());
    }
    k->Shot("staff-sync-error-en-" + Size(w, h));
}
