#include "support.hpp"

#include <barnplan/rules.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

using barnplan::Date;
using barnplan::Diagnostic;
using barnplan::Diagnostics;
using barnplan::RuleInfo;
using barnplan::Severity;
using barnplan::test::count_rule;
using barnplan::test::describe;
using barnplan::test::find_diagnostic;
using barnplan::test::locate;
using barnplan::test::replace_all;
using barnplan::test::rule_findings;
using barnplan::test::with;

namespace {

const Date k_today = *Date::parse("2026-06-01");

/// Everything above the goals of a UNICEF plan that breaks no rule.
const std::string k_head = R"(barnplan: 1
model: unicef-bvk
language: en
municipality: Testby
period: { start: 2025-01-01, end: 2026-12-31 }
stage: implementing
vision: Every child in Testby is heard.
strategy_link: Municipal strategy 2030, area "A good life".
history:
  - { date: 2025-03-14, stage: unicef-approved, by: UNICEF, ref: "email 14.3" }
  - { date: 2025-04-02, stage: adopted, by: Municipal board, ref: "§ 57" }
goals:
)";

/// One goal with one action and one meter that break no rule; the ids and the
/// action's owner follow `id`, so every goal's lines are unique in the plan.
std::string goal(std::string_view id, std::string_view basis)
{
    std::string text = R"(  - id: @
    title: Goal @ is reached
    basis: BASIS
    indicator: "P@"
    start_level: 1
    target_level: 3
    children_views: The youth council chose goal @.
    levels:
      - { date: 2025-02-12, level: 1, note: "@ at the start" }
    actions:
      - id: @.A1
        what: Action of goal @
        who: Unit of goal @
        start: 2025-02-01
        due: 2025-10-31
        how: Twice a year in every department (@)
        recurring: true
        updates:
          - { date: 2025-05-01, status: started, note: "@ begun" }
    meters:
      - id: @.M1
        what: Share of cases for goal @
        kind: percent
        baseline: 10
        target: 80
        due: 2026-10-31
        measurements:
          - { date: 2025-11-20, value: 35, note: "@ first" }
)";
    text = replace_all(text, "BASIS", basis);
    return replace_all(text, "@", id);
}

/// A plan that breaks no rule: three process-indicator goals, one from
/// children's views, one of free choice.
std::string clean_plan()
{
    return k_head + goal("G1", "process-indicator") + goal("G2", "process-indicator") +
           goal("G3", "process-indicator") + goal("G4", "children-views") + goal("G5", "free-choice");
}

Diagnostics check(const std::string& text, const Date& today = k_today)
{
    return rule_findings(text, today);
}

/// How often `rule` fires on `text`, with all findings shown on failure.
std::size_t fired(const std::string& text, std::string_view rule, const Date& today = k_today)
{
    const Diagnostics found = check(text, today);
    INFO("findings:\n" << describe(found));
    for (const Diagnostic& d : found) {
        if (d.rule == rule) {
            const RuleInfo* info = barnplan::find_rule(rule);
            REQUIRE(info != nullptr);
            CHECK(d.severity == info->severity);
            CHECK(d.file == barnplan::test::k_file);
            CHECK(d.position.known());
        }
    }
    return count_rule(found, rule);
}

/// The one finding of `rule` on `text`.
Diagnostic finding(const std::string& text, std::string_view rule, const Date& today = k_today)
{
    const Diagnostics found = check(text, today);
    INFO("findings:\n" << describe(found));
    REQUIRE(count_rule(found, rule) == 1);
    return *find_diagnostic(found, rule);
}

/// The lines of `text` from `first` to the end of the list item containing
/// it, for removing a whole block.
std::string block(const std::string& text, std::string_view first)
{
    const std::size_t start = text.find(first);
    REQUIRE(start != std::string::npos);
    const std::size_t indent = first.find_first_not_of(' ');
    std::size_t end = text.find('\n', start) + 1;
    while (end < text.size()) {
        const std::size_t spaces = text.find_first_not_of(' ', end) - end;
        if (spaces <= indent) {
            break;
        }
        end = text.find('\n', end) + 1;
    }
    return text.substr(start, end - start);
}

std::string without_goal(const std::string& text, std::string_view id)
{
    return with(text, block(text, "  - id: " + std::string(id) + "\n"), "");
}

} // namespace

TEST_CASE("the clean plan of the rule tests breaks no rule")
{
    const Diagnostics found = check(clean_plan());
    INFO(describe(found));
    CHECK(found.empty());
}

TEST_CASE("the test helper block() takes a whole list item")
{
    const std::string text = clean_plan();
    const std::string g2 = block(text, "  - id: G2\n");
    CHECK(g2 == goal("G2", "process-indicator"));
    CHECK(without_goal(text, "G2").find("G2") == std::string::npos);
}

