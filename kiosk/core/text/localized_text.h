// LocalizedText: one piece of content text in every configured language.
//
// Content files (plans, timeline, surveys) give text per language:
//     title = { fr = "Le futur square", en = "The future square" }
// The visitor's language is looked up first; if that translation is missing, the language it
// is a variant of (easy-to-read French falls back to French), then the default language's
// text is shown instead, never an empty string and never a key.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "text/languages.h"

namespace kiosk {

class LocalizedText {
public:
    LocalizedText() = default;
    explicit LocalizedText(std::map<std::string, std::string, std::less<>> by_language)
        : by_language_(std::move(by_language)) {}

    void Set(std::string language, std::string text) { by_language_[std::move(language)] = std::move(text); }
    bool Has(std::string_view language) const { return by_language_.find(language) != by_language_.end(); }
    bool Empty() const { return by_language_.empty(); }

    // Text in `language`, else in `fallback_language`, else any text at all, else "".
    const std::string& Get(std::string_view language, std::string_view fallback_language) const;
    // Text in `language`, else in the language it is a variant of, else in the default
    // language, else any text at all, else "".
    const std::string& Get(const Languages& languages, std::string_view language) const;

    const std::map<std::string, std::string, std::less<>>& All() const { return by_language_; }

private:
    std::map<std::string, std::string, std::less<>> by_language_;
};

} // namespace kiosk
