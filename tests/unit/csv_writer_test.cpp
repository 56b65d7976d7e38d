// CSV for the city: RFC 4180 quoting, the two profiles, formula neutralising, numbers.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "export/csv_writer.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

// Writes one file with `rows` through CsvWriter and returns its bytes. Each test case its
// own scratch directory: CTest runs them in parallel.
std::string WriteCsv(CsvProfile profile, const std::function<void(CsvWriter&)>& rows) {
    const std::filesystem::path file = test::ScratchDir(std::string("csv-") + ToString(profile)) / "out.csv";
    HashedFile out;
    std::string error;
    REQUIRE(out.Open(file, error));
    {
        CsvWriter csv(out, profile);
        rows(csv);
    }
    REQUIRE(out.Close(error));
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(out.Sha256() == Sha256Hex(text.str())); // the manifest's hash is the file's
    CHECK(out.Bytes() == text.str().size());
    return text.str();
}

} // namespace

TEST_CASE("opendata: comma, no BOM, CRLF, RFC 4180 quoting") {
    const std::string csv = WriteCsv(CsvProfile::OpenData, [](CsvWriter& w) {
        w.Text("plain");
        w.Text("with, comma");
        w.Text("with; semicolon");
        w.Text("say \"hi\"");
        w.Text("two\nlines");
        w.Text("cr\rhere");
        w.Empty();
        w.EndRow();
        w.Number(0.5);
        w.Number(-3.0);
        w.Integer(-12);
        w.Text("=HYPERLINK(\"http://x\")");
        w.EndRow();
    });
    CHECK(csv ==
          "plain,\"with, comma\",\"with; semicolon\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n"
          "0.5,-3,-12,\"=HYPERLINK(\"\"http://x\"\")\"\r\n");
}

TEST_CASE("excel-fr: BOM, semicolon, decimal comma, formulas neutralised but numbers kept") {
    const std::string csv = WriteCsv(CsvProfile::ExcelFr, [](CsvWriter& w) {
        w.Text("=1+1");
        w.Text("+33 1 23");
        w.Text("-rien");
        w.Text("@SUM(A1)");
        w.Text("\tTAB");
        w.Text("\rCR");
        w.Text("a=b"); // not at the start: harmless
        w.EndRow();
        w.Number(0.125);
        w.Number(-3.5); // a number is written by us, never a formula
        w.Integer(-7);
        w.Text("=HYPERLINK(\"http://x\";\"clic\")");
        w.EndRow();
    });
    CHECK(csv == "\xEF\xBB\xBF'=1+1;'+33 1 23;'-rien;'@SUM(A1);'\tTAB;\"'\rCR\";a=b\r\n"
                 "0,125;-3,5;-7;\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\"\r\n");
}

TEST_CASE("CsvField quotes what either separator, a quote or a line break would break") {
    CHECK(CsvField("Ça coûte 5 € l’été !", CsvProfile::OpenData) == "Ça coûte 5 € l’été !");
    CHECK(CsvField("🌳 arbres", CsvProfile::ExcelFr) == "🌳 arbres");
    CHECK(CsvField("", CsvProfile::ExcelFr).empty());
    CHECK(CsvField("a;b", CsvProfile::OpenData) == "\"a;b\"");
    CHECK(CsvField("a,b", CsvProfile::ExcelFr) == "\"a,b\"");
    CHECK(CsvField("-", CsvProfile::OpenData) == "-");
    CHECK(CsvField("-", CsvProfile::ExcelFr) == "'-");
    CHECK(CsvField("\nx", CsvProfile::ExcelFr) == "\"'\nx\"");
    CHECK(ParseCsvProfile("excel-fr") == CsvProfile::ExcelFr);
    CHECK_FALSE(ParseCsvProfile("excel"));
}

TEST_CASE("a file that cannot be written reports it at Close, naming the file") {
    HashedFile out;
    std::string error;
    CHECK_FALSE(out.Open("/nonexistent-dir/out.csv", error));
    CHECK(error.find("/nonexistent-dir/out.csv") != std::string::npos);
    // /dev/full accepts the open and fails every write with ENOSPC: a full disk.
    HashedFile full;
    REQUIRE(full.Open("/dev/full", error));
    full.Append(std::string(3 << 20, 'x'));
    CHECK_FALSE(full.Close(error));
    CHECK(error.find("/dev/full") != std::string::npos);
}

TEST_CASE("a CSV cell writes invalid UTF-8 and NUL as U+FFFD, like every other format") {
    for (CsvProfile profile : {CsvProfile::OpenData, CsvProfile::ExcelFr}) {
        CHECK(CsvField(std::string("a\0b", 3), profile) == "a\uFFFDb");
        CHECK(CsvField("caf\xE9 \xE2\x82", profile) == "caf\uFFFD \uFFFD");
        CHECK(CsvField("\xFF\"x\"", profile) == "\"\uFFFD\"\"x\"\"\""); // still quoted
        CHECK(CsvField("Ça coûte 5 €", profile) == "Ça coûte 5 €");
    }
}

TEST_CASE("excel-fr: a response's time is local, then UTC in its own column, opendata keeps UTC") {
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1); // Paris, without the tz database
    tzset();
    auto times = [](CsvProfile profile) {
        return WriteCsv(profile, [](CsvWriter& w) {
            w.TimeHeader("submitted_at");
            w.EndRow();
            w.Time("2026-11-26T14:03:05.123Z"); // winter: UTC+1
            w.Time("2026-07-01T23:30:00.000Z"); // summer: UTC+2, the next local day
            w.Time("pas une date");             // not the kiosk's shape: as it is
            w.EndRow();
        });
    };
    CHECK(times(CsvProfile::ExcelFr) ==
          "\xEF\xBB\xBFsubmitted_at;submitted_at_utc\r\n"
          "2026-11-26 15:03:05;2026-11-26T14:03:05.123Z;"
          "2026-07-02 01:30:00;2026-07-01T23:30:00.000Z;pas une date;pas une date\r\n");
    CHECK(times(CsvProfile::OpenData) ==
          "submitted_at\r\n"
          "2026-11-26T14:03:05.123Z,2026-07-01T23:30:00.000Z,pas une date\r\n");
}