TEST_CASE("rules of every model: each fires, and a near miss does not")
{
    const std::string plan = clean_plan();

    SUBCASE("period-required")
    {
        CHECK(fired(with(plan, "period: { start: 2025-01-01, end: 2026-12-31 }\n", ""), "period-required") == 1);
        const std::string empty = with(plan, "period: { start: 2025-01-01, end: 2026-12-31 }", "period:");
        const Diagnostic d = finding(empty, "period-required");
        CHECK(d.position.line == locate(empty, "period:").line);
        // near miss: the same period written as a block
        CHECK(fired(with(plan, "period: { start: 2025-01-01, end: 2026-12-31 }",
                         "period:\n  start: 2025-01-01\n  end: 2026-12-31"),
                    "period-required") == 0);
    }
    SUBCASE("date-order")
    {
        // an action due the day before it starts
        const std::string late =
            with(plan, "start: 2025-02-01\n        due: 2025-10-31\n        how: Twice a year in every department (G2)",
                 "start: 2025-02-01\n        due: 2025-01-31\n        how: Twice a year in every department (G2)");
        const Diagnostic d = finding(late, "date-order");
        CHECK(d.position.line == locate(late, "due: 2025-01-31").line);
        CHECK(d.message.en.find("G2.A1") != std::string::npos);
        // a period that ends the day before it starts; a one-day period is in order
        CHECK(fired(with(plan, "end: 2026-12-31 }", "end: 2024-12-31 }"), "date-order") == 1);
        CHECK(fired(with(plan, "end: 2026-12-31 }", "end: 2025-01-01 }"), "date-order") == 0);
        // near miss: an action due the day it starts
        CHECK(
            fired(
                with(plan,
                     "start: 2025-02-01\n        due: 2025-10-31\n        how: Twice a year in every department (G2)",
                     "start: 2025-02-01\n        due: 2025-02-01\n        how: Twice a year in every department (G2)"),
                "date-order") == 0);
    }
    SUBCASE("history-order")
    {
        const std::string back = with(plan, "date: 2025-04-02, stage: adopted", "date: 2025-03-13, stage: adopted");
        CHECK(fired(back, "history-order") >= 1);
        const Diagnostic d = *find_diagnostic(check(back), "history-order");
        CHECK(d.position.line == locate(back, "2025-03-13").line);
        // near miss: two entries on the same day
        CHECK(fired(with(plan, "date: 2025-04-02, stage: adopted", "date: 2025-03-14, stage: adopted"),
                    "history-order") == 0);
    }
    SUBCASE("measurement-future")
    {
        const std::string future = with(plan, "{ date: 2025-11-20, value: 35, note: \"G3 first\" }",
                                        "{ date: 2026-06-02, value: 35, note: \"G3 first\" }");
        const Diagnostic d = finding(future, "measurement-future");
        CHECK(d.position.line == locate(future, "2026-06-02").line);
        CHECK(d.position.column == locate(future, "2026-06-02").column);
        CHECK(d.message.en.find("G3.M1") != std::string::npos);
        CHECK(d.message.en.find("2026-06-01") != std::string::npos);
        // a level assessment and an action update in the future fire too
        CHECK(fired(with(plan, "{ date: 2025-02-12, level: 1, note: \"G1 at the start\" }",
                         "{ date: 2027-01-01, level: 1, note: \"G1 at the start\" }"),
                    "measurement-future") == 1);
        CHECK(fired(with(plan, "{ date: 2025-05-01, status: started, note: \"G5 begun\" }",
                         "{ date: 2026-07-01, status: started, note: \"G5 begun\" }"),
                    "measurement-future") == 1);
        // near miss: a measurement made today
        CHECK(fired(with(plan, "{ date: 2025-11-20, value: 35, note: \"G3 first\" }",
                         "{ date: 2026-06-01, value: 35, note: \"G3 first\" }"),
                    "measurement-future") == 0);
        // the same plan seen from a later day
        CHECK(fired(future, "measurement-future", *Date::parse("2026-06-02")) == 0);
    }
}

TEST_CASE("rules of the common family run for every model")
{
    std::string plan = with(clean_plan(), "model: unicef-bvk", "model: partnership");
    plan = with(plan, "stage: implementing", "stage: running");
    plan = with(plan, "stage: unicef-approved", "stage: agreed");
    plan = with(plan, "stage: adopted", "stage: running");
    // The partnership's own rules find plenty in a UNICEF plan; only the
    // common ones (and no UNICEF one) must stay quiet.
    Diagnostics clean = check(plan);
    std::erase_if(clean, [](const Diagnostic& d) {
        const RuleInfo* info = barnplan::find_rule(d.rule);
        return info != nullptr && info->family == "partnership";
    });
    INFO(describe(clean));
    CHECK(clean.empty());
    CHECK(fired(with(plan, "period: { start: 2025-01-01, end: 2026-12-31 }\n", ""), "period-required") == 1);
    SUBCASE("UNICEF's rules do not apply to another model")
    {
        CHECK(fired(with(plan, "vision: Every child in Testby is heard.\n", ""), "vision-required") == 0);
        CHECK(fired(without_goal(plan, "G5"), "goal-count-total") == 0);
    }
}

