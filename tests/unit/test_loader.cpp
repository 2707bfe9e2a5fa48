#include "support.hpp"

#include <barnplan/loader.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using barnplan::Diagnostic;
using barnplan::Diagnostics;
using barnplan::LoadResult;
using barnplan::test::count_rule;
using barnplan::test::describe;
using barnplan::test::find_diagnostic;
using barnplan::test::joined_ids;
using barnplan::test::load;
using barnplan::test::locate;
using barnplan::test::with;

namespace {

/// A small plan the loader accepts without a finding; tests change one thing.
const std::string k_plan = R"(barnplan: 1
model: unicef-bvk
language: sv
municipality: Exempelby kommun
period: { start: 2025-01-01, end: 2026-12-31 }
stage: implementing
vision: Alla barn blir hörda.
goals:
  - id: G1
    title: Barnkonsekvensanalys används i beslut
    basis: process-indicator
    indicator: "P2.1"
    welfare_area: false
    start_level: 1
    target_level: 3
    actions:
      - id: G1.A1
        what: Utbilda beredare
        who: Kommunkansliet
        due: 2025-10-31
        status: done
        recurring: true
      - id: G1.A2
        what: Följ upp mallen
        who: Kommunkansliet
        depends_on: [G1.A1]
    meters:
      - id: G1.M1
        what: Andel ärenden med analys
        kind: percent
        unit: "%"
        baseline: 10
        target: 80
        due: 2026-10-31
        measurements:
          - { date: 2025-11-20, value: 35.5 }
      - id: G1.M2
        what: Arbetsgruppen är tillsatt
        kind: yes-no
        baseline: false
        target: true
      - id: G1.M3
        what: Nivå för indikatorn
        kind: level
        baseline: 1
        target: 3
meetings:
  - { date: 2025-03-01, kind: coordination-group, goals: [G1] }
history:
  - { date: 2025-03-14, stage: unicef-approved, by: UNICEF }
)";

/// The one finding of `rule` in the loader's findings for `text`; fails the
/// test when there is none or more than one.
Diagnostic only(std::string_view text, std::string_view rule)
{
    const LoadResult result = load(text);
    INFO("findings:\n" << describe(result.diagnostics));
    REQUIRE(count_rule(result.diagnostics, rule) == 1);
    return *find_diagnostic(result.diagnostics, rule);
}

void check_points_at(const Diagnostic& d, std::string_view text, std::string_view token, std::size_t from = 0)
{
    const auto where = locate(text, token, from);
    CHECK(d.position.line == where.line);
    CHECK(d.position.column == where.column);
    CHECK(d.position.offset == where.offset);
}

} // namespace

TEST_CASE("the base plan of the loader tests loads without a finding")
{
    const LoadResult result = load(k_plan);
    INFO(describe(result.diagnostics));
    CHECK(result.diagnostics.empty());
    CHECK(result.is_plan);
    REQUIRE(result.plan.has_value());
    CHECK(result.plan->file == barnplan::test::k_file);
}

