#include "survey/survey_loader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "base/path_probe.h"
#include "config/toml_reader.h"

namespace kiosk {

// [SECTION] Small checks
// [SECTION] Options
// [SECTION] show_if
// [SECTION] Questions, one reader per type
// [SECTION] The survey file
// [SECTION] The directory, cross-checks, texts

// -----------------------------------------------------------------------------------------
// [SECTION] Small checks
// -----------------------------------------------------------------------------------------

namespace {

constexpr int kMaxQuestions = 60;
constexpr int kMaxChoiceOptions = 12;
constexpr int kMaxRankingOptions = 8;
constexpr int kMaxPinOptions = 8;
constexpr int kMaxPins = 10;

// Ids that reach the database and exports: [a-z0-9] then [a-z0-9_-], at most 64.
bool IsSlug(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    auto ok = [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '_' || c == '-'; };
    return (std::islower((unsigned char)id[0]) || std::isdigit((unsigned char)id[0])) &&
           std::all_of(id.begin(), id.end(), ok);
}

const char* kSlugRule = "use 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit";

std::string TypeList() {
    std::string out;
    for (QuestionType t : {QuestionType::SingleChoice, QuestionType::MultipleChoice, QuestionType::Scale,
                           QuestionType::Smiley, QuestionType::YesNo, QuestionType::FreeText,
                           QuestionType::Number, QuestionType::Ranking, QuestionType::PlanPin})
        out += fmt::format("{}{}", out.empty() ? "" : ", ", ToString(t));
    return out;
}

bool IsBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

// A text that may be absent; when given, it is needed in every language.
LocalizedText OptionalText(TableReader& t, std::string_view key, const Languages& languages) {
    if (!t.Has(key)) {
        t.Node(key); // marks it read
        return {};
    }
    return RequiredText(t, key, languages);
}

SourcePos PosOf(const std::string& file, const toml::node& node) {
    const auto& begin = node.source().begin;
    return {file, (int)begin.line, (int)begin.column};
}

// Reads `key` as a slug id (required).
std::string ReadId(TableReader& t, std::string_view key) {
    std::optional<std::string> id = t.String(key, Need::Required);
    if (!id) return {};
    if (!IsSlug(*id)) {
        t.Error(key, fmt::format("\"{}\" is not a valid id: {}", *id, kSlugRule));
        return {};
    }
    return *id;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Options
// -----------------------------------------------------------------------------------------

// Reads `options` (an array of tables: inline `{ id = …, label = … }` or [[question.options]])
// and checks their number and the uniqueness of their ids. Pictures only where `pictures`.
std::vector<Option> ReadOptions(TableReader& q, const Languages& languages, int min_count, int max_count,
                                bool pictures) {
    std::vector<Option> options;
    std::vector<TableReader> tables = q.TableArray("options", Need::Required);
    const bool present = q.Has("options");
    std::map<std::string, int, std::less<>> seen; // id → line
    for (TableReader& t : tables) {
        Option option;
        option.id = ReadId(t, "id");
        option.label = RequiredText(t, "label", languages);
        if (t.Has("picture") && !pictures) {
            t.Error("picture", "only the options of a single_choice or plan_pin question can have a picture");
            t.Node("picture"); // reported: not "unknown" as well
        } else if (std::optional<std::filesystem::path> picture = t.Path("picture")) {
            std::string ext = picture->extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            if (ext != ".png" && ext != ".jpg" && ext != ".jpeg")
                t.Error("picture",
                        fmt::format("\"{}\" is not a PNG or JPEG file", picture->filename().string()));
            else if (const PathProbe probe = ProbePath(*picture); probe.error)
                t.Error("picture", fmt::format("the picture \"{}\" cannot be read: {}", picture->string(),
                                               probe.ErrorText()));
            else if (!probe.IsRegularFile())
                t.Error("picture", fmt::format("the picture \"{}\" does not exist", picture->string()));
            else {
                option.picture = *picture;
                option.picture_where = t.Where("picture");
            }
        }
        if (!option.id.empty()) {
            if (auto it = seen.find(option.id); it != seen.end())
                t.Error("id",
                        fmt::format("option id \"{}\" is already used on line {}", option.id, it->second));
            else
                seen.emplace(option.id, t.Where("id").line);
        }
        t.Finish();
        options.push_back(std::move(option));
    }
    if (present && ((int)options.size() < min_count || (int)options.size() > max_count))
        q.Error("options",
                fmt::format("needs {} to {} options (found {})", min_count, max_count, options.size()));
    return options;
}

std::vector<Option> FixedOptions(std::initializer_list<const char*> ids) {
    std::vector<Option> options;
    for (const char* id : ids)
        options.push_back(Option{id, {}, {}});
    return options;
}

// -----------------------------------------------------------------------------------------
// [SECTION] show_if
// -----------------------------------------------------------------------------------------

// One show_if value: a string for option-based questions, an integer for scale / number.
std::optional<std::string> ShowIfValue(const toml::node& node, const Question& ref, TableReader& rule,
                                       std::string_view key) {
    const bool numeric = ref.type == QuestionType::Scale || ref.type == QuestionType::Number;
    if (numeric) {
        if (!node.is_integer()) {
            rule.Diags().Error(
                PosOf(rule.File(), node),
                fmt::format("{}: question \"{}\" is a {} question: compare it with an integer, found {}",
                            rule.KeyName(key), ref.id, ToString(ref.type), TomlTypeName(node)));
            return std::nullopt;
        }
        const long long value = node.as_integer()->get();
        const long long low = ref.type == QuestionType::Scale ? ref.scale_from : ref.number_min;
        const long long high = ref.type == QuestionType::Scale ? ref.scale_to : ref.number_max;
        if (value < low || value > high) {
            rule.Diags().Error(PosOf(rule.File(), node),
                               fmt::format("{}: {} is outside the range of question \"{}\" ({} to {})",
                                           rule.KeyName(key), value, ref.id, low, high));
            return std::nullopt;
        }
        return std::to_string(value);
    }
    if (!node.is_string()) {
        rule.Diags().Error(PosOf(rule.File(), node),
                           fmt::format("{}: expected an option id of question \"{}\", found {}",
                                       rule.KeyName(key), ref.id, TomlTypeName(node)));
        return std::nullopt;
    }
    const std::string& value = node.as_string()->get();
    if (!ref.FindOption(value)) {
        std::string ids;
        for (const Option& o : ref.options)
            ids += fmt::format("{}\"{}\"", ids.empty() ? "" : ", ", o.id);
        rule.Diags().Error(PosOf(rule.File(), node),
                           fmt::format("{}: \"{}\" is not an option of question \"{}\" ({})",
                                       rule.KeyName(key), value, ref.id, ids));
        return std::nullopt;
    }
    return value;
}

// Reads `show_if = { question = "…", equals | not_equals | any_of | answered = … }` of the
// question at `index`; `earlier` are the questions before it (by index), `later` the ids
// of the questions after it.
std::optional<ShowIf> ReadShowIf(TableReader& q, const std::vector<Question>& earlier,
                                 const std::map<std::string, int, std::less<>>& all_ids) {
    if (!q.Has("show_if")) return std::nullopt;
    TableReader rule = TableReader::Sub(q, "show_if");
    if (!rule.Present()) return std::nullopt; // not a table: reported by Sub
    ShowIf show_if;
    std::optional<std::string> target = rule.String("question", Need::Required);
    static constexpr std::pair<ShowIfOp, const char*> kOps[] = {{ShowIfOp::Equals, "equals"},
                                                                {ShowIfOp::NotEquals, "not_equals"},
                                                                {ShowIfOp::AnyOf, "any_of"},
                                                                {ShowIfOp::Answered, "answered"}};
    std::vector<std::pair<ShowIfOp, const char*>> given;
    for (const auto& op : kOps)
        if (rule.Has(op.second)) given.push_back(op);
    if (given.size() != 1) {
        rule.Error(given.empty() ? "question" : given[1].second,
                   "give exactly one condition: equals, not_equals, any_of or answered");
        for (const auto& op : kOps)
            rule.Node(op.second);
        rule.Finish();
        return std::nullopt;
    }
    show_if.op = given[0].first;
    const char* op_key = given[0].second;
    const toml::node* value = rule.Node(op_key);
    rule.Finish();
    if (!target) return std::nullopt;
    show_if.question_id = *target;

    const Question* ref = nullptr;
    for (const Question& e : earlier)
        if (e.id == *target) ref = &e;
    if (!ref) {
        auto it = all_ids.find(*target);
        if (it == all_ids.end())
            rule.Error("question", fmt::format("unknown question \"{}\"", *target));
        else
            rule.Error("question",
                       fmt::format("\"{}\" is not an earlier question (it is on line {}): show_if can only "
                                   "depend on questions asked before",
                                   *target, it->second));
        return std::nullopt;
    }

    const bool option_based = ref->type == QuestionType::SingleChoice ||
                              ref->type == QuestionType::MultipleChoice || ref->type == QuestionType::YesNo ||
                              ref->type == QuestionType::Smiley;
    const bool numeric = ref->type == QuestionType::Scale || ref->type == QuestionType::Number;
    if (show_if.op == ShowIfOp::Answered) {
        if (!value->is_boolean() || !value->as_boolean()->get()) {
            rule.Error(op_key, "write `answered = true`");
            return std::nullopt;
        }
        return show_if;
    }
    if (!option_based && !numeric) {
        rule.Error(op_key,
                   fmt::format("question \"{}\" is a {} question: only `answered = true` applies to it",
                               ref->id, ToString(ref->type)));
        return std::nullopt;
    }
    bool ok = true;
    if (show_if.op == ShowIfOp::AnyOf) {
        const toml::array* values = value->as_array();
        if (!values || values->empty()) {
            rule.Error(op_key, "expected a non-empty array of values");
            return std::nullopt;
        }
        for (const toml::node& element : *values) {
            std::optional<std::string> v = ShowIfValue(element, *ref, rule, op_key);
            ok = ok && v.has_value();
            if (v) show_if.values.push_back(*v);
        }
    } else {
        std::optional<std::string> v = ShowIfValue(*value, *ref, rule, op_key);
        ok = v.has_value();
        if (v) show_if.values.push_back(*v);
    }
    if (!ok) return std::nullopt;
    return show_if;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Questions, one reader per type
// -----------------------------------------------------------------------------------------

void ReadSingleChoice(TableReader& t, Question& q, const Languages& languages) {
    q.options = ReadOptions(t, languages, 2, kMaxChoiceOptions, true);
    q.picture_only = t.Bool("picture_only", false);
    if (q.picture_only)
        for (const Option& o : q.options)
            if (o.picture.empty() && !o.id.empty())
                t.Error(
                    "picture_only",
                    fmt::format("every option needs a picture in a picture-only question (\"{}\" has none)",
                                o.id));
}

void ReadMultipleChoice(TableReader& t, Question& q, const Languages& languages) {
    q.options = ReadOptions(t, languages, 2, kMaxChoiceOptions, false);
    const int n = std::max(2, (int)q.options.size());
    q.min_choices = (int)t.Int("min_choices", q.required ? 1 : 0, 0, n);
    q.max_choices = (int)t.Int("max_choices", n, 2, n);
    if (q.required && q.min_choices == 0)
        t.Error("min_choices", "a required question needs at least 1 (or write `required = false`)");
    if (q.min_choices > q.max_choices)
        t.Error("min_choices",
                fmt::format("is more than max_choices ({} > {})", q.min_choices, q.max_choices));
}

void ReadScale(TableReader& t, Question& q, const Languages& languages) {
    q.scale_from = (int)t.Int("from", 1, 0, 1);
    q.scale_to = (int)t.Int("to", 5, q.scale_from + 2, 10);
    q.from_label = RequiredText(t, "from_label", languages);
    q.to_label = RequiredText(t, "to_label", languages);
}

void ReadSmiley(TableReader& t, Question& q) {
    const std::optional<int64_t> faces = t.Int("faces", 3, 5);
    if (faces && *faces != 3 && *faces != 5)
        t.Error("faces", fmt::format("must be 3 or 5 (found {})", *faces));
    q.faces = faces == 5 ? 5 : 3;
    q.options = q.faces == 3 ? FixedOptions({"bad", "neutral", "good"})
                             : FixedOptions({"very_bad", "bad", "neutral", "good", "very_good"});
}

void ReadNumber(TableReader& t, Question& q, const Languages& languages) {
    constexpr int64_t kLimit = 1'000'000'000;
    std::optional<int64_t> min = t.Int("min", -kLimit, kLimit, Need::Required);
    std::optional<int64_t> max = t.Int("max", -kLimit, kLimit, Need::Required);
    if (min && max && *min >= *max)
        t.Error("max", fmt::format("must be more than min ({} ≤ {})", *max, *min));
    q.number_min = min.value_or(0);
    q.number_max = max.value_or(q.number_min + 1);
    q.unit = OptionalText(t, "unit", languages);
}

void ReadPlanPin(TableReader& t, Question& q, const Languages& languages) {
    if (std::optional<std::string> plan = t.String("plan", Need::Required)) {
        q.plan_where = t.Where("plan");
        if (IsSlug(*plan))
            q.plan_id = *plan;
        else
            t.Error("plan", fmt::format("\"{}\" is not a plan id: {}", *plan, kSlugRule));
    }
    q.max_pins = (int)t.Int("max_pins", 3, 1, kMaxPins);
    q.min_pins = (int)t.Int("min_pins", q.required ? 1 : 0, 0, kMaxPins);
    if (q.required && q.min_pins == 0)
        t.Error("min_pins", "a required question needs at least 1 (or write `required = false`)");
    if (q.min_pins > q.max_pins)
        t.Error("min_pins", fmt::format("is more than max_pins ({} > {})", q.min_pins, q.max_pins));
    const std::string detail = t.Choice("pin", {"none", "choice", "comment"}, "none");
    q.pin_detail = detail == "choice"    ? PinDetail::Choice
                   : detail == "comment" ? PinDetail::Comment
                                         : PinDetail::None;
    if (q.pin_detail == PinDetail::Choice)
        q.options = ReadOptions(t, languages, 2, kMaxPinOptions, true); // pictures show on the pins
    else if (t.Has("options")) {
        t.Error("options", "pin options need `pin = \"choice\"`");
        t.Node("options");
    }
    if (q.pin_detail == PinDetail::Comment)
        q.max_length = (int)t.Int("comment_max_length", 200, 1, 500);
    else if (t.Has("comment_max_length")) {
        t.Error("comment_max_length", "needs `pin = \"comment\"`");
        t.Node("comment_max_length");
    }
}

// Reads one [[question]]. `earlier` are the questions before it; `all_ids` maps every
// question id of the file to its line (for show_if messages).
Question ReadQuestion(TableReader& t, const Languages& languages, const std::vector<Question>& earlier,
                      const std::map<std::string, int, std::less<>>& all_ids) {
    Question q;
    q.where = t.Where();
    q.id = ReadId(t, "id");
    std::optional<std::string> type_name = t.String("type", Need::Required);
    std::optional<QuestionType> type = type_name ? ParseQuestionType(*type_name) : std::nullopt;
    if (type_name && !type)
        t.Error("type", fmt::format("\"{}\" is not a question type; use one of: {}", *type_name, TypeList()));
    q.type = type.value_or(QuestionType::SingleChoice);
    q.text = RequiredText(t, "text", languages);
    q.help = OptionalText(t, "help", languages);
    q.required = t.Bool("required", true);
    q.show_if = ReadShowIf(t, earlier, all_ids);
    if (!type) {
        // Type-specific keys cannot be judged: mark every key read so only the type is reported.
        for (const auto& [key, value] : t.Table())
            t.Node(key.str());
        return q;
    }
    switch (q.type) {
    case QuestionType::SingleChoice: ReadSingleChoice(t, q, languages); break;
    case QuestionType::MultipleChoice: ReadMultipleChoice(t, q, languages); break;
    case QuestionType::Scale: ReadScale(t, q, languages); break;
    case QuestionType::Smiley: ReadSmiley(t, q); break;
    case QuestionType::YesNo: q.options = FixedOptions({"yes", "no"}); break;
    case QuestionType::FreeText: q.max_length = (int)t.Int("max_length", 500, 1, 2000); break;
    case QuestionType::Number: ReadNumber(t, q, languages); break;
    case QuestionType::Ranking: q.options = ReadOptions(t, languages, 2, kMaxRankingOptions, false); break;
    case QuestionType::PlanPin: ReadPlanPin(t, q, languages); break;
    }
    t.Finish();
    return q;
}

// -----------------------------------------------------------------------------------------
// [SECTION] The survey file
// -----------------------------------------------------------------------------------------

InformationNotice ReadNotice(TableReader& root, const Languages& languages) {
    InformationNotice notice;
    TableReader t = TableReader::Sub(root, "notice", Need::Required);
    if (!t.Present()) return notice;
    notice.controller = RequiredText(t, "controller", languages);
    notice.purpose = RequiredText(t, "purpose", languages);
    notice.retention = RequiredText(t, "retention", languages);
    notice.rights = RequiredText(t, "rights", languages);
    if (std::optional<std::string> url = t.String("url", Need::Required)) {
        const bool web = url->rfind("https://", 0) == 0 || url->rfind("http://", 0) == 0;
        const bool clean =
            std::none_of(url->begin(), url->end(), [](unsigned char c) { return c <= ' ' || c >= 127; });
        if (!web || !clean || url->size() > 500)
            t.Error("url", "expected a web address such as \"https://www.example.fr/donnees-personnelles\" "
                           "(no spaces, at most 500 characters)");
        else
            notice.url = *url;
    }
    t.Finish();
    return notice;
}

std::optional<CivilDate> ReadDate(TableReader& t, std::string_view key) {
    std::optional<toml::date> date = t.Date(key);
    if (!date) return std::nullopt;
    return CivilDate{date->year, date->month, date->day};
}

// `profile = true`: the block's questions go after the survey's own. A survey question with
// a profile question's id is an error (answers would mix); a missing or refused block leaves
// the survey as it is, with a warning (its own questions are still worth asking).
void AppendProfile(Survey& s, std::vector<TableReader>& readers, TableReader& root,
                   const ProfileBlock* profile) {
    if (!profile || profile->Empty()) {
        root.Warning("profile", "the profile block is not loaded (its file is missing or refused): this "
                                "survey runs without it");
        return;
    }
    bool clash = false;
    for (size_t i = 0; i < s.questions.size() && i < readers.size(); i++) {
        for (const Question& p : profile->questions) {
            if (p.id != s.questions[i].id) continue;
            readers[i].Error("id", fmt::format("question id \"{}\" is also a question of the profile block "
                                               "({}:{}): rename this one",
                                               p.id, p.where.file, p.where.line));
            clash = true;
        }
    }
    if (clash) return;
    s.profile_first = (int)s.questions.size();
    s.profile_why = profile->why;
    s.questions.insert(s.questions.end(), profile->questions.begin(), profile->questions.end());
}

} // namespace

LocalizedText RequiredText(TableReader& t, std::string_view key, const Languages& languages) {
    LocalizedText text = t.Localized(key, languages, Need::Required);
    for (const auto& [language, value] : text.All())
        if (IsBlank(value)) t.Error(key, fmt::format("the \"{}\" text is empty", language));
    return text;
}

std::vector<Question> ReadQuestionArray(TableReader& root, const Languages& languages,
                                        std::vector<TableReader>& readers) {
    std::vector<Question> questions;
    readers = root.TableArray("question", Need::Required);
    // Every id with its line first, so that show_if can tell "unknown" from "later".
    std::map<std::string, int, std::less<>> all_ids;
    for (TableReader& t : readers)
        if (const toml::node* id = t.Table().get("id"); id && id->is_string())
            all_ids.emplace(id->as_string()->get(), t.Where("id").line);
    std::map<std::string, int, std::less<>> seen;
    for (TableReader& t : readers) {
        Question q = ReadQuestion(t, languages, questions, all_ids);
        if (!q.id.empty()) {
            if (auto it = seen.find(q.id); it != seen.end())
                t.Error("id", fmt::format("question id \"{}\" is already used on line {}", q.id, it->second));
            else
                seen.emplace(q.id, t.Where("id").line);
        }
        questions.push_back(std::move(q));
    }
    return questions;
}

std::optional<Survey> LoadSurveyFile(const std::filesystem::path& file, const Languages& languages,
                                     Diagnostics& diags, const ProfileBlock* profile) {
    const int errors_before = diags.ErrorCount();
    std::optional<toml::table> table = ParseTomlFile(file, diags);
    if (!table) return std::nullopt;
    TableReader root(*table, "", file.string(), diags);

    Survey s;
    s.file = AbsolutePath(file).lexically_normal();
    s.id = ReadId(root, "id");
    s.id_where = root.Where("id");
    s.version = root.Int("version", 1, 1'000'000'000, Need::Required).value_or(1);
    s.mode =
        root.Choice("mode", {"survey", "poll"}, "survey") == "poll" ? SurveyMode::Poll : SurveyMode::Survey;
    s.timeout = root.Choice("timeout", {"discard", "keep_partial"}, "discard") == "keep_partial"
                    ? TimeoutPolicy::KeepPartial
                    : TimeoutPolicy::Discard;
    s.active_from = ReadDate(root, "active_from");
    s.active_to = ReadDate(root, "active_to");
    if (s.active_from && s.active_to && *s.active_to < *s.active_from)
        root.Error("active_to", "is before active_from");
    s.results_public_from = ReadDate(root, "results_public_from");
    s.title = RequiredText(root, "title", languages);
    s.introduction = s.mode == SurveyMode::Survey ? RequiredText(root, "introduction", languages)
                                                  : OptionalText(root, "introduction", languages);
    s.thanks = RequiredText(root, "thanks", languages);
    s.notice = ReadNotice(root, languages);

    const bool poll = s.mode == SurveyMode::Poll;
    if (poll) {
        s.show_results = root.Bool("show_results", false);
        TableReader burst = TableReader::Sub(root, "burst");
        s.burst.max_votes = (int)burst.Int("max_votes", s.burst.max_votes, 1, 1000);
        s.burst.window_seconds = (int)burst.Int("window_seconds", s.burst.window_seconds, 1, 3600);
        burst.Finish();
        if (root.Has("profile")) {
            root.Error("profile", "a poll is answered in one tap: only surveys (`mode = \"survey\"`) can "
                                  "include the profile block");
            root.Node("profile");
        }
    } else {
        for (const char* key : {"show_results", "burst"}) {
            if (!root.Has(key)) continue;
            root.Error(key, "only polls (`mode = \"poll\"`) have this");
            root.Node(key);
        }
        s.asks_profile = root.Bool("profile", false);
    }

    std::vector<TableReader> readers;
    s.questions = ReadQuestionArray(root, languages, readers);
    if (poll) {
        if (readers.size() != 1 && root.Has("question"))
            root.Error("question", fmt::format("a poll has exactly one question (found {})", readers.size()));
        if (readers.size() == 1) {
            Question& q = s.questions[0];
            if (!IsPollQuestionType(q.type))
                readers[0].Error("type",
                                 fmt::format("a poll's question is answered in one tap: use single_choice, "
                                             "yes_no or smiley, not {}",
                                             ToString(q.type)));
            if (!q.required) readers[0].Error("required", "a poll's question is always required");
        }
    } else if ((int)readers.size() > kMaxQuestions) {
        root.Error("question", fmt::format("at most {} questions (found {})", kMaxQuestions, readers.size()));
    }
    if (s.asks_profile) AppendProfile(s, readers, root, profile);
    root.Finish();

    if (diags.ErrorCount() > errors_before) return std::nullopt;
    return s;
}

// -----------------------------------------------------------------------------------------
// [SECTION] The directory, cross-checks, texts
// -----------------------------------------------------------------------------------------

std::vector<Survey> LoadSurveys(const std::filesystem::path& dir, const Languages& languages,
                                Diagnostics& diags, const ProfileBlock* profile,
                                const std::filesystem::path& profile_file) {
    std::vector<Survey> surveys;
    std::error_code ec;
    std::vector<std::filesystem::path> files = ListFiles(dir, ".toml", ec); // none if it is missing
    if (ec) diags.Error({dir.string()}, fmt::format("cannot list the surveys directory: {}", ec.message()));
    // Hidden files (an editor's backup) are no surveys.
    std::erase_if(files,
                  [](const std::filesystem::path& file) { return file.filename().string()[0] == '.'; });
    // The profile block may sit among the surveys (config/surveys/profile.toml): it is no survey.
    if (!profile_file.empty())
        std::erase_if(files, [&](const std::filesystem::path& file) {
            std::error_code same_ec;
            return std::filesystem::equivalent(file, profile_file, same_ec);
        });

    std::map<std::string, std::filesystem::path, std::less<>> ids;
    for (const std::filesystem::path& file : files) {
        std::optional<Survey> survey = LoadSurveyFile(file, languages, diags, profile);
        if (!survey) continue;
        if (auto it = ids.find(survey->id); it != ids.end()) {
            diags.Error(survey->id_where,
                        fmt::format("id: survey id \"{}\" is already used by {}; this file is "
                                    "left out",
                                    survey->id, it->second.string()));
            continue;
        }
        ids.emplace(survey->id, file);
        surveys.push_back(std::move(*survey));
    }
    return surveys;
}

int CheckSurveyPlanReferences(std::vector<Survey>& surveys,
                              const std::function<bool(std::string_view plan_id)>& plan_exists,
                              Diagnostics& diags) {
    const size_t before = surveys.size();
    std::erase_if(surveys, [&](const Survey& survey) {
        bool broken = false;
        for (const Question& q : survey.questions) {
            if (q.type != QuestionType::PlanPin || plan_exists(q.plan_id)) continue;
            diags.Error(q.plan_where, fmt::format("question \"{}\": plan \"{}\" is not a plan of the content "
                                                  "section; survey \"{}\" is left out",
                                                  q.id, q.plan_id, survey.id));
            broken = true;
        }
        return broken;
    });
    return (int)(before - surveys.size());
}

void ForEachSurveyText(const Survey& survey, const std::function<void(std::string_view text)>& visit) {
    auto all = [&](const LocalizedText& text) {
        for (const auto& [language, value] : text.All())
            visit(value);
    };
    for (const LocalizedText* text :
         {&survey.title, &survey.introduction, &survey.thanks, &survey.notice.controller,
          &survey.notice.purpose, &survey.notice.retention, &survey.notice.rights, &survey.profile_why})
        all(*text);
    visit(survey.notice.url);
    for (const Question& q : survey.questions) {
        for (const LocalizedText* text : {&q.text, &q.help, &q.from_label, &q.to_label, &q.unit})
            all(*text);
        for (const Option& o : q.options)
            all(o.label);
    }
}

} // namespace kiosk