TEST_CASE("UNICEF rules on the plan as a whole: each fires, and a near miss does not")
{
    const std::string plan = clean_plan();

    SUBCASE("vision-required")
    {
        const std::string none = with(plan, "vision: Every child in Testby is heard.\n", "");
        const Diagnostic d = finding(none, "vision-required");
        CHECK(d.position.line == locate(none, "model:").line);
        const std::string blank = with(plan, "vision: Every child in Testby is heard.", "vision: \"  \"");
        CHECK(finding(blank, "vision-required").position.line == locate(blank, "vision:").line);
        CHECK(fired(with(plan, "vision: Every child in Testby is heard.", "vision: >\n  Heard."), "vision-required") ==
              0);
    }
    SUBCASE("strategy-link-required")
    {
        CHECK(fired(with(plan, "strategy_link: Municipal strategy 2030, area \"A good life\".\n", ""),
                    "strategy-link-required") == 1);
        CHECK(fired(with(plan, "strategy_link: Municipal strategy 2030, area \"A good life\".", "strategy_link:"),
                    "strategy-link-required") == 1);
        CHECK(fired(with(plan, "strategy_link: Municipal strategy 2030, area \"A good life\".", "strategy_link: S"),
                    "strategy-link-required") == 0);
    }
    SUBCASE("period-length")
    {
        // 20 months is neither about 2 nor about 4 years
        const std::string short_period = with(plan, "end: 2026-12-31 }", "end: 2026-08-31 }");
        const Diagnostic d = finding(short_period, "period-length");
        CHECK(d.severity == Severity::warning);
        CHECK(d.message.en.find("20 months") != std::string::npos);
        CHECK(fired(with(plan, "end: 2026-12-31 }", "end: 2027-10-31 }"), "period-length") == 1); // 34 months
        CHECK(fired(with(plan, "end: 2026-12-31 }", "end: 2029-04-30 }"), "period-length") == 1); // 52 months
        // near misses: 21, 27, 45 and 51 months are about 2 or 4 years
        for (std::string_view end : {"2026-09-30", "2027-03-31", "2028-09-30", "2029-03-31", "2028-12-31"}) {
            CAPTURE(end);
            CHECK(fired(with(plan, "end: 2026-12-31 }", "end: " + std::string(end) + " }"), "period-length") == 0);
        }
    }
    SUBCASE("goal-count-process")
    {
        // two process-indicator goals
        const std::string two = with(plan, "basis: process-indicator\n    indicator: \"PG3\"",
                                     "basis: free-choice\n    indicator: \"PG3\"");
        const Diagnostic d = finding(two, "goal-count-process");
        CHECK(d.position.line == locate(two, "goals:").line);
        // five
        CHECK(fired(plan + goal("G6", "process-indicator") + goal("G7", "process-indicator"), "goal-count-process") ==
              1);
        // near miss: four
        CHECK(fired(plan + goal("G6", "process-indicator"), "goal-count-process") == 0);
    }
    SUBCASE("goal-count-children-views")
    {
        CHECK(fired(plan + goal("G6", "children-views"), "goal-count-children-views") == 1);
        CHECK(fired(with(plan, "basis: children-views", "basis: process-indicator"), "goal-count-children-views") == 1);
        CHECK(fired(plan + goal("G6", "process-indicator"), "goal-count-children-views") == 0);
    }
    SUBCASE("goal-count-free-choice")
    {
        CHECK(fired(plan + goal("G6", "free-choice"), "goal-count-free-choice") == 1);
        // near miss: none is allowed (at most one)
        CHECK(fired(with(plan, "basis: free-choice", "basis: process-indicator"), "goal-count-free-choice") == 0);
    }
    SUBCASE("goal-count-total")
    {
        const Diagnostic d = finding(without_goal(plan, "G3"), "goal-count-total");
        CHECK(d.message.en.find("4 goals") != std::string::npos);
        // near miss: exactly five goals
        CHECK(fired(plan, "goal-count-total") == 0);
    }
    SUBCASE("welfare-commitment")
    {
        const std::string welfare =
            with(plan, "    target_level: 3\n    children_views: The youth council chose goal G2.",
                 "    target_level: 3\n    welfare_area: true\n    children_views: The youth council chose goal G2.");
        const Diagnostic d = finding(welfare, "welfare-commitment");
        CHECK(d.position.line == locate(welfare, "welfare_area").line);
        CHECK(d.message.en.find("G2") != std::string::npos);
        // near misses: the county's commitment recorded, or the goal not on its area
        CHECK(fired(with(welfare, "goals:\n", "welfare_commitment: { by: County board, date: 2024-12-10 }\ngoals:\n"),
                    "welfare-commitment") == 0);
        CHECK(fired(with(welfare, "welfare_area: true", "welfare_area: false"), "welfare-commitment") == 0);
    }
    SUBCASE("single-owner")
    {
        // three of five actions on one unit, however it is spelled
        std::string one = with(plan, "who: Unit of goal G2", "who: Unit of goal G1");
        one = with(one, "who: Unit of goal G3", "who: unit of  goal G1");
        const Diagnostic d = finding(one, "single-owner");
        CHECK(d.severity == Severity::warning);
        CHECK(d.message.en.find("3 of 5") != std::string::npos);
        // Å, Ä and Ö fold case like ASCII letters
        std::string nordic = with(plan, "who: Unit of goal G1", "who: Åsa Öberg");
        nordic = with(nordic, "who: Unit of goal G2", "who: åsa öberg");
        nordic = with(nordic, "who: Unit of goal G3", "who: ÅSA ÖBERG");
        CHECK(fired(nordic, "single-owner") == 1);
        CHECK(fired(with(nordic, "who: ÅSA ÖBERG", "who: ÅSA ÄBERG"), "single-owner") == 0);
        // near miss: two of four is not most of them
        const std::string half = with(without_goal(plan, "G5"), "who: Unit of goal G2", "who: Unit of goal G1");
        CHECK(fired(half, "single-owner") == 0);
        // near miss: three actions in all are too few to say
        std::string few = without_goal(without_goal(plan, "G5"), "G4");
        few = with(with(few, "who: Unit of goal G2", "who: Unit of goal G1"), "who: Unit of goal G3",
                   "who: Unit of goal G1");
        CHECK(fired(few, "single-owner") == 0);
    }
    SUBCASE("history-order: the municipality decides after UNICEF approves")
    {
        const std::string before =
            with(plan, "date: 2025-03-14, stage: unicef-approved", "date: 2025-04-03, stage: unicef-approved");
        CHECK(fired(before, "history-order") >= 1);
        const std::string no_unicef =
            with(plan, "  - { date: 2025-03-14, stage: unicef-approved, by: UNICEF, ref: \"email 14.3\" }\n", "");
        const Diagnostic d = finding(no_unicef, "history-order");
        CHECK(d.position.line == locate(no_unicef, "adopted").line);
        CHECK(d.position.column == locate(no_unicef, "adopted").column);
        // near miss: no decision yet, so nothing is out of order
        CHECK(
            fired(with(no_unicef, "  - { date: 2025-04-02, stage: adopted, by: Municipal board, ref: \"§ 57\" }\n", ""),
                  "history-order") == 0);
    }
}