TEST_CASE("values land in the Plan with their positions")
{
    const LoadResult result = load(k_plan);
    REQUIRE(result.plan.has_value());
    const barnplan::Plan& plan = *result.plan;

    SUBCASE("top level")
    {
        CHECK(plan.format_version.ok());
        CHECK(plan.format_version.value == 1);
        CHECK(plan.model.ok());
        CHECK(plan.model.value == barnplan::Model::unicef_bvk);
        CHECK(plan.language.value == barnplan::Language::sv);
        CHECK(plan.municipality.value == "Exempelby kommun");
        REQUIRE(plan.period_start.ok());
        CHECK(plan.period_start.value.iso() == "2025-01-01");
        CHECK(plan.period_end.value.iso() == "2026-12-31");
        CHECK(plan.period.line == locate(k_plan, "period:").line);
        CHECK(plan.stage.value == "implementing");
        CHECK(plan.goals_key.line == locate(k_plan, "goals:").line);
        CHECK_FALSE(plan.strategy_link.present);
    }
    SUBCASE("a goal's start level, its key and its value position")
    {
        REQUIRE(plan.goals.size() == 1);
        const barnplan::Goal& g = plan.goals[0];
        CHECK(g.id.value == "G1");
        CHECK(g.basis.value == barnplan::GoalBasis::process_indicator);
        CHECK(g.indicator.value == "P2.1");
        REQUIRE(g.start_level.ok());
        CHECK(g.start_level.value == 1);
        const auto key = locate(k_plan, "start_level");
        CHECK(g.start_level.key.line == key.line);
        CHECK(g.start_level.key.column == 5);
        CHECK(g.start_level.key.offset == key.offset);
        CHECK(g.start_level.at.line == key.line);
        CHECK(g.start_level.at.column == 18);
        CHECK(g.target_level.value == 3);
        CHECK(g.welfare_area.ok());
        CHECK_FALSE(g.welfare_area.value);
        CHECK_FALSE(g.current_level.present);
    }
    SUBCASE("actions")
    {
        const barnplan::Goal& g = plan.goals.at(0);
        REQUIRE(g.actions.size() == 2);
        const barnplan::Action& a = g.actions[0];
        CHECK(a.id.value == "G1.A1");
        CHECK(a.who.value == "Kommunkansliet");
        CHECK(a.due.value.iso() == "2025-10-31");
        CHECK(a.status.value == barnplan::ActionStatus::done);
        CHECK(a.recurring.ok());
        CHECK(a.recurring.value);
        REQUIRE(g.actions[1].depends_on.size() == 1);
        CHECK(g.actions[1].depends_on[0].value == "G1.A1");
        CHECK_FALSE(g.actions[1].status.present);
    }
    SUBCASE("meters and their values by kind")
    {
        const barnplan::Goal& g = plan.goals.at(0);
        REQUIRE(g.meters.size() == 3);
        const barnplan::Meter& percent = g.meters[0];
        CHECK(percent.kind.value == barnplan::MeterKind::percent);
        CHECK(percent.unit.value == "%");
        CHECK(percent.baseline.value.number == doctest::Approx(10));
        CHECK(percent.target.value.number == doctest::Approx(80));
        REQUIRE(percent.measurements.size() == 1);
        CHECK(percent.measurements[0].date.value.iso() == "2025-11-20");
        CHECK(percent.measurements[0].value.value.number == doctest::Approx(35.5));
        CHECK_FALSE(percent.measurements[0].value.value.is_boolean);

        const barnplan::Meter& yes_no = g.meters[1];
        CHECK(yes_no.kind.value == barnplan::MeterKind::yes_no);
        CHECK(yes_no.target.value.is_boolean);
        CHECK(yes_no.target.value.number == doctest::Approx(1));
        CHECK(yes_no.baseline.value.is_boolean);
        CHECK(yes_no.baseline.value.number == doctest::Approx(0));

        CHECK(g.meters[2].kind.value == barnplan::MeterKind::level);
    }
    SUBCASE("a meter without kind is a number meter")
    {
        const LoadResult r = load(with(k_plan, "        kind: percent\n", ""));
        REQUIRE(r.plan.has_value());
        const barnplan::Meter& m = r.plan->goals.at(0).meters.at(0);
        CHECK_FALSE(m.kind.present);
        CHECK(m.kind.value == barnplan::MeterKind::number);
    }
    SUBCASE("meetings and history")
    {
        REQUIRE(plan.meetings.size() == 1);
        CHECK(plan.meetings[0].kind.value == "coordination-group");
        REQUIRE(plan.meetings[0].goals.size() == 1);
        CHECK(plan.meetings[0].goals[0].value == "G1");
        REQUIRE(plan.history.size() == 1);
        CHECK(plan.history[0].stage.value == "unicef-approved");
        CHECK(plan.history[0].by.value == "UNICEF");
    }
}

