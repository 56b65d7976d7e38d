#include "image_store.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <malloc.h>

#include <fmt/format.h>

#include "base/log.h"
#include "event_wait.h"

namespace kiosk {

// [SECTION] Jobs and entries

// One decode, handed to the worker and back. The worker only reads the inputs and writes
// the results; `cancelled` is the UI thread's way to say "nobody wants it any more".
struct ImageStore::Job {
    std::filesystem::path file;
    bool tiled = false;
    int max_side = 0;
    int tile_size = 1024;
    int max_texture_size = 4096;
    int64_t max_bytes = 0; // decoded bytes (ImageUse's cap)
    std::atomic<bool> cancelled{false};

    std::optional<Raster> picture;
    std::optional<ImagePyramid> pyramid;
    std::string error;
    std::string note; // worth a log line (down-sampled, a big plan's figures)
};

struct ImageStore::Entry {
    std::filesystem::path file;
    bool tiled = false;
    ImageStatus status = ImageStatus::Loading;
    std::shared_ptr<Job> job;
    uint64_t last_used = 0;
    int width = 0, height = 0;

    // Picture
    Raster pending; // decoded, not uploaded yet
    Texture texture;

    // Tiled
    ImagePyramid pyramid;
    std::map<TileKey, Tile> tiles;
    std::vector<TileKey> wanted; // asked for during the last frame, not on the GPU
    TiledImage handle;

    size_t TileBytes() const {
        size_t bytes = 0;
        for (const auto& [key, tile] : tiles)
            bytes += tile.texture.Bytes();
        return bytes;
    }
};

namespace {
double Seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
} // namespace

// [SECTION] Store

ImageStore::ImageStore(ImageStoreLimits limits) : limits_(limits) {}

ImageStore::~ImageStore() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        for (auto& job : queue_)
            job->cancelled = true;
    }
    wake_worker_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void ImageStore::SetMaxTextureSize(int pixels) {
    max_texture_size_ = std::max(64, pixels);
}

int ImageStore::TileSize() const {
    return std::min(limits_.tile_size, max_texture_size_);
}

ImageStore::Entry& ImageStore::Find(const std::string& key, const std::filesystem::path& file, int max_side,
                                    ImageUse use, bool tiled) {
    std::unique_ptr<Entry>& slot = entries_[key];
    if (!slot) {
        slot = std::make_unique<Entry>();
        slot->file = file;
        slot->tiled = tiled;
        slot->handle.store_ = this;
        slot->handle.entry_ = slot.get();
        auto job = std::make_shared<Job>();
        job->file = file;
        job->tiled = tiled;
        job->max_side = max_side;
        job->tile_size = TileSize();
        job->max_texture_size = max_texture_size_;
        job->max_bytes = MaxDecodedBytes(use); // larger files are refused from their header
        slot->job = job;
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(job);
            if (!thread_.joinable()) thread_ = std::thread([this] { Worker(); });
        }
        wake_worker_.notify_one();
    }
    slot->last_used = frame_;
    return *slot;
}

PictureView ImageStore::Picture(const std::filesystem::path& file, int max_side, ImageUse use) {
    // The job caps the size at the GPU's limit (and says so in the log when that matters).
    max_side = std::max(max_side, 16);
    Entry& entry =
        Find(fmt::format("{}#{}#{}", file.string(), max_side, ImageUseName(use)), file, max_side, use, false);
    PictureView view;
    view.status = entry.status;
    if (entry.status == ImageStatus::Ready && !entry.texture.Valid()) view.status = ImageStatus::Loading;
    view.texture = entry.texture.Id();
    view.width = entry.width;
    view.height = entry.height;
    return view;
}

TiledImage* ImageStore::Tiled(const std::filesystem::path& file) {
    return &Find(file.string() + "#tiled", file, 0, ImageUse::Plan, true).handle;
}

// [SECTION] Worker thread

void ImageStore::Worker() {
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock lock(mutex_);
            wake_worker_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            job = queue_.front();
            queue_.pop_front();
            if (job->cancelled) continue;
            running_++;
        }
        const double start = Seconds();
        std::optional<Raster> raster = DecodeImageFile(job->file, job->max_bytes, job->error);
        if (raster && !job->cancelled) {
            const int width = raster->Width(), height = raster->Height();
            if (job->tiled) {
                job->pyramid = BuildPyramid(std::move(*raster), job->tile_size);
                job->note =
                    fmt::format("plan image {}: {}×{} px, {} levels of {} px tiles, ready in {:.2f} s",
                                job->file.string(), width, height, job->pyramid->LevelCount(), job->tile_size,
                                Seconds() - start);
            } else {
                const int side = std::min(job->max_side, job->max_texture_size);
                if (std::max(width, height) > job->max_texture_size && job->max_side > job->max_texture_size)
                    job->note =
                        fmt::format("image {}: {}×{} px is larger than the GPU's maximum texture size "
                                    "({} px); down-sampled to fit",
                                    job->file.string(), width, height, job->max_texture_size);
                if (std::max(width, height) <= side)
                    job->picture = std::move(raster);
                else
                    job->picture = ScaleToFit(*raster, side);
            }
        }
        {
            std::lock_guard lock(mutex_);
            running_--;
            finished_.push_back(std::move(job));
        }
        WakeMainLoop();
    }
}

