#include "export/xlsx_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <unistd.h>
#include <unordered_map>
#include <xlsxwriter.h>

#include <fmt/format.h>

#include "export/durable_file.h"
#include "export/local_time.h"
#include "store/timestamp.h"

namespace kiosk {

namespace {

// Column widths in characters: wide enough for most cells, never wider than a screen's half.
constexpr double kMinWidth = 6, kMaxWidth = 60, kDateTimeWidth = 20;

size_t CodePoints(std::string_view text) {
    size_t n = 0;
    for (unsigned char c : text)
        n += (c & 0xC0) != 0x80;
    return n;
}

// The longest prefix of `text` of at most `bytes` bytes that does not split a UTF-8 sequence.
std::string_view CutUtf8(std::string_view text, size_t bytes) {
    if (text.size() <= bytes) return text;
    size_t end = bytes;
    while (end > 0 && ((unsigned char)text[end] & 0xC0) == 0x80)
        end--;
    return text.substr(0, end);
}

// OOXML reads "_x000D_" in a text as the character U+000D: a visitor's literal "_x000D_"
// is written "_x005F_x000D_" (an escaped '_') so that it reads back as typed.
std::string EscapeOoxml(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); i++) {
        const bool escape = text.compare(i, 2, "_x") == 0 && i + 6 < text.size() && text[i + 6] == '_' &&
                            std::all_of(text.begin() + (long)i + 2, text.begin() + (long)i + 6,
                                        [](char c) { return std::isxdigit((unsigned char)c); });
        out += escape ? std::string_view("_x005F_") : text.substr(i, 1);
    }
    return out;
}

long long FloorDiv(long long a, long long b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

// A stored UTC timestamp as a local date-time (local_time.h), milliseconds kept.
std::optional<lxw_datetime> LocalDateTime(std::string_view utc) {
    const std::optional<LocalTime> t = ToLocalTime(utc);
    if (!t) return std::nullopt;
    return lxw_datetime{t->year, t->month, t->day, t->hour, t->minute, t->second + t->millisecond / 1000.0};
}

// "Europe/Paris": TZ, else /etc/timezone, else the zone /etc/localtime links to; "" if none says.
std::string TimeZoneName() {
    if (const char* tz = std::getenv("TZ"); tz && *tz) return tz[0] == ':' ? tz + 1 : tz;
    std::ifstream file("/etc/timezone");
    std::string name;
    if (file && std::getline(file, name) && !name.empty()) return name;
    std::error_code ec;
    const std::string target = std::filesystem::read_symlink("/etc/localtime", ec).string();
    const size_t at = target.find("zoneinfo/");
    return at == std::string::npos ? "" : target.substr(at + 9);
}

// "CET, UTC+01:00" at the moment `unix_seconds`.
std::string OffsetAt(std::time_t unix_seconds) {
    std::tm local{};
    if (!localtime_r(&unix_seconds, &local)) return "";
    const long offset = local.tm_gmtoff / 60;
    return fmt::format("{}, UTC{}{:02}:{:02}", local.tm_zone ? local.tm_zone : "", offset < 0 ? '-' : '+',
                       std::abs(offset) / 60, std::abs(offset) % 60);
}

const char* kFixedHeaders[] = {
    "uuid",           "kiosk_id",     "survey_id",        "survey_version", "language",
    "origin",         "status",       "is_test",          "burst",          "started_at",
    "started_at_utc", "submitted_at", "submitted_at_utc", "duration_ms",    "paper_date"};
const char* kFixedMeaning[] = {
    "response identity (random UUID), the same in every file",
    "kiosk that recorded it",
    "survey or poll",
    "version of the survey's questions",
    "language the visitor used",
    "kiosk, assisted, event, paper or synthetic (kiosk-fill: not a resident)",
    "complete or abandoned",
    "1 = a test response (test mode, kiosk-fill): not a resident's answer",
    "1 = a poll vote among many rapid taps (counted apart in results)",
    "when the visitor began, local time",
    "started_at in UTC (ISO-8601)",
    "when the response was recorded, local time",
    "submitted_at in UTC (ISO-8601)",
    "time to answer in milliseconds",
    "paper questionnaires: the date written on it",
};
const char* kAnswerHeaders[] = {"response_uuid",
                                "kiosk_id",
                                "survey_id",
                                "survey_version",
                                "language",
                                "status",
                                "submitted_at",
                                "submitted_at_utc",
                                "position",
                                "question_id",
                                "option_id",
                                "text",
                                "number",
                                "plan_id",
                                "x",
                                "y",
                                "hidden"};
const char* kColumnHeaders[] = {"sheet", "column", "question_id", "type", "text", "options"};
const char* kLongTextHeaders[] = {"response_uuid", "sheet", "column", "part", "text"};

struct Sheet {
    std::string base_name;
    std::vector<std::string> headers;
    std::vector<lxw_worksheet*> parts; // a sheet holds 1 048 576 rows: more go on "<name> (2)", …
    std::string name;                  // of the first part, as given (SheetName)
    std::vector<double> widths;
    lxw_row_t row = 0; // the row being written; 0 = the header row
    lxw_col_t col = 0;
};

struct SurveyColumn {
    std::string question_id;
    const Question* question = nullptr; // null: a question of an older version only
    bool hidden_flag = false;           // free text: 1 = staff hid the answer on screen
    std::string header;
};

struct SurveySheet {
    Sheet sheet;
    const Survey* survey = nullptr;
    std::vector<SurveyColumn> columns;
    std::unordered_map<std::string, std::vector<size_t>> columns_of;
    std::vector<std::vector<const Answer*>> rows_of_column; // scratch, per response
};

const Survey* FindSurvey(const std::vector<Survey>& surveys, std::string_view id) {
    for (const Survey& s : surveys)
        if (s.id == id) return &s;
    return nullptr;
}

// Option ids joined with '|' (multiple choice; ranking in rank order), as in the wide CSV.
std::string JoinOptions(const std::vector<const Answer*>& rows) {
    std::string out;
    for (const Answer* a : rows) {
        if (!out.empty()) out += '|';
        if (a->option_id)
            out += *a->option_id;
        else if (a->text)
            out += *a->text;
        else if (a->number)
            out += fmt::format("{}", *a->number);
    }
    return out;
}

} // namespace