TEST_CASE("the example plans load without a finding")
{
    struct Example {
        std::string_view file;
        std::size_t goals;
        std::size_t actions;
        std::size_t meters;
    };
    for (const Example& example : {Example{"exempelby.yaml", 6, 23, 13}, Example{"riverton.yaml", 5, 13, 8}}) {
        CAPTURE(example.file);
        const std::string text = barnplan::test::read_example(example.file);
        const LoadResult result = barnplan::load_plan(text, std::string(example.file));
        INFO(describe(result.diagnostics));
        CHECK(result.diagnostics.empty());
        CHECK(result.is_plan);
        REQUIRE(result.plan.has_value());
        const barnplan::Plan& plan = *result.plan;
        CHECK(plan.goals.size() == example.goals);
        std::size_t actions = 0;
        std::size_t meters = 0;
        for (const barnplan::Goal& g : plan.goals) {
            actions += g.actions.size();
            meters += g.meters.size();
            CHECK(g.id.ok());
        }
        CHECK(actions == example.actions);
        CHECK(meters == example.meters);
        CHECK(plan.model.value == barnplan::Model::unicef_bvk);
        CHECK(plan.period_start.ok());
        CHECK(plan.period_end.ok());
    }
}

TEST_CASE("an unknown key is reported with a did-you-mean hint")
{
    SUBCASE("a typo of a goal key")
    {
        const std::string text = with(k_plan, "    title:", "    tile:");
        const Diagnostic d = only(text, "unknown-key");
        check_points_at(d, text, "tile:");
        CHECK(d.message.en.find("'tile'") != std::string::npos);
        CHECK(d.hint.en.find("'title'") != std::string::npos);
        CHECK(d.hint.sv.find("'title'") != std::string::npos);
    }
    SUBCASE("the Swedish word for a key")
    {
        const std::string text = with(k_plan, "    title:", "    titel:");
        const Diagnostic d = only(text, "unknown-key");
        CHECK(d.hint.en.find("'title'") != std::string::npos);
    }
    SUBCASE("a Swedish word for a key on an action")
    {
        const std::string text =
            with(k_plan, "        who: Kommunkansliet\n        due:", "        ansvarig: Kommunkansliet\n        due:");
        const Diagnostic d = only(text, "unknown-key");
        CHECK(d.hint.en.find("'who'") != std::string::npos);
    }
    SUBCASE("a typo at the top level")
    {
        const std::string text = with(k_plan, "vision:", "visoin:");
        const Diagnostic d = only(text, "unknown-key");
        CHECK(d.position.column == 1);
        CHECK(d.hint.en.find("'vision'") != std::string::npos);
    }
    SUBCASE("a key nothing like any key lists the allowed keys")
    {
        const std::string text = with(k_plan, "vision:", "zzzzzzzz:");
        const Diagnostic d = only(text, "unknown-key");
        CHECK(d.hint.en.find("did you mean") == std::string::npos);
        CHECK(d.hint.en.find("strategy_link") != std::string::npos);
    }
}

TEST_CASE("a missing required key is reported")
{
    SUBCASE("a goal without id")
    {
        const std::string text = with(k_plan, "  - id: G1\n    title:", "  - title:");
        const Diagnostic d = only(text, "missing-key");
        CHECK(d.message.en.find("'id'") != std::string::npos);
        CHECK(d.position.line == locate(text, "  - title:").line);
    }
    SUBCASE("a period without end is the period-required rule's, not the loader's")
    {
        const std::string text = with(k_plan, ", end: 2026-12-31 }", " }");
        const LoadResult result = load(text);
        CHECK(count_rule(result.diagnostics, "missing-key") == 0);
        REQUIRE(result.plan);
        const Diagnostics found = barnplan::check_plan(*result.plan, barnplan::RuleContext{*barnplan::Date::parse("2026-01-01")});
        CHECK(count_rule(found, "period-required") == 1);
    }
    SUBCASE("a plan without model")
    {
        const Diagnostic d = only(with(k_plan, "model: unicef-bvk\n", ""), "missing-key");
        CHECK(d.message.en.find("'model'") != std::string::npos);
    }
    SUBCASE("a measurement with an empty value points at the key")
    {
        const std::string text = with(k_plan, "value: 35.5 }", "value: }");
        const Diagnostic d = only(text, "missing-key");
        check_points_at(d, text, "value: }");
    }
}