// [SECTION] Frame protocol

void ImageStore::Collect() {
    std::vector<std::shared_ptr<Job>> done;
    {
        std::lock_guard lock(mutex_);
        done.swap(finished_);
    }
    for (const std::shared_ptr<Job>& job : done) {
        auto it = std::find_if(entries_.begin(), entries_.end(),
                               [&](const auto& e) { return e.second->job == job; });
        if (it == entries_.end()) continue; // nobody wants it any more
        Entry& entry = *it->second;
        entry.job.reset();
        if (job->picture || job->pyramid) {
            entry.status = ImageStatus::Ready;
            if (!job->note.empty()) LogLineOnce(LogLevel::Info, job->note, job->note);
            if (job->picture) {
                entry.width = job->picture->Width();
                entry.height = job->picture->Height();
                entry.pending = std::move(*job->picture);
            } else {
                entry.pyramid = std::move(*job->pyramid);
                entry.width = entry.pyramid.Width();
                entry.height = entry.pyramid.Height();
            }
        } else {
            entry.status = ImageStatus::Failed;
            const std::string text =
                fmt::format("image {}: {}; a placeholder is shown instead", entry.file.string(), job->error);
            LogLineOnce(LogLevel::Warning, "image:" + entry.file.string(), text);
        }
    }
}

void ImageStore::Upload() {
    const double deadline = Seconds() + limits_.upload_seconds_per_frame;
    bool uploaded_one = false;
    for (auto& [key, slot] : entries_) {
        Entry& entry = *slot;
        if (!entry.pending.Empty()) {
            entry.texture =
                Texture::Upload(entry.pending, 0, 0, entry.pending.Width(), entry.pending.Height());
            if (!entry.texture.Valid()) {
                entry.status = ImageStatus::Failed;
                LogLineOnce(
                    LogLevel::Warning, "texture:" + entry.file.string(),
                    fmt::format("image {}: the GPU refused the texture; a placeholder is shown instead",
                                entry.file.string()));
            }
            entry.pending = Raster();
            uploaded_one = true;
        }
    }
    // Plan tiles: the coarsest level first (it stands in for the rest), then what the last
    // frame asked for, while the frame's time budget lasts (at least one tile per frame).
    for (auto& [key, slot] : entries_) {
        Entry& entry = *slot;
        if (!entry.tiled || entry.status != ImageStatus::Ready) continue;
        // The coarsest level is owed until it is up, whoever asked (nothing draws without it).
        const TileKey coarsest{entry.pyramid.LevelCount() - 1, 0, 0};
        if (!entry.tiles.count(coarsest) &&
            std::find(entry.wanted.begin(), entry.wanted.end(), coarsest) == entry.wanted.end())
            entry.wanted.push_back(coarsest);
        std::stable_sort(entry.wanted.begin(), entry.wanted.end(),
                         [](const TileKey& a, const TileKey& b) { return a.level > b.level; });
        size_t done = 0;
        for (; done < entry.wanted.size(); done++) {
            if (uploaded_one && Seconds() > deadline) break;
            const TileKey& k = entry.wanted[done];
            if (entry.tiles.count(k)) continue;
            const Raster& level = entry.pyramid.levels[k.level];
            const int t = entry.pyramid.tile_size;
            const int x = k.x * t, y = k.y * t;
            Texture texture =
                Texture::Upload(level, x, y, std::min(t, level.Width() - x), std::min(t, level.Height() - y));
            uploaded_one = true;
            if (!texture.Valid()) {
                entry.status = ImageStatus::Failed;
                LogLineOnce(
                    LogLevel::Warning, "texture:" + entry.file.string(),
                    fmt::format("plan image {}: the GPU refused a tile; a placeholder is shown instead",
                                entry.file.string()));
                break;
            }
            entry.tiles[k] = {std::move(texture), frame_};
        }
        entry.wanted.erase(entry.wanted.begin(),
                           entry.wanted.begin() + (long)std::min(done, entry.wanted.size()));
    }
}

void ImageStore::BeginFrame() {
    Collect();
    Upload();
    // What is still missing is asked for again by this frame's drawing.
    for (auto& [key, slot] : entries_)
        slot->wanted.clear();
}