TEST_CASE("UNICEF rules on goals: each fires, and a near miss does not")
{
    const std::string plan = clean_plan();

    SUBCASE("goal-title")
    {
        const std::string none = with(plan, "    title: Goal G2 is reached\n", "");
        const Diagnostic d = finding(none, "goal-title");
        CHECK(d.position.line == locate(none, "  - id: G2").line);
        CHECK(d.position.column == 5);
        CHECK(d.message.en.find("G2") != std::string::npos);
        CHECK(fired(with(plan, "title: Goal G2 is reached", "title: \"\""), "goal-title") == 1);
        CHECK(fired(with(plan, "title: Goal G2 is reached", "title: G"), "goal-title") == 0);
    }
    SUBCASE("goal-basis")
    {
        const std::string none = with(plan, "    basis: children-views\n", "");
        CHECK(finding(none, "goal-basis").message.en.find("G4") != std::string::npos);
        CHECK(fired(with(plan, "basis: children-views", "basis: free-choice"), "goal-basis") == 0);
    }
    SUBCASE("goal-indicator")
    {
        const std::string none = with(plan, "    indicator: \"PG2\"\n", "");
        const Diagnostic d = finding(none, "goal-indicator");
        CHECK(d.position.line == locate(none, "basis: process-indicator", locate(none, "id: G2").offset).line);
        // near miss: a goal from children's views needs no indicator
        CHECK(fired(with(plan, "    indicator: \"PG4\"\n", ""), "goal-indicator") == 0);
    }
    SUBCASE("start-level")
    {
        const std::string three =
            with(plan, "start_level: 1\n    target_level: 3\n    children_views: The youth council chose goal G2.",
                 "start_level: 3\n    target_level: 4\n    children_views: The youth council chose goal G2.");
        const Diagnostic d = finding(three, "start-level");
        CHECK(d.position.line == locate(three, "start_level: 3").line);
        CHECK(d.position.column == locate(three, "start_level: 3").column + 13);
        const std::string none =
            with(plan, "    start_level: 1\n    target_level: 3\n    children_views: The youth council chose goal G2.",
                 "    target_level: 3\n    children_views: The youth council chose goal G2.");
        CHECK(fired(none, "start-level") == 1);
        // near miss: 2 is allowed
        CHECK(fired(with(plan,
                         "start_level: 1\n    target_level: 3\n    children_views: The youth council chose goal G2.",
                         "start_level: 2\n    target_level: 3\n    children_views: The youth council chose goal G2."),
                    "start-level") == 0);
    }
    SUBCASE("target-level")
    {
        const std::string same = with(plan, "target_level: 3\n    children_views: The youth council chose goal G2.",
                                      "target_level: 1\n    children_views: The youth council chose goal G2.");
        const Diagnostic d = finding(same, "target-level");
        CHECK(d.position.line == locate(same, "target_level: 1").line);
        CHECK(fired(with(plan, "    target_level: 3\n    children_views: The youth council chose goal G2.",
                         "    children_views: The youth council chose goal G2."),
                    "target-level") == 1);
        // near miss: one level above the start
        CHECK(fired(with(plan, "target_level: 3\n    children_views: The youth council chose goal G2.",
                         "target_level: 2\n    children_views: The youth council chose goal G2."),
                    "target-level") == 0);
    }
    SUBCASE("goal-has-action")
    {
        const std::string none = with(plan, block(plan, "      - id: G2.A1\n"), "");
        const std::string empty = with(none, "    actions:\n    meters:\n      - id: G2.M1",
                                       "    actions: []\n    meters:\n      - id: G2.M1");
        const Diagnostic d = finding(empty, "goal-has-action");
        CHECK(d.message.en.find("G2") != std::string::npos);
        CHECK(fired(with(none, "    actions:\n    meters:\n      - id: G2.M1", "    meters:\n      - id: G2.M1"),
                    "goal-has-action") == 1);
        CHECK(fired(plan, "goal-has-action") == 0);
    }
    SUBCASE("goal-has-meter")
    {
        const std::string none = with(plan, block(plan, "      - id: G2.M1\n"), "");
        const std::string empty = with(none, "    meters:\n  - id: G3", "    meters: []\n  - id: G3");
        const Diagnostic d = finding(empty, "goal-has-meter");
        CHECK(d.message.en.find("G2") != std::string::npos);
        CHECK(fired(plan, "goal-has-meter") == 0);
    }
    SUBCASE("children-views")
    {
        const std::string none = with(plan, "    children_views: The youth council chose goal G2.\n", "");
        const Diagnostic d = finding(none, "children-views");
        CHECK(d.message.en.find("G2") != std::string::npos);
        // near miss: every action of the goal says it instead
        CHECK(fired(with(none, "        how: Twice a year in every department (G2)\n",
                         "        how: Twice a year in every department (G2)\n        children_views: Pupils chose.\n"),
                    "children-views") == 0);
    }
}