TEST_CASE("a value of the wrong type is reported at the value")
{
    SUBCASE("a list where text is expected")
    {
        const std::string text = with(k_plan, "title: Barnkonsekvensanalys används i beslut", "title: [a, b]");
        const Diagnostic d = only(text, "wrong-type");
        check_points_at(d, text, "[a, b]");
        CHECK(d.related.line == d.position.line); // the key
    }
    SUBCASE("text where a level is expected")
    {
        const std::string text = with(k_plan, "start_level: 1", "start_level: one");
        const Diagnostic d = only(text, "wrong-type");
        check_points_at(d, text, "one");
        CHECK(d.message.en.find("start_level") != std::string::npos);
    }
    SUBCASE("a quoted number where a level is expected")
    {
        const std::string text = with(k_plan, "start_level: 1", "start_level: \"1\"");
        const Diagnostic d = only(text, "wrong-type");
        CHECK(d.hint.en.find("quotes") != std::string::npos);
    }
    SUBCASE("a mapping where a list of meetings is expected")
    {
        const std::string text =
            with(k_plan, "meetings:\n  - { date: 2025-03-01, kind: coordination-group, goals: [G1] }\n",
                 "meetings: { date: 2025-03-01 }\n");
        only(text, "wrong-type");
    }
    SUBCASE("a single id where a list of ids is expected")
    {
        const std::string text = with(k_plan, "depends_on: [G1.A1]", "depends_on: G1.A1");
        const Diagnostic d = only(text, "wrong-type");
        CHECK(d.hint.en.find("[G1.A1]") != std::string::npos);
    }
    SUBCASE("a decimal comma gets a decimal point hint")
    {
        const std::string text = with(k_plan, "baseline: 10", "baseline: 3,5");
        const Diagnostic d = only(text, "wrong-type");
        check_points_at(d, text, "3,5");
        CHECK(d.hint.en.find("decimal point") != std::string::npos);
        CHECK(d.hint.sv.find("decimalpunkt") != std::string::npos);
    }
    SUBCASE("a percent sign in a value gets a unit hint")
    {
        const Diagnostic d = only(with(k_plan, "baseline: 10", "baseline: 10%"), "wrong-type");
        CHECK(d.hint.en.find("unit") != std::string::npos);
    }
    SUBCASE("numbers that other readers take for infinity or not-a-number")
    {
        for (std::string_view bad : {".inf", "nan", "1e999", "0x10"}) {
            CAPTURE(bad);
            only(with(k_plan, "baseline: 10", "baseline: " + std::string(bad)), "wrong-type");
        }
    }
}

TEST_CASE("a level outside 1-4 is an invalid value")
{
    for (std::string_view level : {"0", "5", "-1"}) {
        CAPTURE(level);
        const std::string text = with(k_plan, "target_level: 3", "target_level: " + std::string(level));
        const Diagnostic d = only(text, "invalid-value");
        CHECK(d.position.line == locate(text, "target_level").line);
        CHECK(d.position.column == 19);
        CHECK(d.message.en.find(std::string(level)) != std::string::npos);
    }
    SUBCASE("1 and 4 are the bounds")
    {
        CHECK(load(with(k_plan, "target_level: 3", "target_level: 4")).diagnostics.empty());
        CHECK(load(with(k_plan, "target_level: 3", "target_level: 1")).diagnostics.empty());
    }
}

TEST_CASE("a value outside an enumeration is invalid, with a suggestion")
{
    SUBCASE("a misspelled basis")
    {
        const std::string text = with(k_plan, "basis: process-indicator", "basis: proces-indicator");
        const Diagnostic d = only(text, "invalid-value");
        check_points_at(d, text, "proces-indicator");
        CHECK(d.hint.en.find("did you mean 'process-indicator'") != std::string::npos);
        CHECK(d.related.line == d.position.line);
    }
    SUBCASE("a model that does not exist")
    {
        const Diagnostic d = only(with(k_plan, "model: unicef-bvk", "model: unicef"), "invalid-value");
        CHECK(d.hint.en.find("unicef-bvk") != std::string::npos);
    }
    SUBCASE("an action status in Swedish")
    {
        only(with(k_plan, "status: done", "status: klar"), "invalid-value");
    }
    SUBCASE("values are case-sensitive")
    {
        only(with(k_plan, "kind: percent", "kind: Percent"), "invalid-value");
    }
}