struct XlsxWriter::Impl {
    std::filesystem::path dir;
    std::string tmpdir; // libxlsxwriter's temporary files: the export's own directory
    const std::vector<Survey>& surveys;
    const ExtraQuestions& extra;
    lxw_workbook* book = nullptr;
    lxw_format* bold = nullptr;
    lxw_format* date_time = nullptr;
    lxw_format* date = nullptr;
    std::vector<std::string> names; // sheet names given
    Sheet about, answers, columns;
    std::unique_ptr<Sheet> long_texts;
    std::map<std::string, std::unique_ptr<SurveySheet>, std::less<>> by_survey;
    std::vector<SurveySheet*> in_order; // as they appeared, for the columns sheet
    int64_t responses = 0, test = 0, synthetic = 0, burst = 0, cut_texts = 0;
    bool example = false;

    Impl(std::filesystem::path d, const std::vector<Survey>& s, const ExtraQuestions& e, bool ex)
        : dir(std::move(d)), surveys(s), extra(e), example(ex) {}
    ~Impl() {
        if (book) lxw_workbook_free(book);
    }

    // --- sheets and rows ---
    void AddPart(Sheet& s) {
        const std::string wanted =
            s.parts.empty() ? s.base_name : fmt::format("{} ({})", s.base_name, s.parts.size() + 1);
        const std::string name = XlsxWriter::SheetName(wanted, names);
        lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
        // A name libxlsxwriter still refuses (SheetName follows its rules: should not happen):
        // a plain numbered name rather than no sheet.
        if (!ws)
            ws = workbook_add_worksheet(
                book, XlsxWriter::SheetName(fmt::format("sheet{}", names.size() + 1), names).c_str());
        if (s.parts.empty()) s.name = names.back(); // the name it was given
        s.parts.push_back(ws);
        worksheet_freeze_panes(ws, 1, 0);
        for (size_t c = 0; c < s.headers.size(); c++)
            worksheet_write_string(ws, 0, (lxw_col_t)c, s.headers[c].c_str(), bold);
        s.row = 0;
    }
    void Open(Sheet& s, std::string name, std::vector<std::string> headers) {
        s.base_name = std::move(name);
        s.headers = std::move(headers);
        s.widths.assign(s.headers.size(), kMinWidth);
        for (size_t c = 0; c < s.headers.size(); c++)
            s.widths[c] = std::max(kMinWidth, (double)CodePoints(s.headers[c]) + 2);
        AddPart(s);
    }
    void NewRow(Sheet& s) {
        if (s.row + 1 >= LXW_ROW_MAX) AddPart(s);
        s.row++;
        s.col = 0;
    }
    lxw_worksheet* Ws(Sheet& s) { return s.parts.back(); }
    void Widen(Sheet& s, lxw_col_t col, double width) {
        if (col >= s.widths.size()) s.widths.resize(col + 1, kMinWidth);
        s.widths[col] = std::min(kMaxWidth, std::max(s.widths[col], width));
    }

