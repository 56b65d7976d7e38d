// ImageStore: images decoded off the UI thread, on the GPU while a screen shows them.
//
// Screens ask for an image every frame they draw it, by file:
//   - Picture(file, max_side, use): a photo or thumbnail, scaled to fit max_side px;
//   - Tiled(file): a plan, as a pyramid of tiles (image/image_pyramid.h) of which only the
//     tiles on screen are uploaded, the coarsest level always first.
// The first request starts a decode on the store's worker thread and returns "loading" (the
// screen draws a placeholder); when the decode ends the worker wakes the main loop
// (WakeMainLoop) and the next frames upload the textures, a few milliseconds' worth per
// frame so touches stay responsive. A missing or corrupt file becomes "failed": the screen
// shows a placeholder and the log has one line naming the file — never a crash.
//
// The shell brackets the screens with BeginFrame() (collect decodes, upload) and EndFrame():
// an image nobody asked for during the frame is freed — its textures, its pixels, its
// pending decode — so leaving the plan viewer gives its memory back at once. Small pictures
// are kept in a bounded cache so the gallery reopens instantly.
// GL calls happen on the main thread only.
#pragma once

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "image/image_file.h"
#include "image/image_pyramid.h"
#include "texture.h"

namespace kiosk {

enum class ImageStatus { Loading, Ready, Failed };

struct PictureView {
    ImageStatus status = ImageStatus::Loading;
    uint32_t texture = 0; // GL texture name when Ready
    int width = 0, height = 0;
};

struct ImageStoreLimits {
    int tile_size = 1024;                   // capped by the GPU's maximum texture size
    size_t tile_bytes = 192u << 20;         // GPU memory for plan tiles before the least recently used go
    size_t picture_cache_bytes = 24u << 20; // unused pictures kept for the next visit of a screen
    double upload_seconds_per_frame = 0.008;
};

class TiledImage;

class ImageStore {
public:
    explicit ImageStore(ImageStoreLimits limits = {});
    ~ImageStore();
    ImageStore(const ImageStore&) = delete;
    ImageStore& operator=(const ImageStore&) = delete;

    // The GPU's limit (GL_MAX_TEXTURE_SIZE): tiles and pictures never exceed it.
    void SetMaxTextureSize(int pixels);

    // Frame protocol (see above). EndFrame returns true while uploads are still owed: the
    // caller asks for another frame.
    void BeginFrame();
    bool EndFrame();

    // `use` sets the decoding cap: a plan's thumbnail may be as big as the plan, a survey
    // picture (poll pictures are decoded on the home screen) much less.
    PictureView Picture(const std::filesystem::path& file, int max_side, ImageUse use);
    // Never null; valid until EndFrame() of a frame that did not ask for it.
    TiledImage* Tiled(const std::filesystem::path& file);

    // Decodes queued or running, results not yet collected, or uploads owed (tests and
    // screenshots wait for this to become false).
    bool Busy() const;
    size_t GpuBytes() const;
    size_t CpuBytes() const;
    int TileSize() const;

private:
    friend class TiledImage;
    struct Job;
    struct Entry;
    struct TileKey {
        int level, x, y;
        auto operator<=>(const TileKey&) const = default;
    };
    struct Tile {
        Texture texture;
        uint64_t last_used = 0;
    };

    Entry& Find(const std::string& key, const std::filesystem::path& file, int max_side, ImageUse use,
                bool tiled);
    void Worker();
    void Collect();
    void Upload();
    void EvictTiles();
    void EvictPictures();
    // Textures still to upload (the next frames do it; decodes wake the loop themselves).
    bool UploadsOwed() const;

    ImageStoreLimits limits_;
    int max_texture_size_ = 4096;
    uint64_t frame_ = 1;
    std::map<std::string, std::unique_ptr<Entry>> entries_;

    // Worker thread, started on the first request.
    mutable std::mutex mutex_;
    std::condition_variable wake_worker_;
    std::deque<std::shared_ptr<Job>> queue_;
    std::vector<std::shared_ptr<Job>> finished_;
    int running_ = 0;
    bool stop_ = false;
    std::thread thread_;
};

// A plan image: a pyramid of levels cut into tiles (image/image_pyramid.h).
class TiledImage {
public:
    ImageStatus Status() const;
    int Width() const;
    int Height() const;
    int LevelCount() const;
    int LevelWidth(int level) const;
    int LevelHeight(int level) const;
    int TileSize() const;
    // The tile's GL texture if uploaded, else 0 (and the tile is queued for upload).
    uint32_t Tile(int level, int x, int y);

private:
    friend class ImageStore;
    ImageStore* store_ = nullptr;
    ImageStore::Entry* entry_ = nullptr;
};

} // namespace kiosk