TEST_CASE("yes, on and ja are not booleans barnplan accepts")
{
    for (std::string_view word : {"yes", "on", "ja", "Yes", "no", "off", "nej", "True"}) {
        CAPTURE(word);
        const std::string text = with(k_plan, "recurring: true", "recurring: " + std::string(word));
        const Diagnostic d = only(text, "invalid-boolean");
        check_points_at(d, text, word, locate(text, "recurring: ").offset);
        CHECK(d.related.line == d.position.line);
    }
    SUBCASE("in a yes-no meter's value too")
    {
        only(with(k_plan, "target: true", "target: yes"), "invalid-boolean");
    }
    SUBCASE("true and false are accepted")
    {
        CHECK(load(with(k_plan, "recurring: true", "recurring: false")).diagnostics.empty());
    }
    SUBCASE("a quoted \"true\" is text, not a boolean")
    {
        only(with(k_plan, "recurring: true", "recurring: \"true\""), "wrong-type");
    }
}

TEST_CASE("a date that is not in the calendar is an invalid date")
{
    SUBCASE("30 February")
    {
        const std::string text = with(k_plan, "due: 2025-10-31", "due: 2025-02-30");
        const Diagnostic d = only(text, "invalid-date");
        check_points_at(d, text, "2025-02-30");
        CHECK(d.hint.en.find("28 days") != std::string::npos);
        CHECK(d.related.line == d.position.line);
    }
    SUBCASE("29 February of a common year")
    {
        const Diagnostic d = only(with(k_plan, "due: 2025-10-31", "due: 2023-02-29"), "invalid-date");
        CHECK(d.message.en.find("2023-02-29") != std::string::npos);
    }
    SUBCASE("month 13")
    {
        only(with(k_plan, "due: 2025-10-31", "due: 2025-13-01"), "invalid-date");
    }
    SUBCASE("a date in another shape is the wrong type, with the shape in the hint")
    {
        for (std::string_view bad : {"2025-1-31", "31.1.2025", "2025-01-31T10:00", "soon"}) {
            CAPTURE(bad);
            const Diagnostic d = only(with(k_plan, "due: 2025-10-31", "due: " + std::string(bad)), "wrong-type");
            CHECK(d.hint.en.find("2025-03-14") != std::string::npos);
        }
    }
    SUBCASE("a quoted date is accepted")
    {
        const LoadResult r = load(with(k_plan, "due: 2025-10-31", "due: \"2025-10-31\""));
        CHECK(r.diagnostics.empty());
        REQUIRE(r.plan.has_value());
        CHECK(r.plan->goals.at(0).actions.at(0).due.value.iso() == "2025-10-31");
    }
    SUBCASE("the period's dates are checked too")
    {
        only(with(k_plan, "start: 2025-01-01", "start: 2025-02-29"), "invalid-date");
    }
}

TEST_CASE("an id used twice is a duplicate id, with both positions")
{
    SUBCASE("an action and a meter")
    {
        const std::string text = with(k_plan, "      - id: G1.M2", "      - id: G1.A1");
        const Diagnostic d = only(text, "duplicate-id");
        const auto first = locate(text, "G1.A1");
        const auto second = locate(text, "id: G1.A1", first.offset + 1);
        CHECK(d.position.line == second.line);
        CHECK(d.related.line == first.line);
        CHECK(d.related.column == first.column);
        CHECK(d.message.en.find(std::to_string(first.line)) != std::string::npos);
    }
    SUBCASE("a goal and a meter")
    {
        const std::string text = with(k_plan, "      - id: G1.M3", "      - id: G1");
        const Diagnostic d = only(text, "duplicate-id");
        CHECK(d.related.line == locate(text, "  - id: G1\n").line);
    }
    SUBCASE("two goals")
    {
        const std::string text = with(k_plan, "meetings:", "  - id: G1\n    title: Igen\nmeetings:");
        const Diagnostic d = only(text, "duplicate-id");
        CHECK(d.related.line == locate(text, "  - id: G1\n").line);
        CHECK(d.position.line == locate(text, "title: Igen").line - 1);
    }
}

