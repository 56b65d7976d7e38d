#include "speech/espeak_synth.h"

#include <cstdio>
#include <cstdlib>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <mutex>

namespace kiosk {

namespace {

std::mutex g_lock; // espeak-ng's state is global: one synthesis at a time, process-wide
bool g_tried = false;
std::string g_init_error;
int g_rate = 22050;

// espeak-ng's message for `status`, with the file its context names (e.g. the missing
// phontab), captured from its printer rather than its shorter code message.
std::string StatusMessage(espeak_ng_STATUS status, espeak_ng_ERROR_CONTEXT context) {
    char* text = nullptr;
    size_t size = 0;
    std::string message;
    if (FILE* out = open_memstream(&text, &size)) {
        espeak_ng_PrintStatusCodeMessage(status, out, context);
        fclose(out);
        message.assign(text, size);
        free(text);
    }
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    if (message.empty()) {
        char buffer[512] = {};
        espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
        message = buffer;
    }
    return message;
}

// Called with g_lock held.
bool Initialise(const std::filesystem::path& data_dir) {
    if (g_tried) return g_init_error.empty();
    g_tried = true;
    // espeak-ng takes either its data directory itself or the one holding "espeak-ng-data".
    espeak_ng_InitializePath(data_dir.empty() ? nullptr : data_dir.c_str());
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    if (status != ENS_OK) {
        g_init_error = "espeak-ng: " + StatusMessage(status, context);
        espeak_ng_ClearErrorContext(&context);
        return false;
    }
    // Chunks of 50 ms: the first sound reaches the device long before a sentence ends.
    status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 50, nullptr);
    if (status != ENS_OK) {
        g_init_error = "espeak-ng: " + StatusMessage(status, nullptr);
        return false;
    }
    g_rate = espeak_ng_GetSampleRate();
    return true;
}

struct Job {
    const PcmSink* sink;
    bool stopped = false;
};

int OnSamples(short* wav, int count, espeak_EVENT* events) {
    Job* job = static_cast<Job*>(events ? events->user_data : nullptr);
    if (!job) return 0;
    if (wav && count > 0 && !(*job->sink)(wav, (size_t)count)) {
        job->stopped = true;
        return 1; // espeak-ng: abort this synthesis
    }
    return job->stopped ? 1 : 0;
}

} // namespace

bool Synthesize(const std::filesystem::path& data_dir, std::string_view text, const std::string& voice,
                const PcmSink& sink, std::string& error) {
    std::lock_guard lock(g_lock);
    if (!Initialise(data_dir)) {
        error = g_init_error;
        return false;
    }
    espeak_SetSynthCallback(OnSamples);
    espeak_ng_STATUS status = espeak_ng_SetVoiceByName(voice.c_str());
    if (status != ENS_OK) {
        error = "espeak-ng: voice \"" + voice + "\": " + StatusMessage(status, nullptr);
        return false;
    }
    const std::string copy(text); // espeak-ng reads up to a terminating NUL
    Job job{&sink};
    status = espeak_ng_Synthesize(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                  nullptr, &job);
    if (status != ENS_OK && !job.stopped) {
        error = "espeak-ng: " + StatusMessage(status, nullptr);
        return false;
    }
    return true;
}

bool SynthesizeToPcm(const std::filesystem::path& data_dir, std::string_view text, const std::string& voice,
                     Pcm& out, std::string& error) {
    out.samples.clear();
    const bool ok = Synthesize(
        data_dir, text, voice,
        [&](const int16_t* samples, size_t count) {
            out.samples.insert(out.samples.end(), samples, samples + count);
            return true;
        },
        error);
    out.rate = SynthSampleRate();
    return ok;
}

int SynthSampleRate() {
    std::lock_guard lock(g_lock);
    return g_rate;
}

} // namespace kiosk