    // --- cells (each writes the next column of the current row) ---
    void Empty(Sheet& s) { s.col++; }
    void Number(Sheet& s, double value) {
        worksheet_write_number(Ws(s), s.row, s.col, value, nullptr);
        Widen(s, s.col++, (double)fmt::formatted_size("{}", value) + 2);
    }
    void Number(Sheet& s, const std::optional<double>& value) { value ? Number(s, *value) : Empty(s); }
    // A text cell: never read as a formula, a number or a date. `uuid`: the response, named
    // in long_texts when the text is longer than a cell.
    void TextCell(Sheet& s, std::string_view text, std::string_view uuid = {}) {
        if (text.empty()) return Empty(s);
        if (text.find("_x") != std::string_view::npos) {
            const std::string escaped = EscapeOoxml(text);
            if (escaped.size() <= kMaxCellBytes) {
                worksheet_write_string(Ws(s), s.row, s.col, escaped.c_str(), nullptr);
                Widen(s, s.col++, (double)CodePoints(CutUtf8(text, 4 * (size_t)kMaxWidth)) + 2);
                return;
            }
        }
        if (text.size() <= kMaxCellBytes) {
            worksheet_write_string(Ws(s), s.row, s.col, std::string(text).c_str(), nullptr);
        } else {
            const std::string_view marker(kCutMarker);
            const std::string cut =
                std::string(CutUtf8(text, kMaxCellBytes - marker.size())) + std::string(marker);
            worksheet_write_string(Ws(s), s.row, s.col, cut.c_str(), nullptr);
            WriteLongText(s, text, uuid);
        }
        Widen(s, s.col++, (double)CodePoints(CutUtf8(text, 4 * (size_t)kMaxWidth)) + 2);
    }
    void OptText(Sheet& s, const std::optional<std::string>& text, std::string_view uuid = {}) {
        text ? TextCell(s, *text, uuid) : Empty(s);
    }
    void DateTime(Sheet& s, std::string_view utc) {
        std::optional<lxw_datetime> local = LocalDateTime(utc);
        if (!local) return TextCell(s, utc); // not a timestamp the kiosk writes: shown as it is
        worksheet_write_datetime(Ws(s), s.row, s.col, &*local, date_time);
        Widen(s, s.col++, kDateTimeWidth);
    }
    void Date(Sheet& s, const std::optional<std::string>& iso) {
        if (!iso || !ParseIsoDate(*iso)) return OptText(s, iso);
        lxw_datetime d{
            std::atoi(iso->c_str()), std::atoi(iso->c_str() + 5), std::atoi(iso->c_str() + 8), 0, 0, 0};
        worksheet_write_datetime(Ws(s), s.row, s.col, &d, date);
        Widen(s, s.col++, 12);
    }

    void WriteLongText(const Sheet& from, std::string_view text, std::string_view uuid) {
        cut_texts++;
        if (!long_texts) {
            long_texts = std::make_unique<Sheet>();
            Open(*long_texts, "long_texts", {std::begin(kLongTextHeaders), std::end(kLongTextHeaders)});
        }
        const std::string column = from.col < from.headers.size() ? from.headers[from.col] : "";
        Sheet& s = *long_texts;
        for (int part = 1; !text.empty(); part++) {
            const std::string_view piece = CutUtf8(text, kMaxCellBytes);
            NewRow(s);
            TextCell(s, uuid);
            TextCell(s, from.name);
            TextCell(s, column);
            Number(s, part);
            TextCell(s, piece);
            text.remove_prefix(piece.size());
        }
    }

