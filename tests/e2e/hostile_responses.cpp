// hostile_responses DB — records responses whose free texts are what the public may type
// and what breaks CSV files and spreadsheets, through the kiosk's own ResponseWriter.
// Prints one JSON line per response recorded (its uuid), for the round-trip test
// (sync_roundtrip_test.py), which then reads the database itself to compare.
//
// hostile_responses DB --spreadsheet — also texts a spreadsheet would take for numbers,
// dates or formulas, and one longer than a cell holds, the last of them a test response
// (xlsx_libreoffice_test.py).
#include <cstdio>
#include <string>
#include <vector>

#include "store/response_writer.h"
#include "store/timestamp.h"
#include "store/uuid.h"

using namespace kiosk;

int main(int argc, char** argv) {
    const bool spreadsheet = argc == 3 && std::string(argv[2]) == "--spreadsheet";
    if (argc != 2 && !spreadsheet) {
        std::fprintf(stderr, "usage: hostile_responses DATABASE [--spreadsheet]\n");
        return 2;
    }
    std::vector<std::string> texts = {
        "Il a dit \"non\", puis \"oui\".",
        "ligne 1\nligne 2\r\nligne 3",
        "point-virgule ; virgule , les deux ;,",
        "Ça coûte 5 € l’été\u202F! 🌳🚲👩🏽‍🦽 « bien »",
        "=HYPERLINK(\"http://evil.example\";\"Cliquez ici\")",
        "+33 1 23 45 67 89",
        "-2+3",
        "@SUM(A1:A9)",
        "\tcommence par une tabulation",
        "\rcommence par un retour chariot",
        "'déjà une apostrophe",
        std::string(20000, 'a') + " fin",
        "",
        "   espaces autour   ",
    };
    if (spreadsheet) {
        std::string trees; // 9 000 emoji: 36 000 bytes, more than an xlsx cell holds
        for (int i = 0; i < 9000; i++)
            trees += "🌳";
        texts.insert(texts.end(),
                     {"007", "1/2", "+33 6 12 34 56 78", "=HYPERLINK(\"http://x\",\"y\")", "3,14",
                      "2026-01-02", "TRUE", "1e5", "=1+1", "-", "_x000D_ tel quel", trees + " fin"});
    }
    ResponseWriter writer;
    std::string moved;
    WriteOutcome open = writer.Open(argv[1], 5000, moved);
    if (!open.ok) {
        std::fprintf(stderr, "hostile_responses: %s\n", open.detail.c_str());
        return 1;
    }
    long long t = 1796000000000;
    for (size_t i = 0; i < texts.size(); i++) {
        Response r;
        r.uuid = NewUuidV4();
        r.kiosk_id = "fauvettes-mdp-01";
        r.survey_id = "usages-espaces-publics";
        r.survey_version = 1;
        r.language = i % 3 == 0 ? "en" : "fr";
        r.origin = ResponseOrigin::Kiosk;
        r.status = i % 5 == 4 ? ResponseStatus::Abandoned : ResponseStatus::Complete;
        r.is_test = spreadsheet && i + 1 == texts.size();
        r.started_at = FormatUtcMillis(t);
        r.submitted_at = FormatUtcMillis(t + 61234);
        r.duration_ms = 61234;
        t += 3600 * 1000;
        auto add = [&](const char* q) -> Answer& { return r.answers.emplace_back(Answer{q}); };
        add("frequence").option_id = "chaque-jour";
        add("lieux").option_id = "square";
        add("lieux").option_id = "ecole";
        Answer& smiley = add("soir");
        smiley.option_id = "good";
        smiley.number = 3;
        add("proprete").number = (double)(i % 11);
        add("nombre-enfants").number = -1.5 * (double)i; // negative and fractional
        Answer& pin = add("endroits");
        pin.plan_id = "plan-quartier-2030";
        pin.x = 0.1 + 0.05 * (double)i;
        pin.y = 0.987654321;
        pin.text = texts[(i + 3) % texts.size()]; // a comment on the pin
        add("idee").text = texts[i];
        WriteOutcome out = writer.Insert(r);
        if (!out.ok) {
            std::fprintf(stderr, "hostile_responses: %s\n", out.detail.c_str());
            return 1;
        }
        std::printf("%s\n", r.uuid.c_str());
    }
    return 0;
}
