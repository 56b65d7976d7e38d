#include "i18n/translation_export.h"

#include <fmt/format.h>

#include "base/durable_write.h"

namespace kiosk {

namespace {

// Catalogue keys that hold a setting of the language rather than a text: exported (a new
// language needs them too) with a word to the translator.
std::string_view SettingNote(std::string_view key) {
    if (key == "language.voice")
        return "A setting, not a text: the espeak-ng voice that reads this language aloud "
               "(\"espeak-ng --voices\" lists them).";
    if (key == "keyboard.text_layout" || key == "keyboard.number_layout")
        return "A setting, not a text: the name of an on-screen keyboard in assets/keyboards/.";
    if (key == "keyboard.decimal_separator")
        return "A setting, not a text: the decimal separator, such as \".\".";
    return {};
}

} // namespace

PoFile TranslationPo(const TranslatableTexts& texts) {
    PoFile po;
    po.language = texts.language;
    po.notes = {
        fmt::format("Texts of the Maison du projet kiosk: {} source, {} translation.", texts.reference,
                    texts.language),
        "Written by kiosk --export-translation; read back by kiosk --import-translation (README "
        "\"Translating the "
        "kiosk\").",
        "msgctxt is where the text appears: a catalogue key, or file kind:id/entry:id/key in the content.",
        "Untranslated and fuzzy entries are not imported: the kiosk shows the text of the fallback language.",
    };
    if (texts.variant)
        po.notes.push_back(
            fmt::format("{} is a variant: its contexts end with |{}, and a text it leaves empty shows "
                        "the text it is a variant of.",
                        texts.language, texts.language));
    for (const TranslatableText& text : texts.texts) {
        PoEntry entry;
        entry.context = text.context;
        entry.msgid = text.source;
        entry.msgstr = text.translation.value_or("");
        std::string reference =
            text.file.lexically_normal().lexically_relative(texts.reference_base).generic_string();
        if (reference.empty()) reference = text.file.generic_string();
        // A space would split the reference in two for gettext tools.
        for (char& c : reference)
            if (c == ' ') c = '_';
        entry.references.push_back(fmt::format("{}:{}", reference, text.line));
        entry.comments.push_back(fmt::format("{}: {}", text.catalogue ? "key" : "TOML key", text.key));
        if (text.catalogue)
            if (std::string_view note = SettingNote(text.key); !note.empty())
                entry.comments.emplace_back(note);
        po.entries.push_back(std::move(entry));
    }
    return po;
}

std::optional<ExportSummary> ExportTranslation(const std::filesystem::path& config_file,
                                               const std::string& language, const std::filesystem::path& out,
                                               Diagnostics& diags) {
    if (!IsLanguageCode(language)) {
        diags.Error(
            {"--export-translation"},
            fmt::format("\"{}\" is not a language code such as \"en\", \"ar\" or \"fr-x-falc\"", language));
        return std::nullopt;
    }
    std::optional<KioskConfig> config = LoadKioskConfig(config_file, diags);
    if (!config) return std::nullopt;
    if (language == config->DefaultLanguage()) {
        diags.Error({config_file.string()},
                    fmt::format("\"{}\" is the kiosk's default language, the source of every text: export "
                                "another language",
                                language));
        return std::nullopt;
    }
    std::optional<TranslatableTexts> texts = CollectTranslatableTexts(*config, language, diags);
    if (!texts) return std::nullopt;
    std::string error;
    if (!ReplaceFileDurably(out, WritePo(TranslationPo(*texts)), 0644, error)) {
        diags.Error({out.string()}, fmt::format("cannot write the PO file: {}", error));
        return std::nullopt;
    }
    ExportSummary summary;
    for (const TranslatableText& text : texts->texts) {
        summary.texts++;
        summary.translated += text.translation && !text.translation->empty();
    }
    return summary;
}

} // namespace kiosk
