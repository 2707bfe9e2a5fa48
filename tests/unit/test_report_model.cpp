// The arithmetic behind `barnplan report`: progress, statuses that follow the
// dates, coverage. A missing value is never counted as progress.

#include <barnplan/loader.hpp>
#include <barnplan/report.hpp>

#include <doctest/doctest.h>

#include <string>

namespace barnplan {
namespace {

std::optional<MeterValue> num(double v)
{
    return MeterValue{v, false};
}

std::optional<MeterValue> yes_no(bool v)
{
    return MeterValue{v ? 1.0 : 0.0, true};
}

/// A one-goal plan whose meter and action are given as YAML lines.
PlanReport report_of(const std::string& meters, const std::string& actions, const std::string& as_of,
                     const std::string& goal_extra = "")
{
    const std::string text = "barnplan: 1\nmodel: unicef-bvk\nlanguage: en\nmunicipality: Testby\n"
                             "period: { start: 2025-01-01, end: 2026-12-31 }\n"
                             "goals:\n  - id: G1\n    title: A goal\n" +
                             goal_extra + "    meters:\n" + meters + "    actions:\n" + actions;
    LoadResult loaded = load_plan(text, "plan.yaml");
    REQUIRE(loaded.plan);
    REQUIRE_MESSAGE(loaded.diagnostics.empty(), loaded.diagnostics.front().message.en);
    ReportOptions options;
    options.as_of = *Date::parse(as_of);
    return build_report(*loaded.plan, options);
}

const std::string k_action = "      - { id: G1.A1, what: x, who: y, due: 2026-06-30 }\n";

} // namespace

TEST_CASE("meter progress is (latest - baseline) / (target - baseline), clamped")
{
    CHECK(*meter_progress(MeterKind::number, num(10), num(80), num(45)) == doctest::Approx(0.5));
    SUBCASE("beyond the target counts as reached, not more")
    {
        CHECK(*meter_progress(MeterKind::number, num(10), num(80), num(95)) == doctest::Approx(1.0));
    }
    SUBCASE("below the baseline is no progress, not negative")
    {
        CHECK(*meter_progress(MeterKind::number, num(10), num(80), num(5)) == doctest::Approx(0.0));
    }
    SUBCASE("a decreasing target such as fewer incidents")
    {
        CHECK(*meter_progress(MeterKind::number, num(40), num(10), num(25)) == doctest::Approx(0.5));
        CHECK(*meter_progress(MeterKind::number, num(40), num(10), num(50)) == doctest::Approx(0.0));
        CHECK(*meter_progress(MeterKind::number, num(40), num(10), num(5)) == doctest::Approx(1.0));
    }
    SUBCASE("baseline equal to target: holding the value is all or nothing")
    {
        CHECK(*meter_progress(MeterKind::number, num(50), num(50), num(50)) == doctest::Approx(1.0));
        CHECK(*meter_progress(MeterKind::number, num(50), num(50), num(49)) == doctest::Approx(0.0));
    }
    SUBCASE("yes/no meters are 0 or 100 %")
    {
        CHECK(*meter_progress(MeterKind::yes_no, yes_no(false), yes_no(true), yes_no(true)) == doctest::Approx(1.0));
        CHECK(*meter_progress(MeterKind::yes_no, yes_no(false), yes_no(true), yes_no(false)) == doctest::Approx(0.0));
        CHECK(*meter_progress(MeterKind::yes_no, std::nullopt, yes_no(true), yes_no(true)) == doctest::Approx(1.0));
    }
    SUBCASE("level meters use the levels")
    {
        CHECK(*meter_progress(MeterKind::level, num(1), num(3), num(2)) == doctest::Approx(0.5));
        CHECK(*meter_progress(MeterKind::level, num(2), num(4), num(4)) == doctest::Approx(1.0));
    }
    SUBCASE("nothing to compute without a value, a target, or a baseline")
    {
        CHECK_FALSE(meter_progress(MeterKind::number, num(10), num(80), std::nullopt));
        CHECK_FALSE(meter_progress(MeterKind::number, num(10), std::nullopt, num(30)));
        CHECK_FALSE(meter_progress(MeterKind::number, std::nullopt, num(80), num(30)));
    }
}

TEST_CASE("a meter without a measurement cannot be assessed and adds nothing to coverage")
{
    const PlanReport r = report_of("      - { id: G1.M1, what: m, baseline: 10, target: 80, due: 2026-10-31 }\n",
                                   k_action, "2025-06-01");
    REQUIRE(r.goals.size() == 1);
    const MeterLine& m = r.goals[0].meters.at(0);
    CHECK(m.status == Status::cannot_assess);
    CHECK_FALSE(m.progress);
    CHECK(r.meters_total == 1);
    CHECK(r.meters_with_values == 0);
    CHECK(r.goals[0].status == Status::cannot_assess);
}

TEST_CASE("meter status follows the dates")
{
    const std::string meter = "      - id: G1.M1\n        what: m\n        baseline: 10\n        target: 80\n"
                              "        due: 2026-06-30\n        measurements:\n"
                              "          - { date: 2025-06-01, value: 30 }\n";
    SUBCASE("on pace is on track")
    {
        // Half a year of eighteen months gone, 29 % of the way: ahead of a 25 % margin below pace.
        const PlanReport r = report_of(meter, k_action, "2025-07-01");
        CHECK(r.goals[0].meters[0].status == Status::on_track);
        CHECK(r.goals[0].meters[0].progress == doctest::Approx(20.0 / 70.0));
    }
    SUBCASE("far behind the pace is at risk")
    {
        const std::string slow = "      - id: G1.M1\n        what: m\n        baseline: 10\n        target: 80\n"
                                 "        due: 2026-06-30\n        measurements:\n"
                                 "          - { date: 2026-03-01, value: 12 }\n";
        const PlanReport r = report_of(slow, k_action, "2026-03-15");
        CHECK(r.goals[0].meters[0].status == Status::at_risk);
        CHECK(r.goals[0].status == Status::at_risk);
    }
    SUBCASE("past due and not reached is late")
    {
        const std::string behind = "      - id: G1.M1\n        what: m\n        baseline: 10\n        target: 80\n"
                                   "        due: 2026-06-30\n        measurements:\n"
                                   "          - { date: 2026-06-15, value: 60 }\n";
        const PlanReport r = report_of(behind, k_action, "2026-07-15");
        CHECK(r.goals[0].meters[0].status == Status::late);
        CHECK(r.goals[0].status == Status::late);
    }
    SUBCASE("reached is achieved, even after the due date")
    {
        const std::string done = "      - id: G1.M1\n        what: m\n        baseline: 10\n        target: 80\n"
                                 "        due: 2026-06-30\n        measurements:\n"
                                 "          - { date: 2026-06-15, value: 85 }\n";
        const PlanReport r = report_of(done, k_action, "2026-07-15");
        CHECK(r.goals[0].meters[0].status == Status::achieved);
        CHECK(r.goals[0].status == Status::achieved);
    }
    SUBCASE("a stale value cannot show the state")
    {
        const PlanReport r = report_of(meter, k_action, "2026-06-20");
        CHECK(r.goals[0].meters[0].status == Status::cannot_assess);
        CHECK(r.meters_with_values == 1);
        CHECK(r.meters_current == 0);
    }
    SUBCASE("measurements after the report date are not yet known")
    {
        const PlanReport r = report_of(meter, k_action, "2025-05-01");
        CHECK(r.goals[0].meters[0].status == Status::cannot_assess);
        CHECK(r.goals[0].meters[0].measurements == 0);
    }
    SUBCASE("the latest value is the newest by date, not the last written")
    {
        const std::string unordered = "      - id: G1.M1\n        what: m\n        baseline: 10\n        target: 80\n"
                                      "        due: 2026-06-30\n        measurements:\n"
                                      "          - { date: 2026-02-01, value: 50 }\n"
                                      "          - { date: 2025-09-01, value: 20 }\n";
        const PlanReport r = report_of(unordered, k_action, "2026-03-01");
        REQUIRE(r.goals[0].meters[0].latest);
        CHECK(r.goals[0].meters[0].latest->number == doctest::Approx(50));
        CHECK(r.goals[0].meters[0].latest_date->iso() == "2026-02-01");
    }
}

TEST_CASE("an action is late when past due and not done, whatever status was typed")
{
    const std::string meter = "      - { id: G1.M1, what: m, baseline: 0, target: 1, due: 2026-10-31 }\n";
    SUBCASE("'started' past its due date is late")
    {
        const PlanReport r = report_of(meter, "      - { id: G1.A1, what: x, who: y, due: 2025-06-30, status: started }\n",
                                       "2025-07-01");
        CHECK(r.goals[0].actions[0].late);
        CHECK(r.actions_late == 1);
    }
    SUBCASE("'planned' with no status typed at all is late too")
    {
        const PlanReport r = report_of(meter, "      - { id: G1.A1, what: x, who: y, due: 2025-06-30 }\n", "2025-07-01");
        CHECK(r.goals[0].actions[0].late);
    }
    SUBCASE("marked done later: no longer late")
    {
        const PlanReport r = report_of(meter,
                                       "      - id: G1.A1\n        what: x\n        who: y\n        due: 2025-06-30\n"
                                       "        status: done\n        updates:\n"
                                       "          - { date: 2025-08-15, status: done }\n",
                                       "2025-09-01");
        CHECK_FALSE(r.goals[0].actions[0].late);
        CHECK(r.actions_done == 1);
        CHECK(r.goals[0].actions[0].days_since_update == 17);
    }
    SUBCASE("dropped is not late")
    {
        const PlanReport r = report_of(meter, "      - { id: G1.A1, what: x, who: y, due: 2025-06-30, status: dropped }\n",
                                       "2025-07-01");
        CHECK_FALSE(r.goals[0].actions[0].late);
    }
    SUBCASE("due today is not yet late")
    {
        const PlanReport r = report_of(meter, "      - { id: G1.A1, what: x, who: y, due: 2025-06-30 }\n", "2025-06-30");
        CHECK_FALSE(r.goals[0].actions[0].late);
    }
}

TEST_CASE("goal level progress and status")
{
    const std::string meter = "      - { id: G1.M1, what: m, baseline: 0, target: 1, due: 2026-10-31 }\n";
    SUBCASE("level progress is (current - start) / (target - start)")
    {
        const PlanReport r = report_of(meter, k_action, "2025-07-01",
                                       "    start_level: 1\n    current_level: 2\n    target_level: 3\n");
        REQUIRE(r.goals[0].progress);
        CHECK(*r.goals[0].progress == doctest::Approx(0.5));
        CHECK(r.goals[0].status == Status::on_track);
    }
    SUBCASE("reaching the target level achieves the goal")
    {
        const PlanReport r = report_of(meter, k_action, "2025-07-01",
                                       "    start_level: 1\n    current_level: 3\n    target_level: 3\n");
        CHECK(r.goals[0].status == Status::achieved);
        CHECK(r.goals_achieved == 1);
    }
    SUBCASE("no current level and no values: cannot assess")
    {
        const PlanReport r = report_of(meter, k_action, "2025-07-01", "    start_level: 1\n    target_level: 3\n");
        CHECK_FALSE(r.goals[0].progress);
        CHECK(r.goals[0].status == Status::cannot_assess);
    }
}

TEST_CASE("the header facts: elapsed share, last update, coming up")
{
    const std::string meter = "      - id: G1.M1\n        what: m\n        baseline: 10\n        target: 80\n"
                              "        due: 2026-10-31\n        measurements:\n"
                              "          - { date: 2025-11-20, value: 30 }\n";
    const PlanReport r = report_of(meter, "      - { id: G1.A1, what: x, who: y, due: 2026-01-15 }\n", "2025-12-31");
    REQUIRE(r.elapsed);
    CHECK(*r.elapsed == doctest::Approx(364.0 / 730.0));
    REQUIRE(r.last_update);
    CHECK(r.last_update->iso() == "2025-11-20");
    CHECK(r.days_since_update == 41);
    REQUIRE(r.upcoming.size() == 1); // the meter is due beyond 90 days
    CHECK(r.upcoming[0].id == "G1.A1");
    REQUIRE(r.next_deadline);
    CHECK(r.next_deadline->iso() == "2026-01-15");
}

TEST_CASE("filters narrow the listing but not the totals")
{
    const std::string meter = "      - { id: G1.M1, what: m, baseline: 0, target: 1, due: 2026-10-31 }\n";
    const std::string actions = "      - { id: G1.A1, what: x, who: Skolan, due: 2025-03-01 }\n"
                                "      - { id: G1.A2, what: y, who: Fritiden, due: 2026-03-01 }\n";
    const std::string text = "barnplan: 1\nmodel: unicef-bvk\nperiod: { start: 2025-01-01, end: 2026-12-31 }\n"
                             "goals:\n  - id: G1\n    meters:\n" +
                             meter + "    actions:\n" + actions;
    LoadResult loaded = load_plan(text, "plan.yaml");
    REQUIRE(loaded.plan);
    ReportOptions options;
    options.as_of = *Date::parse("2025-06-01");
    SUBCASE("--owner keeps that owner's actions, case-insensitively")
    {
        options.owner = "skolan";
        const PlanReport r = build_report(*loaded.plan, options);
        REQUIRE(r.goals.size() == 1);
        REQUIRE(r.goals[0].actions.size() == 1);
        CHECK(r.goals[0].actions[0].id == "G1.A1");
        CHECK(r.actions_total == 2);
    }
    SUBCASE("--late keeps what is late")
    {
        options.late_only = true;
        const PlanReport r = build_report(*loaded.plan, options);
        REQUIRE(r.goals.size() == 1);
        REQUIRE(r.goals[0].actions.size() == 1);
        CHECK(r.goals[0].actions[0].id == "G1.A1");
    }
    SUBCASE("--goal with an unknown id lists nothing")
    {
        options.goal = "G9";
        CHECK(build_report(*loaded.plan, options).goals.empty());
    }
}

} // namespace barnplan

TEST_CASE("a partnership timeline has at most eleven years, whatever the meetings' dates")
{
    using namespace barnplan;
    // No period, and a meeting with a mistyped year: the grid still fits a page.
    const std::string text = "barnplan: 1\nmodel: partnership\nlanguage: en\nname: N\nidea: I\n"
                             "members:\n  - { id: a, municipality: Aby, politician: P, official: O }\n"
                             "meetings:\n  - { date: 2025-03-13, kind: joint, host: a }\n"
                             "  - { date: 9445-10-09, kind: joint, host: a }\n";
    const LoadResult loaded = load_plan(text, "plan.yaml");
    REQUIRE(loaded.plan);
    ReportOptions options;
    options.as_of = *Date::parse("2026-11-23");
    const PlanReport report = build_report(*loaded.plan, options);
    REQUIRE(report.partnership);
    CHECK(report.partnership->first_year == 2025);
    CHECK(report.partnership->last_year == 2035);
    CHECK(report.partnership->meetings.size() == 2);
}