TEST_CASE("a reference to an id that does not exist is reported")
{
    SUBCASE("depends_on names an unknown action")
    {
        const std::string text = with(k_plan, "depends_on: [G1.A1]", "depends_on: [G1.A9]");
        const Diagnostic d = only(text, "unknown-reference");
        check_points_at(d, text, "G1.A9");
        CHECK(d.hint.en.find("G1.A1") != std::string::npos);
    }
    SUBCASE("depends_on names a goal, not an action")
    {
        only(with(k_plan, "depends_on: [G1.A1]", "depends_on: [G1]"), "unknown-reference");
    }
    SUBCASE("a meeting names an unknown goal")
    {
        const std::string text = with(k_plan, "goals: [G1]", "goals: [G1, G7]");
        const Diagnostic d = only(text, "unknown-reference");
        check_points_at(d, text, "G7");
        CHECK(d.message.en.find("goal") != std::string::npos);
    }
}

TEST_CASE("meter values are checked against the meter's kind")
{
    SUBCASE("a yes-no meter needs true or false")
    {
        const std::string text = with(k_plan, "target: true", "target: 1");
        const Diagnostic d = only(text, "wrong-type");
        check_points_at(d, text, "1\n      - id: G1.M3");
        CHECK(d.message.en.find("true or false") != std::string::npos);
    }
    SUBCASE("a number meter does not take true")
    {
        only(with(k_plan, "baseline: 10", "baseline: true"), "wrong-type");
    }
    SUBCASE("a level meter needs a whole level from 1 to 4")
    {
        for (std::string_view bad : {"5", "0", "2.5"}) {
            CAPTURE(bad);
            const Diagnostic d = only(with(k_plan, "        baseline: 1\n        target: 3",
                                           "        baseline: 1\n        target: " + std::string(bad)),
                                      "wrong-type");
            CHECK(d.message.en.find("level") != std::string::npos);
        }
        CHECK(load(with(k_plan, "        baseline: 1\n        target: 3", "        baseline: 1\n        target: 4"))
                  .diagnostics.empty());
    }
    SUBCASE("a percent meter needs 0 to 100")
    {
        only(with(k_plan, "target: 80", "target: 101"), "wrong-type");
        only(with(k_plan, "baseline: 10", "baseline: -1"), "wrong-type");
        only(with(k_plan, "value: 35.5", "value: 100.5"), "wrong-type");
        CHECK(load(with(k_plan, "target: 80", "target: 100")).diagnostics.empty());
        CHECK(load(with(k_plan, "baseline: 10", "baseline: 0")).diagnostics.empty());
    }
}

TEST_CASE("a stage of another model is an invalid value")
{
    SUBCASE("the plan's stage")
    {
        const std::string text = with(k_plan, "stage: implementing", "stage: running");
        const Diagnostic d = only(text, "invalid-value");
        check_points_at(d, text, "running");
        CHECK(d.message.en.find("unicef-bvk") != std::string::npos);
        CHECK(d.hint.en.find("unicef-approved") != std::string::npos);
    }
    SUBCASE("a history entry's stage")
    {
        only(with(k_plan, "stage: unicef-approved", "stage: followed-up"), "invalid-value");
    }
    SUBCASE("the same stage is fine for its own model")
    {
        const std::string text =
            with(with(k_plan, "stage: implementing", "stage: running"), "model: unicef-bvk", "model: partnership");
        const LoadResult r = load(with(text, "stage: unicef-approved", "stage: agreed"));
        INFO(describe(r.diagnostics));
        CHECK(r.diagnostics.empty());
    }
    SUBCASE("a stage no model has is invalid once, with a suggestion")
    {
        const Diagnostic d = only(with(k_plan, "stage: implementing", "stage: implementin"), "invalid-value");
        CHECK(d.hint.en.find("'implementing'") != std::string::npos);
    }
}

TEST_CASE("a plan of another format version is refused")
{
    const std::string text = with(k_plan, "barnplan: 1", "barnplan: 2");
    const LoadResult result = load(text);
    INFO(describe(result.diagnostics));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].rule == "unsupported-version");
    check_points_at(result.diagnostics[0], text, "2\n");
    CHECK(result.is_plan);
    CHECK_FALSE(result.plan.has_value());

    SUBCASE("a version that is not a number is the wrong type")
    {
        only(with(k_plan, "barnplan: 1", "barnplan: one"), "wrong-type");
    }
}