    SurveySheet& SheetOf(const std::string& survey_id) {
        auto found = by_survey.find(survey_id);
        if (found != by_survey.end()) return *found->second;
        auto sheet = std::make_unique<SurveySheet>();
        sheet->survey = FindSurvey(surveys, survey_id);
        if (sheet->survey)
            for (const Question& q : sheet->survey->questions) {
                sheet->columns.push_back({q.id, &q, false, q.id});
                if (q.type == QuestionType::FreeText)
                    sheet->columns.push_back({q.id, &q, true, q.id + ".hidden"});
            }
        if (auto more = extra.find(survey_id); more != extra.end())
            for (const std::string& id : more->second)
                if (!sheet->survey || !sheet->survey->FindQuestion(id))
                    sheet->columns.push_back({id, nullptr, false, id});
        std::vector<std::string> headers(std::begin(kFixedHeaders), std::end(kFixedHeaders));
        for (size_t i = 0; i < sheet->columns.size(); i++) {
            headers.push_back(sheet->columns[i].header);
            sheet->columns_of[sheet->columns[i].question_id].push_back(i);
        }
        sheet->rows_of_column.resize(sheet->columns.size());
        Open(sheet->sheet, survey_id, std::move(headers));
        in_order.push_back(sheet.get());
        return *by_survey.emplace(survey_id, std::move(sheet)).first->second;
    }

    void WideRow(SurveySheet& f, const Response& r) {
        Sheet& s = f.sheet;
        NewRow(s);
        TextCell(s, r.uuid);
        TextCell(s, r.kiosk_id);
        TextCell(s, r.survey_id);
        Number(s, (double)r.survey_version);
        TextCell(s, r.language);
        TextCell(s, ToString(r.origin));
        TextCell(s, ToString(r.status));
        Number(s, r.is_test ? 1 : 0);
        Number(s, r.burst ? 1 : 0);
        DateTime(s, r.started_at);
        TextCell(s, r.started_at);
        DateTime(s, r.submitted_at);
        TextCell(s, r.submitted_at);
        Number(s, (double)r.duration_ms);
        Date(s, r.paper_date);

        for (auto& rows : f.rows_of_column)
            rows.clear();
        for (const Answer& a : r.answers)
            if (auto columns = f.columns_of.find(a.question_id); columns != f.columns_of.end())
                for (size_t c : columns->second)
                    f.rows_of_column[c].push_back(&a);
        for (size_t c = 0; c < f.columns.size(); c++) {
            const SurveyColumn& column = f.columns[c];
            std::vector<const Answer*>& rows = f.rows_of_column[c];
            if (rows.empty()) {
                Empty(s);
                continue;
            }
            const Answer& first = *rows.front();
            if (column.hidden_flag) {
                Number(s, first.hidden ? 1 : 0);
                continue;
            }
            switch (column.question ? column.question->type : QuestionType::MultipleChoice) {
            case QuestionType::SingleChoice:
            case QuestionType::YesNo:
            case QuestionType::Smiley: OptText(s, first.option_id); break;
            case QuestionType::Scale:
            case QuestionType::Number: Number(s, first.number); break;
            case QuestionType::FreeText: OptText(s, first.text, r.uuid); break;
            case QuestionType::PlanPin: Number(s, (double)rows.size()); break; // the pins: answers sheet
            case QuestionType::Ranking:
                std::stable_sort(rows.begin(), rows.end(), [](const Answer* a, const Answer* b) {
                    return a->number.value_or(0) < b->number.value_or(0);
                });
                TextCell(s, JoinOptions(rows), r.uuid);
                break;
            case QuestionType::MultipleChoice: TextCell(s, JoinOptions(rows), r.uuid); break;
            }
        }
    }

    void AnswerRows(const Response& r) {
        Sheet& s = answers;
        for (size_t i = 0; i < r.answers.size(); i++) {
            const Answer& a = r.answers[i];
            NewRow(s);
            TextCell(s, r.uuid);
            TextCell(s, r.kiosk_id);
            TextCell(s, r.survey_id);
            Number(s, (double)r.survey_version);
            TextCell(s, r.language);
            TextCell(s, ToString(r.status));
            DateTime(s, r.submitted_at);
            TextCell(s, r.submitted_at);
            Number(s, (double)i);
            TextCell(s, a.question_id);
            OptText(s, a.option_id);
            OptText(s, a.text, r.uuid);
            Number(s, a.number);
            OptText(s, a.plan_id);
            Number(s, a.x);
            Number(s, a.y);
            a.text ? Number(s, a.hidden ? 1 : 0) : Empty(s);
        }
    }

