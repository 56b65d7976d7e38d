// On-screen keyboard: the shipped layouts, the typing model (shift, layers, long-press
// variants, length limit, backspace by code point, keypad rules) and broken layout files.
#include <fstream>

#include <catch2/catch.hpp>

#include "i18n/catalog.h"
#include "keyboard/keyboard_model.h"
#include "test_paths.h"
#include "text/letter_case.h"
#include "text/utf8.h"

using namespace kiosk;

namespace {

void Write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

const KeyboardLayouts& Shipped() {
    static const KeyboardLayouts layouts = [] {
        KeyboardLayouts l;
        Diagnostics diags;
        bool ok = l.Load(test::SourceDir() / "assets" / "keyboards", diags);
        INFO(diags.FormatAll());
        REQUIRE(ok);
        REQUIRE(diags.Empty());
        return l;
    }();
    return layouts;
}

const KeyboardLayout& Layout(std::string_view id) {
    const KeyboardLayout* layout = Shipped().Find(id);
    REQUIRE(layout);
    return *layout;
}

// The key of the current layer that a tap would type `output` with, or does `action`.
const Key* FindKey(const KeyboardModel& model, std::string_view output) {
    for (const auto& row : model.CurrentLayer().rows)
        for (const Key& key : row)
            if (key.action == KeyAction::Type && model.Output(key) == output) return &key;
    return nullptr;
}
const Key* FindAction(const KeyboardModel& model, KeyAction action, std::string_view label = "") {
    for (const auto& row : model.CurrentLayer().rows)
        for (const Key& key : row)
            if (key.action == action && (label.empty() || key.label == label)) return &key;
    return nullptr;
}

void Tap(KeyboardModel& model, const Key* key) {
    REQUIRE(key);
    model.Press(*key);
}

// Types `text` the way a visitor would: on the letters layer when the character is there
// (with shift for a capital), else on the symbols layer, else by a long press.
void TypeLikeAVisitor(KeyboardModel& model, std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const std::string c = EncodeUtf8(DecodeUtf8(text, pos));
        INFO("typing \"" << c << "\" after \"" << model.Text() << "\"");
        if (c == " ") {
            Tap(model, FindAction(model, KeyAction::Space));
            continue;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            if (const Key* key = FindKey(model, c)) {
                model.Press(*key);
                break;
            }
            // A capital: shift once, then the key.
            const Key* shift = FindAction(model, KeyAction::Shift);
            if (shift && model.Shift() == ShiftState::Off && ToUpperLetters(c) == c) {
                model.Press(*shift);
                if (const Key* key = FindKey(model, c)) {
                    model.Press(*key);
                    break;
                }
                model.Press(*shift); // Locked
                model.Press(*shift); // Off
            }
            // Another layer.
            const Key* layer = FindAction(model, KeyAction::Layer);
            REQUIRE(layer);
            model.Press(*layer);
        }
    }
}

} // namespace

// [SECTION] Shipped layouts

TEST_CASE("the shipped layouts load, and each language's catalogue names its keyboards") {
    CHECK(Shipped().Find("azerty-fr"));
    CHECK(Shipped().Find("qwerty-en"));
    CHECK(Shipped().Find("keypad"));
    Catalogs catalogs;
    Diagnostics diags;
    REQUIRE(catalogs.Load(test::SourceDir() / "assets" / "i18n", {"fr", "en"}, diags));
    CHECK(CheckKeyboardChoices(catalogs, Shipped(), test::SourceDir() / "assets" / "i18n", diags));
    INFO(diags.FormatAll());
    CHECK_FALSE(diags.HasErrors());
    CHECK(catalogs.Text("fr", kTextLayoutKey) == "azerty-fr");
    CHECK(catalogs.Text("en", kTextLayoutKey) == "qwerty-en");
    CHECK(catalogs.Text("fr", kDecimalSeparatorKey) == ",");
}

