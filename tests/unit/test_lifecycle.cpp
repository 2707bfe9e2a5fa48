// The gates of the Barnrättsresan and partnership lifecycles: each one blocks
// a plan that lacks what it requires and lets a complete plan pass.

#include "support.hpp"

#include <barnplan/edit.hpp>
#include <barnplan/lifecycle.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/rules.hpp>

#include <doctest/doctest.h>

#include <string>

namespace {

using namespace barnplan;

const std::string k_journey = R"(barnplan: 1
model: barnrattsresan
language: en
period: { start: 2025-09-01, end: 2027-08-31 }
stage: draft
ambition: Knowledge first.
areas:
  - id: knowledge
    title: Living conditions
    goal: We know more.
    follow_up:
      outcome: Two surveys.
      effects: Decisions rest on what children said.
      goal_reached: true
      more_measures: false
review:
  date: 2025-12-02
  realistic: Yes.
  reaches_goals: Yes.
  rights_fulfilled: Partly.
implementation: { start: 2026-01-15, end: 2026-10-31 }
meetings:
  - { date: 2026-03-10, kind: check-in }
  - { date: 2026-11-18, kind: follow-up }
)";

const std::string k_network = R"(barnplan: 1
model: partnership
language: en
period: { start: 2025-01-01, end: 2025-12-31 }
stage: draft
idea: Together.
goals:
  - { id: N1, title: Influence, ways: [Peer review] }
strategies: [Meet often]
members:
  - { id: a, municipality: A, politician: PA, official: OA }
  - { id: b, municipality: B, politician: PB, official: OB }
  - { id: c, municipality: C, politician: PC, official: OC }
meetings:
  - { date: 2025-03-13, kind: joint, host: a }
  - { date: 2025-06-10, kind: peer-review, host: b }
  - { date: 2025-10-09, kind: joint, host: b }
  - { date: 2025-12-01, kind: final-report, host: c }
)";

struct Step {
    std::string from;
    std::string to;
    std::string date;
    std::string by = "Board";
    std::string ref = "§ 1";
};

/// The ids of the gates that block the step, with the plan's own findings as
/// `barnplan advance` gives them.
std::string blocked(const std::string& text, const Step& step)
{
    const LoadResult loaded = load_plan(text, test::k_file);
    REQUIRE(loaded.plan);
    AdvanceRequest request;
    request.from = step.from;
    request.to = step.to;
    request.date = *Date::parse(step.date);
    request.date_given = true;
    request.by = step.by;
    request.ref = step.ref;
    Diagnostics problems = loaded.diagnostics;
    const Diagnostics found = check_plan(*loaded.plan, RuleContext{*Date::parse("2027-12-31")});
    problems.insert(problems.end(), found.begin(), found.end());
    const Diagnostics unmet = check_gates(*loaded.plan, request, problems);
    INFO(test::describe(unmet));
    return test::joined_ids(unmet);
}

bool has(const std::string& ids, std::string_view gate)
{
    return (" " + ids + " ").find(" " + std::string(gate) + " ") != std::string::npos;
}

} // namespace

TEST_CASE("barnrattsresan gates: a complete plan passes every step")
{
    CHECK(blocked(k_journey, {"draft", "reviewed", "2025-12-02"}) == "(none)");
    CHECK(blocked(k_journey, {"reviewed", "approved", "2025-12-16"}) == "(none)");
    CHECK(blocked(k_journey, {"approved", "implementing", "2026-01-15"}) == "(none)");
    CHECK(blocked(k_journey, {"implementing", "followed-up", "2026-11-18"}) == "(none)");
}

