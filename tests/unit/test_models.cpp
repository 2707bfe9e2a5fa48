// The joint Barnrättsresan plan through the loader's resolver interface: no
// files, only texts, as the core sees them.

#include "support.hpp"

#include <barnplan/loader.hpp>
#include <barnplan/report.hpp>
#include <barnplan/rules.hpp>

#include <doctest/doctest.h>

#include <map>

namespace {

using barnplan::Date;
using barnplan::LoadResult;

class MapResolver final : public barnplan::SourceResolver {
public:
    std::map<std::string, std::string, std::less<>> files;
    [[nodiscard]] barnplan::ResolvedSources resolve(std::string_view pattern) const override
    {
        barnplan::ResolvedSources out;
        auto it = files.find(pattern);
        if (it == files.end()) {
            out.error = {"no such file", "ingen sådan fil"};
        } else {
            out.files.push_back({it->first, it->second});
        }
        return out;
    }
};

const std::string k_plan = R"(barnplan: 1
model: barnrattsresan
language: en
period: { start: 2025-09-01, end: 2027-08-31 }
ambition: Knowledge first.
areas:
  - { id: knowledge, title: Living conditions, goal: We know more. }
departments: [a.yaml, missing.yaml]
)";

} // namespace

TEST_CASE("department files load through the resolver and findings name them")
{
    MapResolver resolver;
    resolver.files["a.yaml"] = "department: A\nactivities:\n  - id: A.1\n    area: knowlege\n    what: Survey\n"
                               "    who: Unit\n    due: 2026-05-01\n    resources: One\n    indicators: Rate\n";
    const LoadResult loaded = barnplan::load_plan(k_plan, "plan.yaml", {}, &resolver);
    REQUIRE(loaded.plan.has_value());
    REQUIRE(loaded.plan->departments.size() == 1);
    CHECK(loaded.plan->departments[0].name.value == "A");
    CHECK(loaded.plan->departments[0].file == "a.yaml");
    REQUIRE(loaded.sources.size() == 1);
    // The unresolvable entry is the loader's finding, on the plan's line.
    const barnplan::Diagnostic* missing = barnplan::test::find_diagnostic(loaded.diagnostics, "department-file");
    REQUIRE(missing != nullptr);
    CHECK(missing->file == "plan.yaml");
    CHECK(missing->position.line == 8);

    const barnplan::Diagnostics found = barnplan::check_plan(*loaded.plan, {*Date::parse("2026-01-01")});
    const barnplan::Diagnostic* area = barnplan::test::find_diagnostic(found, "activity-area");
    REQUIRE(area != nullptr);
    CHECK(area->file == "a.yaml");
    CHECK(area->position.line == 4);
    CHECK(area->hint.en == "did you mean 'knowledge'?");

    SUBCASE("without a resolver the departments are not loaded, and nothing is read")
    {
        const LoadResult alone = barnplan::load_plan(k_plan, "plan.yaml");
        REQUIRE(alone.plan.has_value());
        CHECK(alone.plan->departments.empty());
        CHECK(alone.plan->department_paths.size() == 2);
        CHECK(alone.diagnostics.empty());
    }
    SUBCASE("the report lists the department and filters by name")
    {
        barnplan::ReportOptions options;
        options.as_of = *Date::parse("2026-06-01");
        options.department = "a";
        const barnplan::PlanReport report = barnplan::build_report(*loaded.plan, options);
        REQUIRE(report.barnrattsresan.has_value());
        REQUIRE(report.barnrattsresan->departments.size() == 1);
        CHECK(report.barnrattsresan->departments[0].activities.at(0).late);
        options.department = "B";
        CHECK(barnplan::build_report(*loaded.plan, options).barnrattsresan->departments.empty());
    }
}

TEST_CASE("the partnership report's coordinating trio: previous, this and the next joint host")
{
    const std::string plan = R"(barnplan: 1
model: partnership
period: { start: 2025-01-01, end: 2025-12-31 }
members:
  - { id: a, municipality: Aby }
  - { id: b, municipality: Bby }
meetings:
  - { date: 2025-10-01, kind: joint, host: b }
  - { date: 2025-02-01, kind: officials, host: a }
  - { date: 2025-03-01, kind: joint, host: a }
  - { date: 2025-11-01, kind: joint, host: x }
)";
    const LoadResult loaded = barnplan::load_plan(plan, "plan.yaml");
    REQUIRE(loaded.plan.has_value());
    barnplan::ReportOptions options;
    options.as_of = *Date::parse("2025-06-01");
    const barnplan::PlanReport report = barnplan::build_report(*loaded.plan, options);
    REQUIRE(report.partnership.has_value());
    const auto& meetings = report.partnership->meetings;
    REQUIRE(meetings.size() == 4);
    CHECK(meetings[0].trio.empty()); // officials: no trio
    CHECK(meetings[1].trio == std::vector<std::string>{"", "Aby", "Bby"});
    CHECK(meetings[2].trio == std::vector<std::string>{"Aby", "Bby", "x"});
    CHECK(meetings[3].trio == std::vector<std::string>{"Bby", "x", ""});
}
