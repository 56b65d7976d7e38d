// Sheet names of responses.xlsx: Excel refuses a workbook whose sheet names break its rules,
// and survey ids come from a database that is not trusted to hold only slugs.
#include <catch2/catch.hpp>

#include "export/xlsx_writer.h"

using kiosk::XlsxWriter;

TEST_CASE("xlsx sheet names: at most 31 characters, no forbidden character, unique") {
    std::vector<std::string> taken = {"about", "answers", "columns"};
    CHECK(XlsxWriter::SheetName("usages-espaces-publics", taken) == "usages-espaces-publics");
    // Forbidden characters become '_'; an apostrophe may not start or end a name.
    CHECK(XlsxWriter::SheetName("a[b]c:d*e?f/g\\h", taken) == "a_b_c_d_e_f_g_h");
    CHECK(XlsxWriter::SheetName("'quoted'", taken) == "_quoted_");
    // 31 characters at most; a character beyond the BMP counts twice (UTF-16), as in Excel.
    const std::string longest = XlsxWriter::SheetName(std::string(40, 'x'), taken);
    CHECK(longest == std::string(31, 'x'));
    CHECK(XlsxWriter::SheetName(std::string(30, 'y') + "🌳", taken) == std::string(30, 'y'));
    // Unique regardless of case, and never Excel's reserved "History".
    CHECK(XlsxWriter::SheetName("ANSWERS", taken) == "ANSWERS~2");
    CHECK(XlsxWriter::SheetName(std::string(40, 'x'), taken) == std::string(29, 'x') + "~2");
    CHECK(XlsxWriter::SheetName("history", taken) == "history~2");
    CHECK(XlsxWriter::SheetName("", taken) == "_");
}
