// DirDestination: batches as files on a share or a USB key (see destination.h).
#include <cerrno>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "export/durable_file.h"
#include "sync/destination.h"
#include "sync/mount_check.h"
#include "sync/sync_run.h"

namespace kiosk {

namespace {

std::string ReadWholeFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

class DirDestination final : public Destination {
public:
    DirDestination(const DestinationConfig& config, const std::vector<Survey>& surveys)
        : dir_(config.dir), mount_point_(config.mount_point), surveys_(surveys) {}

    DeliveryResult Deliver(const Batch& batch) override {
        namespace fs = std::filesystem;
        std::error_code ec;
        // Checked before each batch: a share unmounted part-way through a run stops the run.
        if (!mount_point_.empty())
            if (std::optional<std::string> why = NotMounted(mount_point_)) return Transient(*why);
        if (!fs::is_directory(dir_, ec)) {
            // A missing mount point must not be "fixed" by writing onto the kiosk's own disk:
            // only the last level is created, when its parent exists.
            if (!fs::is_directory(dir_.parent_path(), ec))
                return Transient(
                    fmt::format("{} does not exist (is the share or USB key mounted?)", dir_.string()));
            std::error_code exists_error; // keeps create_directory's reason in `ec`
            if (!fs::create_directory(dir_, ec) && !fs::is_directory(dir_, exists_error))
                return Transient(fmt::format("cannot create {}: {}", dir_.string(), ec.message()));
        }
        if (std::optional<std::string> why = OffTheMount()) return Transient(*why);
        RemoveStaleStaging(batch.identity.kiosk_id);

        const std::string id = batch.identity.batch_id;
        const fs::path staging = dir_ / (".partial-" + id);
        const fs::path final_dir = dir_ / id;
        fs::remove_all(staging, ec);
        if (!fs::create_directory(staging, ec))
            return Transient(fmt::format("cannot create {}: {}", staging.string(), ec.message()));

        std::string error;
        ExtraQuestions extra = ExtraFor(batch);
        ExportWriter writer(staging, batch.options, surveys_, std::move(extra), batch.context);
        bool ok = writer.Begin(error);
        for (size_t i = 0; ok && i < batch.responses.size(); i++)
            ok = writer.Add(batch.responses[i], error);
        ok = ok && writer.Finish(batch.identity, error);
        if (!ok) {
            fs::remove_all(staging, ec);
            return Transient(error); // disk full, share gone: the next run writes it again
        }

        if (fs::exists(final_dir, ec)) {
            fs::remove_all(staging, ec);
            // Written by an earlier run that died before recording it: the same batch id
            // must hold the same content, byte for byte.
            if (ReadWholeFile(final_dir / ExportWriter::kManifestName) == writer.ManifestText())
                return {DeliveryOutcome::Delivered, fmt::format("already in {}", final_dir.string())};
            return {DeliveryOutcome::Permanent,
                    fmt::format("{} already holds a different batch with the same id; it is left untouched "
                                "(move it away to deliver again)",
                                final_dir.string())};
        }
        // Unmounted while the batch was written: its files went with the share (or nowhere);
        // the rename must not find a directory of the kiosk's own disk in its place.
        if (std::optional<std::string> why = OffTheMount()) {
            fs::remove_all(staging, ec);
            return Transient(*why);
        }
        if (!RenameDurably(staging, final_dir, error)) {
            fs::remove_all(staging, ec);
            return Transient(error);
        }
        return {DeliveryOutcome::Delivered, fmt::format("written to {}", final_dir.string())};
    }

private:
    static DeliveryResult Transient(std::string detail) {
        return {DeliveryOutcome::Transient, std::move(detail)};
    }

    std::optional<std::string> OffTheMount() const {
        if (mount_point_.empty()) return std::nullopt;
        return NotOnMount(dir_, mount_point_);
    }

    // Staging directories left by a run of this kiosk that was killed: never visible as
    // batches, removed. Only this kiosk's: other kiosks deliver to the same share, and a
    // staging directory of theirs may be a batch they are writing right now.
    void RemoveStaleStaging(const std::string& kiosk_id) {
        std::error_code ec;
        constexpr std::string_view kPrefix = ".partial-";
        // increment(ec): a range-for's ++ throws when reading the directory fails.
        std::error_code remove_error;
        for (std::filesystem::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.rfind(kPrefix, 0) == 0 &&
                IsBatchIdOf(kiosk_id, std::string_view(name).substr(kPrefix.size())))
                std::filesystem::remove_all(it->path(), remove_error);
        }
    }

    // Question ids of older survey versions in this batch (wide CSV columns), from the
    // batch itself: the responses are in memory already.
    ExtraQuestions ExtraFor(const Batch& batch) const {
        ExtraQuestions extra;
        for (const Response& r : batch.responses) {
            const Survey* survey = nullptr;
            for (const Survey& s : surveys_)
                if (s.id == r.survey_id) survey = &s;
            if (survey && survey->version == r.survey_version) continue;
            std::vector<std::string>& list = extra[r.survey_id];
            for (const Answer& a : r.answers)
                if (std::find(list.begin(), list.end(), a.question_id) == list.end())
                    list.push_back(a.question_id);
        }
        return extra;
    }

    std::filesystem::path dir_;
    std::filesystem::path mount_point_; // "" = not checked
    const std::vector<Survey>& surveys_;
};

} // namespace

std::unique_ptr<Destination> MakeDirDestination(const DestinationConfig& config,
                                                const std::vector<Survey>& surveys) {
    return std::make_unique<DirDestination>(config, surveys);
}

} // namespace kiosk