TEST_CASE("barnrattsresan gates: each blocks what it requires")
{
    SUBCASE("gate-review-answered: a question unanswered, no date, or the step before the review")
    {
        const std::string open = test::with(k_journey, "  reaches_goals: Yes.\n", "");
        CHECK(has(blocked(open, {"draft", "reviewed", "2025-12-02"}), "gate-review-answered"));
        const std::string undated = test::with(k_journey, "  date: 2025-12-02\n", "");
        CHECK(has(blocked(undated, {"draft", "reviewed", "2025-12-02"}), "gate-review-answered"));
        CHECK(has(blocked(k_journey, {"draft", "reviewed", "2025-12-01"}), "gate-review-answered"));
    }
    SUBCASE("gate-validates: the draft must validate")
    {
        const std::string broken = test::with(k_journey, "ambition: Knowledge first.\n", "");
        CHECK(has(blocked(broken, {"draft", "reviewed", "2025-12-02"}), "gate-validates"));
    }
    SUBCASE("gate-review-before-decision and the decision's by, date and ref")
    {
        CHECK(has(blocked(k_journey, {"reviewed", "approved", "2025-11-30"}), "gate-review-before-decision"));
        const std::string ids = blocked(k_journey, {"reviewed", "approved", "2025-12-16", "", ""});
        CHECK(has(ids, "gate-decision-by"));
        CHECK(has(ids, "gate-decision-ref"));
        const std::string no_review = test::with(k_journey, "  date: 2025-12-02\n", "");
        CHECK(has(blocked(no_review, {"reviewed", "approved", "2025-12-16"}), "gate-review-before-decision"));
    }
    SUBCASE("gate-implementation-period: missing, or outside 3–12 months")
    {
        const std::string none =
            test::with(k_journey, "implementation: { start: 2026-01-15, end: 2026-10-31 }\n", "");
        CHECK(has(blocked(none, {"approved", "implementing", "2026-01-15"}), "gate-implementation-period"));
        const std::string short_one = test::with(k_journey, "end: 2026-10-31", "end: 2026-03-31");
        const std::string ids = blocked(short_one, {"approved", "implementing", "2026-01-15"});
        CHECK(has(ids, "gate-implementation-period"));
        // The check-in on 2026-03-10 still falls inside.
        CHECK_FALSE(has(ids, "gate-check-ins-booked"));
        const std::string long_one = test::with(k_journey, "end: 2026-10-31", "end: 2027-02-28");
        CHECK(has(blocked(long_one, {"approved", "implementing", "2026-01-15"}), "gate-implementation-period"));
    }
    SUBCASE("gate-check-ins-booked and gate-follow-up-booked")
    {
        const std::string no_check_in = test::with(k_journey, "  - { date: 2026-03-10, kind: check-in }\n", "");
        CHECK(blocked(no_check_in, {"approved", "implementing", "2026-01-15"}) == "gate-check-ins-booked");
        const std::string no_follow_up = test::with(k_journey, "  - { date: 2026-11-18, kind: follow-up }\n", "");
        CHECK(blocked(no_follow_up, {"approved", "implementing", "2026-01-15"}) == "gate-follow-up-booked");
    }
    SUBCASE("gate-follow-up-held: the step is dated before the follow-up meeting")
    {
        CHECK(blocked(k_journey, {"implementing", "followed-up", "2026-11-17"}) == "gate-follow-up-held");
    }
    SUBCASE("gate-areas-followed-up: each of the four answers is required")
    {
        for (const char* line : {"      outcome: Two surveys.\n", "      effects: Decisions rest on what children said.\n",
                                 "      goal_reached: true\n", "      more_measures: false\n"}) {
            CAPTURE(line);
            CHECK(blocked(test::with(k_journey, line, ""), {"implementing", "followed-up", "2026-11-18"}) ==
                  "gate-areas-followed-up");
        }
    }
}

TEST_CASE("partnership gates: a complete plan passes every step")
{
    CHECK(blocked(k_network, {"draft", "agreed", "2024-11-20"}) == "(none)");
    CHECK(blocked(k_network, {"agreed", "running", "2025-01-01"}) == "(none)");
    CHECK(blocked(k_network, {"running", "reviewed", "2025-06-10"}) == "(none)");
    CHECK(blocked(k_network, {"reviewed", "closed", "2025-12-01"}) == "(none)");
}