TEST_CASE("UNICEF rules on actions and meters: each fires, and a near miss does not")
{
    const std::string plan = clean_plan();

    SUBCASE("action-incomplete")
    {
        const std::string no_who = with(plan, "        who: Unit of goal G2\n", "");
        const Diagnostic d = finding(no_who, "action-incomplete");
        CHECK(d.position.line == locate(no_who, "id: G2.A1").line);
        CHECK(d.message.en.find("G2.A1") != std::string::npos);
        CHECK(d.hint.en.find("who") != std::string::npos);
        // what, who, due and how each count
        std::string bare = with(no_who, "        what: Action of goal G2\n", "");
        bare = with(bare, "        due: 2025-10-31\n        how: Twice a year in every department (G2)\n", "");
        CHECK(fired(bare, "action-incomplete") == 4);
        // near miss: 'start' is not required
        CHECK(fired(with(plan,
                         "        start: 2025-02-01\n        due: 2025-10-31\n        how: Twice a year in every "
                         "department (G2)",
                         "        due: 2025-10-31\n        how: Twice a year in every department (G2)"),
                    "action-incomplete") == 0);
    }
    SUBCASE("one-off-action")
    {
        const std::string once =
            with(plan, "        how: Twice a year in every department (G2)\n        recurring: true",
                 "        how: Twice a year in every department (G2)");
        const Diagnostic d = finding(once, "one-off-action");
        CHECK(d.severity == Severity::warning);
        CHECK(d.message.en.find("G2.A1") != std::string::npos);
        CHECK(fired(with(plan, "(G2)\n        recurring: true", "(G2)\n        recurring: false"), "one-off-action") ==
              1);
        // near miss: a dropped action need not recur
        CHECK(fired(with(plan, "(G2)\n        recurring: true", "(G2)\n        status: dropped"), "one-off-action") ==
              0);
    }
    SUBCASE("date-outside-period")
    {
        const std::string late =
            with(plan, "        due: 2025-10-31\n        how: Twice a year in every department (G2)",
                 "        due: 2027-01-01\n        how: Twice a year in every department (G2)");
        const Diagnostic d = finding(late, "date-outside-period");
        CHECK(d.severity == Severity::warning);
        CHECK(d.position.line == locate(late, "2027-01-01").line);
        CHECK(d.message.en.find("2025-01-01 – 2026-12-31") != std::string::npos);
        CHECK(
            fired(
                with(plan,
                     "start: 2025-02-01\n        due: 2025-10-31\n        how: Twice a year in every department (G2)",
                     "start: 2024-12-31\n        due: 2025-10-31\n        how: Twice a year in every department (G2)"),
                "date-outside-period") == 1);
        // near misses: the first and the last day of the period
        CHECK(fired(with(plan, "        due: 2025-10-31\n        how: Twice a year in every department (G2)",
                         "        due: 2026-12-31\n        how: Twice a year in every department (G2)"),
                    "date-outside-period") == 0);
        CHECK(
            fired(
                with(plan,
                     "start: 2025-02-01\n        due: 2025-10-31\n        how: Twice a year in every department (G2)",
                     "start: 2025-01-01\n        due: 2025-10-31\n        how: Twice a year in every department (G2)"),
                "date-outside-period") == 0);
    }
    SUBCASE("meter-concrete")
    {
        const std::string no_target = with(plan,
                                           "        target: 80\n        due: 2026-10-31\n        measurements:\n       "
                                           "   - { date: 2025-11-20, value: 35, note: \"G2 first\" }",
                                           "        due: 2026-10-31\n        measurements:\n          - { date: "
                                           "2025-11-20, value: 35, note: \"G2 first\" }");
        const Diagnostic d = finding(no_target, "meter-concrete");
        CHECK(d.position.line == locate(no_target, "id: G2.M1").line);
        CHECK(d.message.en.find("G2.M1") != std::string::npos);
        CHECK(fired(with(plan, "        what: Share of cases for goal G2\n", ""), "meter-concrete") == 1);
        // near miss: a target of 0 is a target
        CHECK(fired(with(plan,
                         "        baseline: 10\n        target: 80\n        due: 2026-10-31\n        measurements:\n   "
                         "       - { date: 2025-11-20, value: 35, note: \"G2 first\" }",
                         "        baseline: 10\n        target: 0\n        due: 2026-10-31\n        measurements:\n    "
                         "      - { date: 2025-11-20, value: 35, note: \"G2 first\" }"),
                    "meter-concrete") == 0);
    }
    SUBCASE("meter-time-bound")
    {
        const std::string from = "        due: 2026-10-31\n        measurements:\n          - { date: 2025-11-20, "
                                 "value: 35, note: \"G2 first\" }";
        const std::string undated = with(plan, from, from.substr(std::string("        due: 2026-10-31\n").size()));
        const Diagnostic d = finding(undated, "meter-time-bound");
        CHECK(d.position.line == locate(undated, "id: G2.M1").line);
        CHECK(d.position.column == locate(undated, "id: G2.M1").column);
        CHECK(d.hint.en.find("2025-01-01 – 2026-12-31") != std::string::npos);
        const std::string after = with(plan, from, replace_all(from, "due: 2026-10-31", "due: 2027-01-01"));
        CHECK(finding(after, "meter-time-bound").position.line == locate(after, "due: 2027-01-01").line);
        // near miss: due on the last day of the period
        CHECK(fired(with(plan, from, replace_all(from, "due: 2026-10-31", "due: 2026-12-31")), "meter-time-bound") ==
              0);
    }
}