TEST_CASE("text that is not a plan")
{
    SUBCASE("YAML without a barnplan key")
    {
        const LoadResult result = load("name: a shopping list\nitems: [milk]\n");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].rule == "not-a-plan");
        CHECK_FALSE(result.is_plan);
        CHECK_FALSE(result.plan.has_value());
    }
    SUBCASE("empty text")
    {
        const LoadResult result = load("");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].rule == "not-a-plan");
        CHECK_FALSE(result.is_plan);
        CHECK_FALSE(result.plan.has_value());
    }
    SUBCASE("only comments")
    {
        const LoadResult result = load("# barnplan: 1\n");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].rule == "not-a-plan");
    }
    SUBCASE("a list at the top level")
    {
        const LoadResult result = load("- barnplan: 1\n");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].rule == "not-a-plan");
        CHECK(result.diagnostics[0].position.line == 1);
    }
    SUBCASE("a plan with a syntax error still counts as a plan")
    {
        const LoadResult result = load("barnplan: 1\nmodel: [unicef-bvk\n");
        CHECK(result.is_plan);
        CHECK(count_rule(result.diagnostics, "yaml-syntax") == 1);
        CHECK(count_rule(result.diagnostics, "not-a-plan") == 0);
        CHECK_FALSE(result.plan.has_value());
    }
}

TEST_CASE("the loader passes on the YAML reader's findings")
{
    SUBCASE("a duplicate key")
    {
        const std::string text =
            with(k_plan, "    indicator: \"P2.1\"\n", "    indicator: \"P2.1\"\n    indicator: \"P2.2\"\n");
        const Diagnostic d = only(text, "duplicate-key");
        CHECK(d.position.line == d.related.line + 1);
        const LoadResult r = load(text);
        REQUIRE(r.plan.has_value());
        CHECK(r.plan->goals.at(0).indicator.value == "P2.1");
    }
    SUBCASE("an alias")
    {
        std::string text =
            with(k_plan, "who: Kommunkansliet\n        due:", "who: &owner Kommunkansliet\n        due:");
        text = with(text, "who: Kommunkansliet\n        depends_on", "who: *owner\n        depends_on");
        const Diagnostic d = only(text, "yaml-alias");
        check_points_at(d, text, "*owner");
    }
    SUBCASE("limits")
    {
        barnplan::YamlLimits limits;
        limits.max_bytes = 100;
        const LoadResult r = load(k_plan, limits);
        CHECK(joined_ids(r.diagnostics) == "file-too-large");
        CHECK_FALSE(r.plan.has_value());
    }
}

TEST_CASE("the loader reports every problem, not only the first")
{
    std::string text = with(k_plan, "    title:", "    tile:");
    text = with(text, "start_level: 1", "start_level: 7");
    text = with(text, "recurring: true", "recurring: yes");
    text = with(text, "due: 2025-10-31", "due: 2025-02-30");
    const LoadResult result = load(text);
    INFO(describe(result.diagnostics));
    CHECK(count_rule(result.diagnostics, "unknown-key") == 1);
    CHECK(count_rule(result.diagnostics, "invalid-value") == 1);
    CHECK(count_rule(result.diagnostics, "invalid-boolean") == 1);
    CHECK(count_rule(result.diagnostics, "invalid-date") == 1);
    CHECK(result.diagnostics.size() == 4);
    REQUIRE(result.plan.has_value());
    CHECK_FALSE(result.plan->goals.at(0).start_level.valid);
    CHECK(result.plan->goals.at(0).start_level.present);
}

TEST_CASE("edit_distance is the Levenshtein distance")
{
    CHECK(barnplan::edit_distance("", "") == 0);
    CHECK(barnplan::edit_distance("title", "title") == 0);
    CHECK(barnplan::edit_distance("tile", "title") == 1);
    CHECK(barnplan::edit_distance("kitten", "sitting") == 3);
    CHECK(barnplan::edit_distance("", "abc") == 3);
    CHECK(barnplan::edit_distance("abc", "") == 3);
    CHECK(barnplan::edit_distance("flaw", "lawn") == 2);
}