TEST_CASE("every French accent and typographic sign is one tap away on AZERTY, and by long press") {
    KeyboardModel model(Layout("azerty-fr"), {});
    for (const char* c : {"é", "è", "ê", "ë", "à", "â", "ç", "ù", "û", "ô", "î", "ï", "œ", "’", "«", "»"}) {
        INFO(c);
        CHECK(FindKey(model, c));
    }
    // The same accents on a long press of their letter, as on a phone.
    for (auto [letter, accents] :
         {std::pair{"e", "éèêë"}, {"a", "àâ"}, {"c", "ç"}, {"u", "ùû"}, {"o", "ôœ"}, {"i", "îï"}}) {
        const Key* key = FindKey(model, letter);
        REQUIRE(key);
        REQUIRE(model.OpenVariants(*key));
        std::vector<std::string> choices = model.VariantChoices();
        for (char32_t accent : DecodeUtf8(accents)) {
            INFO(letter << " → " << EncodeUtf8(accent));
            CHECK(std::find(choices.begin(), choices.end(), EncodeUtf8(accent)) != choices.end());
        }
        model.CloseVariants();
    }
}

TEST_CASE("the symbols layer has digits and the euro sign, and leads back to the letters") {
    for (const char* id : {"azerty-fr", "qwerty-en"}) {
        INFO(id);
        KeyboardModel model(Layout(id), {});
        CHECK(model.CurrentLayer().id == "letters");
        Tap(model, FindAction(model, KeyAction::Layer, "?123"));
        CHECK(model.CurrentLayer().id == "symbols");
        for (const char* c : {"0", "5", "9", "€", "@", "!", "?"}) {
            INFO(c);
            CHECK(FindKey(model, c));
        }
        CHECK(FindAction(model, KeyAction::Space));
        CHECK(FindAction(model, KeyAction::Backspace));
        Tap(model, FindAction(model, KeyAction::Layer, "ABC"));
        CHECK(model.CurrentLayer().id == "letters");
        CHECK(model.Text().empty()); // switching layers types nothing
    }
}

TEST_CASE("a layer keeps one size: every layer fits the widest row and the most rows") {
    for (const char* id : {"azerty-fr", "qwerty-en", "keypad"}) {
        const KeyboardLayout& layout = Layout(id);
        INFO(id);
        CHECK(layout.MaxRows() >= 4);
        CHECK(layout.MaxRowUnits() >= 4);
    }
    CHECK(Layout("azerty-fr").MaxRowUnits() == Approx(11.0f));
}

// [SECTION] Typing

TEST_CASE("typing the reference sentence key by key gives exactly that text") {
    KeyboardModel model(Layout("azerty-fr"), {});
    // The space key types U+0020, also before "!": the visitor's text is kept as typed.
    const std::string sentence = "Ça coûte 5 € l’été !";
    TypeLikeAVisitor(model, sentence);
    CHECK(model.Text() == sentence);
    CHECK(model.Text().find("\u202F") == std::string::npos);
    CHECK(model.Length() == 20);

    KeyboardModel english(Layout("qwerty-en"), {});
    TypeLikeAVisitor(english, "It costs 5 € in summer!");
    CHECK(english.Text() == "It costs 5 € in summer!");
}

TEST_CASE("shift: one tap for one capital, a second tap locks, a third releases") {
    KeyboardModel model(Layout("azerty-fr"), {});
    const Key* shift = FindAction(model, KeyAction::Shift);
    REQUIRE(shift);
    model.Press(*shift);
    CHECK(model.Shift() == ShiftState::Once);
    CHECK(model.Label(*FindKey(model, "A")) == "A");
    Tap(model, FindKey(model, "É"));
    CHECK(model.Shift() == ShiftState::Off);
    Tap(model, FindKey(model, "t"));
    model.Press(*shift);
    model.Press(*shift);
    CHECK(model.Shift() == ShiftState::Locked);
    Tap(model, FindKey(model, "É"));
    Tap(model, FindKey(model, "T"));
    Tap(model, FindKey(model, "Œ"));
    CHECK(model.Shift() == ShiftState::Locked);
    model.Press(*shift);
    CHECK(model.Shift() == ShiftState::Off);
    Tap(model, FindKey(model, "a"));
    CHECK(model.Text() == "ÉtÉTŒa");
    // Punctuation has no capital: shift types it unchanged.
    model.Press(*shift);
    Tap(model, FindKey(model, "’"));
    CHECK(model.Text() == "ÉtÉTŒa’");
}

