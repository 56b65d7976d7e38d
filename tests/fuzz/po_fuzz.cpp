// Fuzz target: a translator's PO file (kiosk --import-translation), ParsePo. What it reads,
// written back with WritePo, must read again as the same entries: the escaping and the
// multi-line layout lose nothing.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/log.h"
#include "i18n/po_file.h"

namespace {

bool Same(const kiosk::PoFile& a, const kiosk::PoFile& b) {
    if (a.language != b.language || a.entries.size() != b.entries.size()) return false;
    for (size_t i = 0; i < a.entries.size(); i++) {
        const kiosk::PoEntry &x = a.entries[i], &y = b.entries[i];
        if (x.context != y.context || x.msgid != y.msgid || x.msgstr != y.msgstr || x.fuzzy != y.fuzzy ||
            x.references != y.references || x.comments != y.comments)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    kiosk::SetLogLevel(kiosk::LogLevel::Error);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    kiosk::Diagnostics diags;
    std::optional<kiosk::PoFile> po = kiosk::ParsePo(text, "fuzz.po", diags);
    if (!po) return 0;
    kiosk::Diagnostics again_diags;
    std::optional<kiosk::PoFile> again = kiosk::ParsePo(kiosk::WritePo(*po), "again.po", again_diags);
    if (!again || !Same(*po, *again)) std::abort(); // written, it no longer reads the same
    return 0;
}