TEST_CASE("evaluation deadlines: each fires, and a near miss does not")
{
    // Today is 2026-06-01; the deadlines count back from the meeting.
    const std::string plan = clean_plan();
    auto evaluation = [&](std::string_view lines) { return plan + "evaluation:\n" + std::string(lines); };
    SUBCASE("evaluation-deadline-missed")
    {
        const std::string open = evaluation("  meeting: 2026-06-10\n  booked: 2026-05-01\n  form_started: "
                                            "2026-04-01\n  form_approved: 2026-05-20\n");
        CHECK(fired(open, "evaluation-deadline-missed") == 1);
        CHECK(fired(open + "  form_stored: 2026-05-27\n", "evaluation-deadline-missed") == 0);
        CHECK(fired(open, "evaluation-deadline-missed", *Date::parse("2026-05-27")) == 0);
    }
    SUBCASE("evaluation-deadline-near")
    {
        const std::string done = "  booked: 2026-05-01\n  form_started: 2026-04-15\n  form_approved: 2026-05-20\n";
        CHECK(fired(evaluation("  meeting: 2026-07-01\n" + std::string(done)), "evaluation-deadline-near") == 1);
        CHECK(fired(evaluation("  meeting: 2026-08-01\n" + std::string(done)), "evaluation-deadline-near") == 0);
        CHECK(fired(evaluation("  meeting: 2026-08-01\n" + std::string(done)), "evaluation-deadline-missed") == 0);
    }
    SUBCASE("evaluation-deadline-late")
    {
        const std::string rest = "  form_started: 2026-03-15\n  form_approved: 2026-05-20\n  form_stored: 2026-05-25\n";
        CHECK(fired(evaluation("  meeting: 2026-06-10\n  booked: 2026-05-20\n" + rest), "evaluation-deadline-late") == 1);
        CHECK(fired(evaluation("  meeting: 2026-06-10\n  booked: 2026-05-10\n" + rest), "evaluation-deadline-late") == 0);
    }
    SUBCASE("evaluation-order")
    {
        const std::string head = "  meeting: 2026-06-10\n  booked: 2026-05-01\n  form_started: 2026-03-15\n";
        CHECK(fired(evaluation(head + "  form_approved: 2026-05-20\n  form_stored: 2026-05-19\n"), "evaluation-order") ==
              1);
        CHECK(fired(evaluation(head + "  form_approved: 2026-05-20\n  form_stored: 2026-05-20\n"), "evaluation-order") ==
              0);
    }
}