TEST_CASE("long press: the key's own character first, then its variants, lifting off types nothing") {
    KeyboardModel model(Layout("azerty-fr"), {});
    const Key* e = FindKey(model, "e");
    REQUIRE(e);
    REQUIRE(model.OpenVariants(*e));
    CHECK(model.VariantsOpen());
    CHECK(model.VariantChoices() == std::vector<std::string>{"e", "é", "è", "ê", "ë"});
    CHECK(model.HighlightedVariant() == 0);
    // Lifting at once types the key itself: a slow tap still types.
    CHECK(model.CommitVariant());
    CHECK(model.Text() == "e");
    CHECK_FALSE(model.VariantsOpen());

    REQUIRE(model.OpenVariants(*e));
    model.HighlightVariant(2);
    CHECK(model.CommitVariant());
    CHECK(model.Text() == "eè");

    REQUIRE(model.OpenVariants(*e));
    model.HighlightVariant(-1); // the finger slid off the popup
    CHECK_FALSE(model.CommitVariant());
    CHECK(model.Text() == "eè");
    REQUIRE(model.OpenVariants(*e));
    model.HighlightVariant(99); // beyond the choices: none
    CHECK(model.HighlightedVariant() == -1);
    model.CloseVariants();

    // With shift, the variants are capitals and shift is used up.
    model.Press(*FindAction(model, KeyAction::Shift));
    REQUIRE(model.OpenVariants(*FindKey(model, "O")));
    CHECK(model.VariantChoices() == std::vector<std::string>{"O", "Ô", "Œ", "Ö"});
    model.HighlightVariant(2);
    CHECK(model.CommitVariant());
    CHECK(model.Text() == "eèŒ");
    CHECK(model.Shift() == ShiftState::Off);

    // Keys without variants open nothing.
    CHECK_FALSE(model.OpenVariants(*FindKey(model, "z")));
    CHECK_FALSE(model.OpenVariants(*FindAction(model, KeyAction::Space)));
}

TEST_CASE("the maximum length is counted in characters, never exceeded, and shown as disabled keys") {
    KeyboardModel model(Layout("azerty-fr"), {.max_length = 4});
    TypeLikeAVisitor(model, "été");
    CHECK(model.Length() == 3);
    CHECK(model.Text().size() == 5); // bytes: é is two
    CHECK_FALSE(model.Full());
    Tap(model, FindKey(model, "!"));
    CHECK(model.Full());
    const Key* a = FindKey(model, "a");
    CHECK_FALSE(model.Enabled(*a));
    CHECK_FALSE(model.Press(*a));
    CHECK_FALSE(model.Enabled(*FindAction(model, KeyAction::Space)));
    CHECK_FALSE(model.OpenVariants(*FindKey(model, "e")));
    CHECK(model.Text() == "été!");
    // Text given from outside (an earlier answer) is clamped on a character boundary.
    model.SetText("€€€€€€");
    CHECK(model.Text() == "€€€€");
    CHECK(IsCleanText(model.Text()));
}

TEST_CASE("backspace removes one character, however many bytes it takes") {
    KeyboardModel model(Layout("azerty-fr"), {});
    model.SetText("a€é’");
    const Key* backspace = FindAction(model, KeyAction::Backspace);
    REQUIRE(backspace);
    CHECK(model.Press(*backspace));
    CHECK(model.Text() == "a€é");
    model.Press(*backspace);
    CHECK(model.Text() == "a€");
    model.Press(*backspace);
    CHECK(model.Text() == "a");
    model.Press(*backspace);
    CHECK(model.Text().empty());
    CHECK_FALSE(model.Enabled(*backspace));
    CHECK_FALSE(model.Press(*backspace));
}

