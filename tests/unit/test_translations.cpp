// Every user-facing text exists in English and in Swedish. The fixed tables
// (rule catalog, gates, report labels and statuses) are checked entry by
// entry; the texts built at run time (diagnostics, gate failures, report
// reasons, diff entries) are checked on every plan the repository holds, so
// that a message added without its Swedish side fails here and not in a
// council meeting. tests/check_translations.py scans the sources for
// Text pairs with an empty side, which this cannot reach.

#include <barnplan/config.hpp>
#include <barnplan/diff.hpp>
#include <barnplan/lifecycle.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/report.hpp>
#include <barnplan/report_render.hpp>
#include <barnplan/rules.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using barnplan::Diagnostic;
using barnplan::Diagnostics;
using barnplan::Text;

namespace {

namespace fs = std::filesystem;

/// Both sides written, and different unless the word is the same in both
/// languages (`same_allowed`).
void check_text(const Text& text, const std::string& where, bool same_allowed = false)
{
    INFO(where);
    INFO("en: " << text.en);
    INFO("sv: " << text.sv);
    CHECK_FALSE(text.en.empty());
    CHECK_FALSE(text.sv.empty());
    if (!same_allowed) {
        CHECK(text.en != text.sv);
    }
}

/// An optional text (a hint, a reason): both sides or neither.
void check_optional_text(const Text& text, const std::string& where)
{
    INFO(where);
    INFO("en: " << text.en);
    INFO("sv: " << text.sv);
    CHECK(text.en.empty() == text.sv.empty());
    if (!text.en.empty()) {
        CHECK(text.en != text.sv);
    }
}

void check_diagnostics(const Diagnostics& diagnostics, const std::string& file)
{
    // The YAML parser's own message is what the library says, in English only.
    static const std::set<std::string> k_untranslated{"yaml-syntax"};
    for (const Diagnostic& d : diagnostics) {
        const std::string where = file + ":" + std::to_string(d.position.line) + " [" + d.rule + "]";
        check_text(d.message, where, k_untranslated.count(d.rule) != 0);
        check_optional_text(d.hint, where + " hint");
    }
}

/// Every YAML file of the repository's examples and test cases: hundreds of
/// plans, good and broken, that between them fire every rule and gate.
std::vector<fs::path> plan_files()
{
    std::vector<fs::path> out;
    for (const char* dir : {"examples", "tests/cases"}) {
        const fs::path root = fs::path(BARNPLAN_SOURCE_DIR) / dir;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            const std::string ext = entry.path().extension().string();
            if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
                out.push_back(entry.path());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace

TEST_CASE("translations: every rule of the catalog in English and Swedish")
{
    REQUIRE(barnplan::rule_catalog().size() > 50);
    for (const barnplan::RuleInfo& rule : barnplan::rule_catalog()) {
        check_text(rule.summary, std::string(rule.id));
    }
}

TEST_CASE("translations: every gate of every lifecycle in English and Swedish")
{
    REQUIRE_FALSE(barnplan::all_gates().empty());
    for (const barnplan::Gate* gate : barnplan::all_gates()) {
        check_text(gate->summary, std::string(gate->id));
    }
}

TEST_CASE("translations: every report label, status, basis, action status, model and stage")
{
    // Words that are the same in Swedish.
    static const std::set<std::string_view> k_same{"plan", "period", "start", "status", "id"};
    const auto labels = barnplan::words::all_labels();
    REQUIRE(labels.size() > 40);
    for (const auto& [key, text] : labels) {
        check_text(text, "label " + std::string(key), k_same.count(key) != 0);
    }
    using barnplan::Status;
    for (Status s : {Status::on_track, Status::at_risk, Status::late, Status::achieved, Status::cannot_assess}) {
        check_text(barnplan::status_label(s), "status " + std::string(barnplan::to_string(s)));
    }
    using barnplan::GoalBasis;
    for (GoalBasis b : {GoalBasis::process_indicator, GoalBasis::children_views, GoalBasis::free_choice}) {
        check_text(barnplan::words::basis(b), "basis");
    }
    using barnplan::ActionStatus;
    for (ActionStatus a : {ActionStatus::planned, ActionStatus::started, ActionStatus::done, ActionStatus::dropped}) {
        check_text(barnplan::words::action_status(a), "action status");
    }
    for (const barnplan::Lifecycle& lifecycle : barnplan::lifecycles()) {
        // Barnrättsresan is a name, the same in every language.
        check_text(barnplan::words::model(lifecycle.model), "model",
                   lifecycle.model == barnplan::Model::barnrattsresan);
        for (std::string_view stage : lifecycle.stages) {
            const Text text = barnplan::words::stage(stage);
            check_text(text, "stage " + std::string(stage));
            // An unknown stage comes back as itself: the table lacks it.
            CHECK_MESSAGE(text.sv != stage, "stage ", stage, " has no Swedish name in words::stage");
        }
    }
}

TEST_CASE(
    "translations: every diagnostic, gate failure, report reason and diff entry built from the repository's plans")
{
    const std::vector<fs::path> files = plan_files();
    REQUIRE(files.size() > 100);
    const barnplan::Date today = *barnplan::Date::from_ymd(2026, 11, 23);
    std::set<std::string> rules_seen;
    std::size_t plans = 0;
    for (const fs::path& path : files) {
        const std::string name = fs::relative(path, BARNPLAN_SOURCE_DIR).string();
        const std::string text = read(path);
        if (path.filename() == barnplan::k_config_file_name) {
            check_diagnostics(barnplan::parse_config(text, name).diagnostics, name);
            continue;
        }
        const barnplan::LoadResult loaded = barnplan::load_plan(text, name);
        check_diagnostics(loaded.diagnostics, name);
        if (!loaded.plan) {
            continue;
        }
        ++plans;
        const barnplan::Plan& plan = *loaded.plan;
        Diagnostics problems = loaded.diagnostics;
        const Diagnostics found = barnplan::check_plan(plan, barnplan::RuleContext{today});
        check_diagnostics(found, name);
        problems.insert(problems.end(), found.begin(), found.end());
        for (const Diagnostic& d : problems) {
            rules_seen.insert(d.rule);
        }
        if (plan.model.ok()) {
            for (const barnplan::Transition& t : barnplan::lifecycle_of(plan.model.value).transitions) {
                barnplan::AdvanceRequest request;
                request.from = std::string(t.from);
                request.to = std::string(t.to);
                request.date = today;
                const Diagnostics unmet = barnplan::check_gates(plan, request, problems);
                check_diagnostics(unmet, name + " " + request.from + "→" + request.to);
                for (const Diagnostic& d : unmet) {
                    rules_seen.insert(d.rule);
                }
            }
        }
        barnplan::ReportOptions options;
        options.as_of = today;
        const barnplan::PlanReport report = barnplan::build_report(plan, options);
        for (const barnplan::GoalSection& g : report.goals) {
            for (const barnplan::MeterLine& m : g.meters) {
                check_optional_text(m.reason, name + " " + m.id + " reason");
            }
        }
        for (const barnplan::Upcoming& u : report.upcoming) {
            check_text(u.kind, name + " upcoming " + u.id);
        }
        if (report.evaluation) {
            for (const barnplan::EvaluationLine& e : report.evaluation->steps) {
                check_text(e.what, name + " evaluation " + e.key);
            }
            for (const barnplan::ReadinessItem& r : report.evaluation->readiness) {
                check_text(r.what, name + " readiness " + r.key);
            }
        }
        for (const barnplan::Change& c : barnplan::diff_plans(barnplan::Plan{}, plan).changes) {
            check_text(c.what, name + " diff " + c.subject, c.what.en == "plan");
        }
    }
    CHECK(plans > 100);
    // The plans reach most rules and gates; a rule no plan fires is still
    // covered by the catalog test and the source scan.
    CHECK(rules_seen.size() > 60);
}