TEST_CASE("every common and UNICEF rule in the catalog is tested here")
{
    // The rules the cases above fire; a new rule must get a case and be added.
    const std::set<std::string_view> tested{"period-required",
                                            "date-order",
                                            "history-order",
                                            "measurement-future",
                                            "vision-required",
                                            "strategy-link-required",
                                            "period-length",
                                            "goal-count-process",
                                            "goal-count-children-views",
                                            "goal-count-free-choice",
                                            "goal-count-total",
                                            "goal-title",
                                            "goal-basis",
                                            "goal-indicator",
                                            "start-level",
                                            "target-level",
                                            "goal-has-action",
                                            "goal-has-meter",
                                            "action-incomplete",
                                            "children-views",
                                            "meter-concrete",
                                            "meter-time-bound",
                                            "date-outside-period",
                                            "welfare-commitment",
                                            "single-owner",
                                            "one-off-action",
                                            "evaluation-deadline-missed",
                                            "evaluation-deadline-near",
                                            "evaluation-deadline-late",
                                            "evaluation-order"};
    for (const RuleInfo& rule : barnplan::rule_catalog()) {
        if (rule.family == "common" || rule.family == "unicef-bvk") {
            CAPTURE(rule.id);
            CHECK(tested.count(rule.id) == 1);
        }
    }
    for (std::string_view id : tested) {
        CAPTURE(id);
        CHECK(barnplan::find_rule(id) != nullptr);
    }
}

TEST_CASE("the rule catalog: unique ids, both languages, known families")
{
    const auto& catalog = barnplan::rule_catalog();
    REQUIRE_FALSE(catalog.empty());
    std::set<std::string_view> ids;
    for (const RuleInfo& rule : catalog) {
        CAPTURE(rule.id);
        CHECK(ids.insert(rule.id).second);
        CHECK_FALSE(rule.id.empty());
        CHECK(rule.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos);
        CHECK_FALSE(rule.summary.en.empty());
        CHECK_FALSE(rule.summary.sv.empty());
        CHECK(rule.summary.en != rule.summary.sv);
        const bool known_family = rule.family == "loader" || rule.family == "common" || rule.family == "unicef-bvk" ||
                                  rule.family == "barnrattsresan" || rule.family == "partnership";
        CHECK(known_family);
        CHECK(barnplan::find_rule(rule.id) == &rule);
    }
    CHECK(barnplan::find_rule("no-such-rule") == nullptr);

    SUBCASE("loader checks come first")
    {
        bool left_loader = false;
        for (const RuleInfo& rule : catalog) {
            CAPTURE(rule.id);
            if (rule.family != "loader") {
                left_loader = true;
            }
            CHECK_FALSE((left_loader && rule.family == "loader"));
        }
    }
}