// [SECTION] Keypad

TEST_CASE("keypad: one decimal separator in the visitor's convention, a sign that toggles") {
    KeyboardModel model(Layout("keypad"), {.max_length = 8, .decimal_separator = ","});
    const Key* decimal = FindAction(model, KeyAction::Decimal);
    const Key* sign = FindAction(model, KeyAction::Sign);
    REQUIRE(decimal);
    REQUIRE(sign);
    CHECK(model.Label(*decimal) == ",");
    model.Press(*decimal);
    CHECK(model.Text() == "0,");
    CHECK_FALSE(model.Enabled(*decimal)); // only one
    Tap(model, FindKey(model, "5"));
    model.Press(*sign);
    CHECK(model.Text() == "-0,5");
    CHECK(ParseTypedNumber(model.Text()) == Approx(-0.5));
    model.Press(*sign);
    CHECK(model.Text() == "0,5");

    KeyboardModel whole(Layout("keypad"),
                        {.decimal_separator = ".", .allow_decimal = false, .allow_negative = false});
    CHECK_FALSE(whole.Enabled(*FindAction(whole, KeyAction::Decimal)));
    CHECK_FALSE(whole.Enabled(*FindAction(whole, KeyAction::Sign)));
    CHECK_FALSE(whole.Press(*FindAction(whole, KeyAction::Sign)));
    TypeLikeAVisitor(whole, "42");
    CHECK(whole.Text() == "42");
}

TEST_CASE("typed numbers: either separator, nothing for incomplete text") {
    CHECK(ParseTypedNumber("12") == Approx(12));
    CHECK(ParseTypedNumber("-3,25") == Approx(-3.25));
    CHECK(ParseTypedNumber("0.5") == Approx(0.5));
    for (const char* bad : {"", "-", "1,", "1,2,3", "1e5", "12a", "--1", " 1"}) {
        INFO(bad);
        CHECK_FALSE(ParseTypedNumber(bad));
    }
    CHECK(FormatTypedNumber(3.5, ",") == "3,5");
    CHECK(FormatTypedNumber(12, ",") == "12");
    CHECK(FormatTypedNumber(-0.25, ".") == "-0.25");
    CHECK(FormatTypedNumber(-0.0, ",") == "0");
}

TEST_CASE("letter case comes from the C library's Unicode tables, for every script with case") {
    CHECK(ToUpperLetters("ça coûte l’été œ ÿ ß 5 €") == "ÇA COÛTE L’ÉTÉ Œ Ÿ ß 5 €");
    CHECK(ToUpperLetter(U'ł') == U'Ł');
    CHECK(ToUpperLetter(U'ž') == U'Ž');
    CHECK(ToUpperLetter(U'ı') == U'I');
    CHECK(ToUpperLetter(U'÷') == U'÷');
    CHECK(ToUpperLetter(U'Œ') == U'Œ');
    // Beyond Latin Extended-A, where a hand-written table stopped.
    CHECK(ToUpperLetters("ελληνικά") == "ΕΛΛΗΝΙΚΆ");
    CHECK(ToUpperLetters("привет") == "ПРИВЕТ");
    CHECK(ToUpperLetter(U'ș') == U'Ș'); // Romanian, Latin Extended-B
    CHECK(ToUpperLetter(U'ẞ') == U'ẞ');
    CHECK(ToUpperLetters("مرحبا 12") == "مرحبا 12"); // Arabic has no case
}

// [SECTION] Broken layouts

namespace {
struct BrokenCase {
    const char* name;
    const char* text;
    int line;
    const char* message; // part of the expected error
};
} // namespace