TEST_CASE("partnership gates: each blocks what it requires")
{
    SUBCASE("gate-members: two members, each with a politician and an official")
    {
        const std::string one = test::with(
            test::with(k_network, "  - { id: b, municipality: B, politician: PB, official: OB }\n", ""),
            "  - { id: c, municipality: C, politician: PC, official: OC }\n", "");
        CHECK(has(blocked(one, {"draft", "agreed", "2024-11-20"}), "gate-members"));
        const std::string no_official = test::with(k_network, ", official: OB", "");
        CHECK(blocked(no_official, {"draft", "agreed", "2024-11-20"}) == "gate-members");
        const std::string no_politician = test::with(k_network, "politician: PC, ", "");
        CHECK(blocked(no_politician, {"draft", "agreed", "2024-11-20"}) == "gate-members");
    }
    SUBCASE("the agreement decision: by, date and ref")
    {
        const std::string ids = blocked(k_network, {"draft", "agreed", "2024-11-20", "", ""});
        CHECK(ids == "gate-decision-by gate-decision-ref");
    }
    SUBCASE("gate-meeting-plan: two joint meetings a year, hosted by members")
    {
        const std::string one_joint = test::with(k_network, "  - { date: 2025-10-09, kind: joint, host: b }\n", "");
        CHECK(blocked(one_joint, {"agreed", "running", "2025-01-01"}) == "gate-meeting-plan");
        const std::string stranger = test::with(k_network, "kind: joint, host: b", "kind: joint, host: x");
        CHECK(blocked(stranger, {"agreed", "running", "2025-01-01"}) == "gate-meeting-plan");
        const std::string no_host = test::with(k_network, "kind: joint, host: b", "kind: joint");
        CHECK(blocked(no_host, {"agreed", "running", "2025-01-01"}) == "gate-meeting-plan");
    }
    SUBCASE("gate-peer-review-held and gate-final-report-held")
    {
        CHECK(blocked(k_network, {"running", "reviewed", "2025-06-09"}) == "gate-peer-review-held");
        CHECK(blocked(k_network, {"reviewed", "closed", "2025-11-30"}) == "gate-final-report-held");
        const std::string no_review = test::with(k_network, "kind: peer-review", "kind: officials");
        CHECK(blocked(no_review, {"running", "reviewed", "2025-12-31"}) == "gate-peer-review-held");
    }
}

TEST_CASE("gates: every gate of every model is listed once with its text")
{
    std::size_t journey = 0;
    std::size_t network = 0;
    for (const Gate* g : all_gates()) {
        CHECK(g->id.substr(0, 5) == "gate-");
        CHECK_FALSE(g->summary.en.empty());
        CHECK_FALSE(g->summary.sv.empty());
    }
    for (const Transition& t : lifecycle_of(Model::barnrattsresan).transitions) {
        journey += t.gates.size();
    }
    for (const Transition& t : lifecycle_of(Model::partnership).transitions) {
        network += t.gates.size();
    }
    CHECK(journey == 16);
    CHECK(network == 11);
}

TEST_CASE("record: a partnership meeting with its host, who must be a member")
{
    RecordRequest request;
    request.date = *Date::parse("2025-05-20");
    request.meeting_kind = "officials";
    request.meeting_host = "c";
    request.note = "Spring";
    const PlanEdit edit = record_in_plan(k_network, test::k_file, request);
    INFO(test::describe(edit.diagnostics));
    REQUIRE(edit.text);
    CHECK(*edit.text == k_network + "  - { date: 2025-05-20, kind: officials, host: c, note: \"Spring\" }\n");
    CHECK(edit.summary.en == "recorded a officials meeting on 2025-05-20, hosted by c");

    request.meeting_host = "bb";
    const PlanEdit stranger = record_in_plan(k_network, test::k_file, request);
    CHECK_FALSE(stranger.text);
    REQUIRE(stranger.diagnostics.size() == 1);
    CHECK(stranger.diagnostics[0].rule == "record-unknown-id");
    CHECK(stranger.diagnostics[0].message.en == "the host 'bb' is not a member of the partnership");
    CHECK(stranger.diagnostics[0].message.sv == "värden 'bb' är ingen medlem i partnerskapet");
    CHECK(stranger.diagnostics[0].hint.en == "did you mean 'b'? (members: a, b, c)");

    // A host is a partnership's: another model's plan refuses it.
    request.meeting_host = "a";
    request.meeting_kind = "check-in";
    const PlanEdit other = record_in_plan(k_journey, test::k_file, request);
    CHECK_FALSE(other.text);
    CHECK(test::joined_ids(other.diagnostics) == "record-bad-value");
}