    void WriteColumns() {
        Sheet& s = columns;
        const size_t fixed = std::size(kFixedHeaders);
        for (size_t c = 0; c < fixed; c++) {
            NewRow(s);
            TextCell(s, "(every survey sheet)");
            TextCell(s, kFixedHeaders[c]);
            Empty(s);
            Empty(s);
            TextCell(s, kFixedMeaning[c]);
        }
        for (const SurveySheet* f : in_order) {
            for (const SurveyColumn& c : f->columns) {
                NewRow(s);
                TextCell(s, f->sheet.name);
                TextCell(s, c.header);
                TextCell(s, c.question_id);
                if (!c.question) {
                    Empty(s);
                    TextCell(s, "a question of an older version of the survey");
                    continue;
                }
                TextCell(s, ToString(c.question->type));
                if (c.hidden_flag) {
                    TextCell(s, "1 = staff hid this answer from the results shown on screen");
                    continue;
                }
                TextCell(s, c.question->text.Get("fr", "fr"));
                std::string options;
                for (const Option& o : c.question->options)
                    options += (options.empty() ? "" : " | ") + o.id + " = " + o.label.Get("fr", "fr");
                TextCell(s, options);
            }
        }
    }

    void WriteAbout(const ExportIdentity& id, const ExportCounts& counts) {
        Sheet& s = about;
        auto line = [&](std::string_view key, auto value) {
            NewRow(s);
            worksheet_write_string(Ws(s), s.row, 0, std::string(key).c_str(), bold);
            Widen(s, 0, (double)key.size() + 2); // keys are ASCII
            s.col = 1;
            if constexpr (std::is_arithmetic_v<decltype(value)>)
                Number(s, (double)value);
            else
                TextCell(s, std::string_view(value));
        };
        // The markers first: a reader who sees nothing else sees these.
        if (example)
            line("EXAMPLE",
                 "the kiosk runs the bundled demo content (a fictional consultation): not real answers");
        if (test > 0)
            line("WARNING", fmt::format("{} test response(s) (is_test = 1): not residents' answers", test));
        if (synthetic > 0)
            line(
                "WARNING",
                fmt::format("{} synthetic response(s) (origin synthetic, kiosk-fill): not residents' answers",
                            synthetic));
        if (cut_texts > 0)
            line("NOTE",
                 fmt::format(
                     "{} text(s) longer than a cell holds end with \"{}\": whole in the long_texts sheet",
                     cut_texts, kCutMarker));
        line("responses", counts.responses);
        line("answers", counts.answers);
        line("test_responses", test);
        line("synthetic_responses", synthetic);
        line("burst_votes", burst);
        line("include_test", id.filter.include_test ? "yes" : "no");
        if (!id.filter.survey_id.empty()) line("survey_filter", id.filter.survey_id);
        if (!id.filter.since.empty()) line("since", id.filter.since);
        const std::optional<long long> created = ParseUtcMillis(id.created_at);
        const std::string zone = TimeZoneName();
        line("local_time_zone", fmt::format("{} ({}): started_at, submitted_at; the _utc columns are UTC",
                                            zone.empty() ? "local" : zone,
                                            created ? OffsetAt((std::time_t)FloorDiv(*created, 1000)) : ""));
        line("batch_id", id.batch_id);
        line("kiosk_id", id.kiosk_id);
        line("database_id", id.database_id);
        line("created_at_utc", id.created_at);
        line("first_seq", counts.first_seq);
        line("last_seq", counts.last_seq);
        line("sheets",
             "one per survey (a row per response), answers (a row per answer), columns (what they mean)");
        line("format", "maison-du-projet xlsx 1: docs/export-formats.md");
    }
};

XlsxWriter::XlsxWriter(std::filesystem::path dir, const std::vector<Survey>& surveys,
                       const ExtraQuestions& extra, bool example)
    : impl_(std::make_unique<Impl>(std::move(dir), surveys, extra, example)) {}

XlsxWriter::~XlsxWriter() = default;

bool XlsxWriter::Begin(std::string& error) {
    Impl& w = *impl_;
    const std::string path = (w.dir / kFileName).string();
    w.tmpdir = w.dir.string(); // kept while the workbook lives, whether or not it copies it
    // Constant memory: rows go to temporary files (here, not in a RAM-backed /tmp) as written.
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = w.tmpdir.data();
    w.book = workbook_new_opt(path.c_str(), &options);
    if (!w.book) {
        error = fmt::format("{}: cannot create the workbook", path);
        return false;
    }
    w.bold = workbook_add_format(w.book);
    format_set_bold(w.bold);
    w.date_time = workbook_add_format(w.book);
    format_set_num_format(w.date_time, "yyyy-mm-dd hh:mm:ss");
    w.date = workbook_add_format(w.book);
    format_set_num_format(w.date, "yyyy-mm-dd");
    w.Open(w.about, "about", {"item", "value"});
    w.Open(w.answers, "answers", {std::begin(kAnswerHeaders), std::end(kAnswerHeaders)});
    w.Open(w.columns, "columns", {std::begin(kColumnHeaders), std::end(kColumnHeaders)});
    return true;
}