TEST_CASE("broken layout files are refused with file:line:column, the others still load") {
    const BrokenCase cases[] = {
        {"unknown_action",
         "name = \"x\"\n[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\" }, { action = \"enter\" "
         "}]]\n",
         4, "layer[0].rows[0][1].action: \"enter\" is not one of"},
        {"unknown_layer",
         "name = \"x\"\n[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\" }, { action = \"layer\", to "
         "= \"b\", label = \"B\" }]]\n",
         4, "opens the layer \"b\", which is not defined"},
        {"no_backspace", "name = \"x\"\n[[layer]]\nid = \"a\"\nrows = [[\"a\", \"b\"]]\n", 4,
         "needs a backspace"},
        {"duplicate_layer",
         "name = \"x\"\n[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\" }]]\n[[layer]]\nid = "
         "\"a\"\nrows = [[{ action = \"backspace\" }]]\n",
         6, "a layer \"a\" is already defined"},
        {"long_key",
         "name = \"x\"\n[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\" }, \"abcdefghij\"]]\n", 4,
         "is longer than 8 characters"},
        {"key_type", "name = \"x\"\n[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\" }, 5]]\n", 4,
         "expected a key (a string or an inline table), found an integer"},
        {"bad_width",
         "name = \"x\"\n[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\", width = 40 }]]\n", 4,
         "width: must be between"},
        {"char_and_action",
         "name = \"x\"\n[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\" }, { char = \"a\", action = "
         "\"space\" }]]\n",
         4, "give either `char` or `action`, not both"},
        {"variants_type",
         "name = \"x\"\n[variants]\ne = \"é\"\n[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\" "
         "}]]\n",
         3, "variants.e: expected an array"},
        {"missing_name", "[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\" }]]\n", 0,
         "name: this key is required"},
        {"missing_layers", "name = \"x\"\n", 0, "layer: at least one entry is required"},
        {"unknown_key",
         "name = \"x\"\ncolour = \"red\"\n[[layer]]\nid = \"a\"\nrows = [[{ action = \"backspace\" }]]\n", 2,
         "colour"},
        {"syntax", "name = \"x\n", 1, "TOML syntax"},
    };
    auto dir = test::ScratchDir("keyboard-broken");
    Write(dir / "good.toml",
          "name = \"Good\"\n[[layer]]\nid = \"a\"\nrows = [[\"a\", { action = \"backspace\" }]]\n");
    for (const BrokenCase& c : cases)
        Write(dir / (std::string(c.name) + ".toml"), c.text);

    KeyboardLayouts layouts;
    Diagnostics diags;
    CHECK_FALSE(layouts.Load(dir, diags));
    CHECK(layouts.Find("good"));
    for (const BrokenCase& c : cases) {
        INFO(c.name << "\n" << diags.FormatAll());
        CHECK_FALSE(layouts.Find(c.name));
        const std::string file = (dir / (std::string(c.name) + ".toml")).string();
        bool found = false;
        for (const Diagnostic& d : diags.All())
            if (d.severity == Severity::Error && d.where.file == file &&
                d.message.find(c.message) != std::string::npos && (c.line == 0 || d.where.line == c.line)) {
                found = true;
                if (c.line > 0) CHECK(d.where.column > 0);
            }
        CHECK(found);
    }
}

TEST_CASE("a catalogue naming a missing layout is an error naming the language") {
    auto dir = test::ScratchDir("keyboard-choice");
    Write(dir / "fr" / "a.toml",
          "[language]\nname = \"Français\"\n[keyboard]\ntext_layout = \"bepo\"\nnumber_layout = \"keypad\"\n"
          "decimal_separator = \";\"\n");
    Catalogs catalogs;
    Diagnostics diags;
    REQUIRE(catalogs.Load(dir, {"fr"}, diags));
    CHECK_FALSE(CheckKeyboardChoices(catalogs, Shipped(), dir, diags));
    const std::string all = diags.FormatAll();
    INFO(all);
    CHECK(all.find("keyboard.text_layout: no keyboard layout \"bepo\"") != std::string::npos);
    CHECK(all.find("keyboard.decimal_separator: must be") != std::string::npos);
    CHECK(all.find((dir / "fr").string()) != std::string::npos);
}
