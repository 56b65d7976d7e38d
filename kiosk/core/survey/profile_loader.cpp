#include "survey/profile_loader.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "base/path_probe.h"
#include "config/toml_reader.h"
#include "survey/survey_loader.h"

namespace kiosk {

namespace {

constexpr int64_t kMaxPeople = 100'000'000; // a neighbourhood, a town: never more

std::string IdList(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids)
        out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", id);
    return out.empty() ? "none" : out;
}

// The block's own rules, on top of the survey question syntax: what makes its answers
// donated (optional, "prefer not to say") and countable across surveys (fixed ids).
void CheckProfileQuestion(const Question& q, TableReader& t) {
    if (!q.id.empty() && !q.id.starts_with(kProfileIdPrefix))
        t.Error("id", fmt::format("\"{}\": a profile question's id starts with \"{}\" (e.g. \"{}age\"), so "
                                  "that no survey question takes it",
                                  q.id, kProfileIdPrefix, kProfileIdPrefix));
    if (q.required) {
        const std::string message = "a profile question is always optional: write `required = false`";
        if (t.Has("required"))
            t.Error("required", message);
        else
            t.Diags().Error(q.where, fmt::format("question \"{}\": {}", q.id, message));
    }
    switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
        if (t.Has("options") && !q.FindOption(kPreferNotToSay))
            t.Error("options",
                    fmt::format("a profile question offers \"prefer not to say\": add the option "
                                "{{ id = \"{}\", label = {{ fr = \"Je préfère ne pas répondre\", … }} }}",
                                kPreferNotToSay));
        break;
    case QuestionType::PlanPin: break; // leaving the plan empty says it
    default:
        t.Error("type", fmt::format("a profile question is a single_choice, multiple_choice or plan_pin "
                                    "question (one that can offer \"prefer not to say\"), not {}",
                                    ToString(q.type)));
    }
}

// [population]: `source`, `example`, then per question `profil-… = { option = people, … }`.
ReferencePopulation ReadPopulation(TableReader& root, const std::vector<Question>& questions,
                                   const Languages& languages) {
    ReferencePopulation population;
    TableReader t = TableReader::Sub(root, "population");
    if (!t.Present()) return population;
    population.source = RequiredText(t, "source", languages);
    population.example = t.Bool("example", false);
    std::vector<std::string> question_ids;
    for (const Question& q : questions)
        question_ids.push_back(q.id);
    for (const auto& [key, node] : t.Table()) {
        const std::string id(key.str());
        if (id == "source" || id == "example") continue;
        const auto q = std::find_if(questions.begin(), questions.end(),
                                    [&](const Question& question) { return question.id == id; });
        if (q == questions.end()) {
            t.Error(id, fmt::format("unknown question \"{}\" (the profile's questions: {})", id,
                                    IdList(question_ids)));
            t.Node(id);
            continue;
        }
        TableReader counts = TableReader::Sub(t, id); // not a table: reported by Sub
        if (!counts.Present()) continue;
        std::vector<std::string> option_ids;
        for (const Option& o : q->options)
            if (o.id != kPreferNotToSay) option_ids.push_back(o.id);
        ReferenceDimension dimension{id, {}};
        for (const auto& [option_key, value] : counts.Table()) {
            const std::string option(option_key.str());
            const toml::node* figure = counts.Node(option);
            if (option == kPreferNotToSay) {
                counts.Error(option, "\"prefer not to say\" has no figure in a census: leave it out");
                continue;
            }
            if (!q->FindOption(option)) {
                counts.Error(option, fmt::format("unknown option \"{}\" of question \"{}\" (its options: {})",
                                                 option, id, IdList(option_ids)));
                continue;
            }
            if (!figure->is_integer()) {
                counts.Error(option,
                             fmt::format("expected a number of people, found {}", TomlTypeName(*figure)));
                continue;
            }
            const int64_t people = figure->as_integer()->get();
            if (people < 0)
                counts.Error(option, fmt::format("a number of people cannot be negative (found {})", people));
            else if (people > kMaxPeople)
                counts.Error(option, fmt::format("more than {} people (found {})", kMaxPeople, people));
            else
                dimension.counts.push_back({option, people});
        }
        counts.Finish();
        // In the question's order (TOML tables are read sorted by key): the age bands young to old.
        auto option_index = [&](const ReferenceCount& c) {
            return std::find_if(q->options.begin(), q->options.end(),
                                [&](const Option& o) { return o.id == c.option_id; }) -
                   q->options.begin();
        };
        std::sort(dimension.counts.begin(), dimension.counts.end(),
                  [&](const ReferenceCount& a, const ReferenceCount& b) {
                      return option_index(a) < option_index(b);
                  });
        population.dimensions.push_back(std::move(dimension));
    }
    t.Finish();
    auto question_index = [&](const ReferenceDimension& d) {
        return std::find(question_ids.begin(), question_ids.end(), d.question_id) - question_ids.begin();
    };
    std::sort(population.dimensions.begin(), population.dimensions.end(),
              [&](const ReferenceDimension& a, const ReferenceDimension& b) {
                  return question_index(a) < question_index(b);
              });
    return population;
}

} // namespace

std::optional<ProfileBlock> LoadProfileFile(const std::filesystem::path& file, const Languages& languages,
                                            Diagnostics& diags) {
    const int errors_before = diags.ErrorCount();
    std::optional<toml::table> table = ParseTomlFile(file, diags);
    if (!table) return std::nullopt;
    TableReader root(*table, "", file.string(), diags);

    ProfileBlock block;
    block.why = RequiredText(root, "why", languages);
    std::vector<TableReader> readers;
    block.questions = ReadQuestionArray(root, languages, readers);
    for (size_t i = 0; i < block.questions.size() && i < readers.size(); i++)
        CheckProfileQuestion(block.questions[i], readers[i]);
    block.population = ReadPopulation(root, block.questions, languages);
    root.Finish();

    if (diags.ErrorCount() > errors_before) return std::nullopt;
    block.file = AbsolutePath(file).lexically_normal();
    return block;
}

ProfileBlock LoadConfiguredProfile(const KioskConfig& config, Diagnostics& diags) {
    const std::filesystem::path& file = config.paths.profile;
    // A profile written in [paths] but missing is the configuration's error (config.cpp).
    if (file.empty() || ProbePath(file).Missing()) return {};
    return LoadProfileFile(file, config.languages, diags).value_or(ProfileBlock{});
}

bool CheckProfilePlanReferences(ProfileBlock& block,
                                const std::function<bool(std::string_view plan_id)>& plan_exists,
                                Diagnostics& diags) {
    bool sound = true;
    for (const Question& q : block.questions) {
        if (q.type != QuestionType::PlanPin || plan_exists(q.plan_id)) continue;
        diags.Error(q.plan_where,
                    fmt::format("question \"{}\": plan \"{}\" is not a plan of the content section; "
                                "the profile block is left out",
                                q.id, q.plan_id));
        sound = false;
    }
    if (!sound) block = ProfileBlock{};
    return sound;
}

void ForEachProfileText(const ProfileBlock& block, const std::function<void(std::string_view text)>& visit) {
    for (const auto& [language, value] : block.population.source.All())
        visit(value);
}

} // namespace kiosk