TEST_CASE("findings past k_max_findings are counted in one note, not kept")
{
    using barnplan::k_max_findings;
    SUBCASE("unknown keys: the first k_max_findings are kept, the rest counted")
    {
        // The base plan is clean: each added top-level key is one finding.
        std::string text = k_plan;
        const std::size_t n = k_max_findings + 250;
        for (std::size_t i = 0; i < n; ++i) {
            text += "k" + std::to_string(i) + ": 1\n";
        }
        const LoadResult loaded = load(text);
        CHECK(count_rule(loaded.diagnostics, "unknown-key") == k_max_findings);
        REQUIRE(count_rule(loaded.diagnostics, "too-many-findings") == 1);
        const Diagnostic& note = loaded.diagnostics.back();
        CHECK(note.rule == "too-many-findings");
        CHECK(note.message.en.find("250 more findings") != std::string::npos);
        CHECK(note.message.sv.find("250 fynd till") != std::string::npos);
        // It names the first finding left out, the key k1000, as its related place.
        CHECK_FALSE(note.position.known());
        Diagnostic at = note;
        at.position = note.related;
        check_points_at(at, text, "k1000:");
        CHECK(note.omitted == 250);
    }
    SUBCASE("exactly k_max_findings findings draw no note")
    {
        std::string text = k_plan;
        for (std::size_t i = 0; i < k_max_findings; ++i) {
            text += "k" + std::to_string(i) + ": 1\n";
        }
        const LoadResult loaded = load(text);
        CHECK(count_rule(loaded.diagnostics, "unknown-key") == k_max_findings);
        CHECK(count_rule(loaded.diagnostics, "too-many-findings") == 0);
    }
    SUBCASE("unknown references past the first hundred get no did-you-mean, and stay cheap")
    {
        std::string text = "barnplan: 1\nmodel: unicef-bvk\ngoals:\n  - id: G1\n    title: t\n    actions:\n";
        for (int i = 0; i < 300; ++i) {
            text += "      - {id: A" + std::to_string(i) + ", what: w, who: o, depends_on: [B" + std::to_string(i) + "]}\n";
        }
        const LoadResult loaded = load(text);
        std::size_t with_guess = 0;
        for (const Diagnostic& d : loaded.diagnostics) {
            if (d.rule == "unknown-reference" && d.hint.en.find("did you mean") != std::string::npos) {
                ++with_guess;
            }
        }
        CHECK(count_rule(loaded.diagnostics, "unknown-reference") == 300);
        CHECK(with_guess == 100);
    }
    SUBCASE("cap_findings merges the notes of both passes and keeps the first k_max_findings")
    {
        std::string text = k_plan;
        for (std::size_t i = 0; i < k_max_findings + 5; ++i) {
            text += "k" + std::to_string(i) + ": 1\n";
        }
        Diagnostics all = load(text).diagnostics;
        // As if the rules had found as many again, further up the file.
        for (std::size_t i = 0; i < k_max_findings + 7; ++i) {
            Diagnostic d;
            d.rule = "meter-time-bound";
            d.file = "plan.yaml";
            d.position.line = 2;
            d.position.column = 1 + i;
            all.push_back(d);
        }
        all.push_back(barnplan::too_many_findings("plan.yaml", {3, 1, 0, 0}, 7));
        barnplan::cap_findings(all);
        REQUIRE(all.size() == k_max_findings + 1);
        CHECK(all.front().rule == "too-many-findings");
        CHECK(count_rule(all, "too-many-findings") == 1);
        // 5 + 7 noted, then 7 of the rules' findings on line 2 and all 1,000
        // kept by the loader are pushed out by the rules' first 1,000.
        CHECK(all.front().omitted == 5 + 7 + 7 + k_max_findings);
        CHECK(all.front().related.line == 2);
        CHECK(all.front().related.column == 1 + k_max_findings);
        CHECK(count_rule(all, "meter-time-bound") == k_max_findings);
    }
}