void ImageStore::EvictTiles() {
    size_t total = 0;
    std::vector<std::pair<uint64_t, std::pair<Entry*, TileKey>>> candidates;
    for (auto& [key, slot] : entries_) {
        for (auto& [tile_key, tile] : slot->tiles) {
            total += tile.texture.Bytes();
            const bool coarsest = tile_key.level == slot->pyramid.LevelCount() - 1;
            if (tile.last_used + 1 < frame_ && !coarsest)
                candidates.push_back({tile.last_used, {slot.get(), tile_key}});
        }
    }
    if (total <= limits_.tile_bytes) return;
    std::sort(candidates.begin(), candidates.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [last_used, where] : candidates) {
        if (total <= limits_.tile_bytes) break;
        auto it = where.first->tiles.find(where.second);
        total -= it->second.texture.Bytes();
        where.first->tiles.erase(it);
    }
}

void ImageStore::EvictPictures() {
    // Unused pictures stay (most recently used first) while they fit in the cache.
    std::vector<std::pair<uint64_t, std::string>> unused;
    for (auto& [key, slot] : entries_)
        if (!slot->tiled && slot->last_used != frame_) unused.push_back({slot->last_used, key});
    std::sort(unused.begin(), unused.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    size_t kept = 0;
    for (const auto& [last_used, key] : unused) {
        Entry& entry = *entries_[key];
        const size_t bytes = entry.texture.Bytes() + entry.pending.Bytes();
        if (entry.status == ImageStatus::Ready && kept + bytes <= limits_.picture_cache_bytes) {
            kept += bytes;
            continue;
        }
        if (entry.job) entry.job->cancelled = true;
        entries_.erase(key);
    }
}

bool ImageStore::EndFrame() {
    bool freed_plan = false;
    for (auto it = entries_.begin(); it != entries_.end();) {
        Entry& entry = *it->second;
        if (entry.tiled && entry.last_used != frame_) {
            if (entry.job) entry.job->cancelled = true;
            freed_plan = freed_plan || !entry.pyramid.levels.empty();
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
    // A plan's pyramid is hundreds of MB in chunks glibc keeps for reuse (the decoder's
    // thread arena above all): give them back to the system now that the viewer is closed.
    if (freed_plan) malloc_trim(0);
    EvictPictures();
    EvictTiles();
    frame_++;
    return UploadsOwed();
}

bool ImageStore::Busy() const {
    {
        std::lock_guard lock(mutex_);
        for (const auto& job : queue_)
            if (!job->cancelled) return true;
        if (running_ > 0 || !finished_.empty()) return true;
    }
    return UploadsOwed();
}

bool ImageStore::UploadsOwed() const {
    for (const auto& [key, slot] : entries_) {
        if (!slot->wanted.empty() || !slot->pending.Empty()) return true;
        if (slot->tiled && slot->status == ImageStatus::Ready &&
            !slot->tiles.count({slot->pyramid.LevelCount() - 1, 0, 0}))
            return true;
    }
    return false;
}

size_t ImageStore::GpuBytes() const {
    size_t bytes = 0;
    for (const auto& [key, slot] : entries_)
        bytes += slot->texture.Bytes() + slot->TileBytes();
    return bytes;
}

size_t ImageStore::CpuBytes() const {
    size_t bytes = 0;
    for (const auto& [key, slot] : entries_)
        bytes += slot->pending.Bytes() + slot->pyramid.Bytes();
    return bytes;
}

// [SECTION] Tiled image

ImageStatus TiledImage::Status() const {
    if (entry_->status != ImageStatus::Ready) return entry_->status;
    // Ready for drawing once the coarsest level is on the GPU.
    const int coarsest = entry_->pyramid.LevelCount() - 1;
    return entry_->tiles.count({coarsest, 0, 0}) ? ImageStatus::Ready : ImageStatus::Loading;
}
int TiledImage::Width() const {
    return entry_->pyramid.Width();
}
int TiledImage::Height() const {
    return entry_->pyramid.Height();
}
int TiledImage::LevelCount() const {
    return entry_->pyramid.LevelCount();
}
int TiledImage::LevelWidth(int level) const {
    return entry_->pyramid.levels[level].Width();
}
int TiledImage::LevelHeight(int level) const {
    return entry_->pyramid.levels[level].Height();
}
int TiledImage::TileSize() const {
    return entry_->pyramid.tile_size;
}

uint32_t TiledImage::Tile(int level, int x, int y) {
    if (entry_->status != ImageStatus::Ready) return 0;
    auto it = entry_->tiles.find({level, x, y});
    if (it != entry_->tiles.end()) {
        it->second.last_used = store_->frame_;
        return it->second.texture.Id();
    }
    const ImageStore::TileKey key{level, x, y};
    if (std::find(entry_->wanted.begin(), entry_->wanted.end(), key) == entry_->wanted.end())
        entry_->wanted.push_back(key);
    return 0;
}

} // namespace kiosk