TEST_CASE("every rule finding has an id from the catalog and messages in English and Swedish")
{
    // A plan that breaks as many rules as possible at once.
    std::string broken =
        k_head + goal("G1", "process-indicator") + goal("G2", "free-choice") + goal("G3", "free-choice");
    broken = with(broken, "        due: 2025-10-31\n        how: Twice a year in every department (G3)",
                  "        due: 2027-01-01\n        how: Twice a year in every department (G3)");
    broken = with(broken, "vision: Every child in Testby is heard.\n", "");
    broken = with(broken, "strategy_link: Municipal strategy 2030, area \"A good life\".\n", "");
    broken = with(broken, "end: 2026-12-31 }", "end: 2026-03-31 }");
    broken = with(broken, "    title: Goal G1 is reached\n", "");
    broken = with(broken, "    indicator: \"PG1\"\n", "");
    broken =
        with(broken, "    start_level: 1\n    target_level: 3\n    children_views: The youth council chose goal G1.\n",
             "    welfare_area: true\n");
    broken = with(broken, "        who: Unit of goal G1\n", "");
    broken = with(broken,
                  "        recurring: true\n        updates:\n          - { date: 2025-05-01, status: started, note: "
                  "\"G1 begun\" }",
                  "        updates:\n          - { date: 2026-07-01, status: started, note: \"G1 begun\" }");
    broken = with(broken,
                  "        target: 80\n        due: 2026-10-31\n        measurements:\n          - { date: 2025-11-20, "
                  "value: 35, note: \"G1 first\" }",
                  "        measurements:\n          - { date: 2025-11-20, value: 35, note: \"G1 first\" }");
    broken = with(broken, "date: 2025-03-14, stage: unicef-approved", "date: 2025-05-14, stage: unicef-approved");
    broken = with(broken, "        due: 2025-10-31\n        how: Twice a year in every department (G2)",
                  "        due: 2025-01-31\n        how: Twice a year in every department (G2)");
    broken += "  - id: G4\n    start_level: 4\n    target_level: 3\n";

    const Diagnostics found = check(broken);
    INFO(describe(found));
    std::set<std::string> rules;
    for (const Diagnostic& d : found) {
        CAPTURE(d.rule);
        rules.insert(d.rule);
        const RuleInfo* info = barnplan::find_rule(d.rule);
        REQUIRE(info != nullptr);
        CHECK(info->family != "loader");
        CHECK(d.severity == info->severity);
        CHECK_FALSE(d.message.en.empty());
        CHECK_FALSE(d.message.sv.empty());
        CHECK(d.message.en != d.message.sv);
        CHECK_FALSE(d.hint.en.empty());
        CHECK_FALSE(d.hint.sv.empty());
        CHECK(d.position.known());
    }
    // All but period-required (which needs the period gone) and single-owner
    // (which needs most owners alike) fire on this plan.
    std::set<std::string> expected;
    for (const RuleInfo& rule : barnplan::rule_catalog()) {
        // The evaluation deadlines need an `evaluation:`; their own case is below.
        if ((rule.family == "common" || rule.family == "unicef-bvk") && rule.id != "period-required" &&
            rule.id != "single-owner" && rule.id.rfind("evaluation-", 0) != 0) {
            expected.insert(std::string(rule.id));
        }
    }
    CHECK(rules == expected);

    SUBCASE("the example plans' findings are well formed too")
    {
        for (std::string_view name : {"exempelby.yaml", "riverton.yaml"}) {
            const std::string text = barnplan::test::read_example(name);
            const auto loaded = barnplan::load_plan(text, std::string(name));
            REQUIRE(loaded.plan.has_value());
            const Diagnostics example = barnplan::check_plan(*loaded.plan, barnplan::RuleContext{k_today});
            barnplan::test::check_well_formed(example);
        }
    }
}

TEST_CASE("check_plan without a model runs only the common rules")
{
    barnplan::Plan plan;
    plan.file = "x.yaml";
    const Diagnostics found = barnplan::check_plan(plan, barnplan::RuleContext{k_today});
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "period-required");
    CHECK(found[0].file == "x.yaml");
}

TEST_CASE("rule findings past k_max_findings are counted in one note")
{
    // Goals with no action and no meter: each draws rule findings only.
    std::string text = "barnplan: 1\nmodel: partnership\nname: N\nidea: I\nperiod: { start: 2025-01-01, end: 2026-12-31 }\ngoals:\n";
    const std::size_t goals = barnplan::k_max_findings + 10;
    for (std::size_t i = 0; i < goals; ++i) {
        text += "  - { id: G" + std::to_string(i) + ", title: t }\n";
    }
    const barnplan::LoadResult loaded = barnplan::load_plan(text, "plan.yaml");
    REQUIRE(loaded.plan.has_value());
    const Diagnostics found = barnplan::check_plan(*loaded.plan, barnplan::RuleContext{*Date::from_ymd(2026, 1, 15)});
    REQUIRE(found.size() == barnplan::k_max_findings + 1);
    CHECK(found.back().rule == "too-many-findings");
    CHECK(found.back().file == "plan.yaml");
    CHECK(found.back().related.known());
    CHECK(found.back().omitted > 0);
}