void XlsxWriter::Add(const Response& r) {
    Impl& w = *impl_;
    w.responses++;
    w.test += r.is_test;
    w.synthetic += r.origin == ResponseOrigin::Synthetic;
    w.burst += r.burst;
    w.WideRow(w.SheetOf(r.survey_id), r);
    w.AnswerRows(r);
}

bool XlsxWriter::Finish(const ExportIdentity& id, const ExportCounts& counts, ExportedFile& info,
                        std::string& error) {
    Impl& w = *impl_;
    const std::filesystem::path path = w.dir / kFileName;
    w.WriteColumns();
    w.WriteAbout(id, counts);
    for (Sheet* s : {&w.about, &w.answers, &w.columns, w.long_texts.get()})
        if (s)
            for (lxw_worksheet* ws : s->parts)
                for (size_t c = 0; c < s->widths.size(); c++)
                    worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, s->widths[c], nullptr);
    for (SurveySheet* f : w.in_order)
        for (lxw_worksheet* ws : f->sheet.parts)
            for (size_t c = 0; c < f->sheet.widths.size(); c++)
                worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, f->sheet.widths[c], nullptr);

    // Same batch, same bytes: the document's creation time is the batch's, not now.
    std::string title = "Maison du projet: responses";
    std::string batch = id.batch_id;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.comments = batch.data();
    const std::optional<long long> created = ParseUtcMillis(id.created_at);
    properties.created = created ? (std::time_t)FloorDiv(*created, 1000) : 1;
    workbook_set_properties(w.book, &properties);

    const lxw_error closed = workbook_close(w.book);
    w.book = nullptr; // workbook_close frees it, whatever happened
    if (closed != LXW_NO_ERROR) {
        error = fmt::format("{}: {}", path.string(), lxw_strerror(closed));
        return false;
    }
    // Read back once (libxlsxwriter writes the file itself): its hash, then fsync.
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
        error = fmt::format("{}: cannot read it back", path.string());
        return false;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        error = fmt::format("{}: fsync: {}", path.string(), std::strerror(errno));
        if (fd >= 0) ::close(fd);
        return false;
    }
    ::close(fd);
    const std::string content = std::move(bytes).str();
    info.name = kFileName;
    info.format = ExportFormat::Xlsx;
    info.bytes = content.size();
    info.rows = (uint64_t)w.responses;
    info.sha256 = Sha256Hex(content);
    return true;
}

std::string XlsxWriter::SheetName(std::string_view wanted, std::vector<std::string>& taken) {
    // Excel counts UTF-16 units: a character beyond the BMP takes two of the 31.
    auto fit = [](std::string_view text, size_t units) {
        std::string out;
        size_t used = 0;
        for (size_t i = 0; i < text.size();) {
            const unsigned char c = (unsigned char)text[i];
            const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            const size_t cost = len == 4 ? 2 : 1;
            if (used + cost > units) break;
            out.append(text.substr(i, len));
            used += cost;
            i += len;
        }
        return out;
    };
    std::string clean;
    for (char c : wanted)
        clean += (std::strchr("[]:*?/\\", c) && c) || (unsigned char)c < 0x20 ? '_' : c;
    while (!clean.empty() && clean.front() == '\'')
        clean.front() = '_';
    auto lower = [](std::string s) {
        for (char& c : s)
            c = (char)std::tolower((unsigned char)c);
        return s;
    };
    for (int n = 1;; n++) {
        const std::string suffix = n == 1 ? "" : fmt::format("~{}", n);
        std::string name = fit(clean, 31 - suffix.size());
        while (!name.empty() && name.back() == '\'')
            name.back() = '_';
        if (name.empty()) name = "_";
        name += suffix;
        const std::string key = lower(name);
        if (key == "history" ||
            std::any_of(taken.begin(), taken.end(), [&](const std::string& t) { return lower(t) == key; }))
            continue;
        taken.push_back(name);
        return name;
    }
}

} // namespace kiosk
