// The edit engine over a corpus of styles: every test compares the whole
// text after the edit, so a byte changed anywhere else fails it.

#include "support.hpp"

#include <barnplan/edit.hpp>
#include <barnplan/lifecycle.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace barnplan;

namespace {

std::string appended(const std::string& text, const YamlPath& path, const std::string& key,
                     const std::vector<YamlField>& fields, const std::vector<std::string>& after = {})
{
    const TextEdit edit = yaml_append_entry(text, test::k_file, path, key, fields, after);
    INFO(test::joined_ids(edit.diagnostics));
    REQUIRE(edit.text);
    return *edit.text;
}

std::string set_to(const std::string& text, const YamlPath& path, const std::string& key, const std::string& value,
                   const std::vector<std::string>& after = {})
{
    const TextEdit edit = yaml_set_scalar(text, test::k_file, path, key, value, after);
    INFO(test::joined_ids(edit.diagnostics));
    REQUIRE(edit.text);
    return *edit.text;
}

const YamlPath k_meter{{"goals", "id", "G1"}, {"meters", "id", "G1.M1"}};
const std::vector<YamlField> k_entry{{"date", "2026-01-10"}, {"value", "7"}};

/// A plan around one meter's lines, for the corpus below.
std::string plan_with(const std::string& meter_lines)
{
    return "barnplan: 1\nmodel: unicef-bvk\ngoals:\n  - id: G1\n    meters:\n      - id: G1.M1\n" + meter_lines;
}

} // namespace

TEST_CASE("edit: a measurement joins flow siblings, comments between items stay")
{
    const std::string before = plan_with("        measurements:\n"
                                         "          - { date: 2025-01-01, value: 1 }\n"
                                         "          # the autumn survey\n"
                                         "          - { date: 2025-06-01, value: 2 }  # late\n"
                                         "# a comment at the left edge\n");
    const std::string after = plan_with("        measurements:\n"
                                        "          - { date: 2025-01-01, value: 1 }\n"
                                        "          # the autumn survey\n"
                                        "          - { date: 2025-06-01, value: 2 }  # late\n"
                                        "          - { date: 2026-01-10, value: 7 }\n"
                                        "# a comment at the left edge\n");
    CHECK(appended(before, k_meter, "measurements", k_entry) == after);
}

TEST_CASE("edit: block map siblings give a block entry with their indentation")
{
    const std::string before = plan_with("        measurements:\n"
                                         "        -   date: 2025-01-01\n"
                                         "            value: 1\n");
    const std::string after = plan_with("        measurements:\n"
                                        "        -   date: 2025-01-01\n"
                                        "            value: 1\n"
                                        "        -   date: 2026-01-10\n"
                                        "            value: 7\n");
    CHECK(appended(before, k_meter, "measurements", k_entry) == after);
}

TEST_CASE("edit: the majority style wins; a tie goes to the last sibling")
{
    SUBCASE("majority flow")
    {
        const std::string before = plan_with("        measurements:\n"
                                             "          - {date: 2025-01-01, value: 1}\n"
                                             "          - {date: 2025-02-01, value: 2}\n"
                                             "          - date: 2025-03-01\n"
                                             "            value: 3\n");
        CHECK(appended(before, k_meter, "measurements", k_entry) ==
              before + "          - {date: 2026-01-10, value: 7}\n");
    }
    SUBCASE("tie, last is block")
    {
        const std::string before = plan_with("        measurements:\n"
                                             "          - { date: 2025-01-01, value: 1 }\n"
                                             "          - date: 2025-03-01\n"
                                             "            value: 3\n");
        CHECK(appended(before, k_meter, "measurements", k_entry) ==
              before + "          - date: 2026-01-10\n            value: 7\n");
    }
}

TEST_CASE("edit: quoted keys are copied")
{
    const std::string before = plan_with("        \"measurements\":\n"
                                         "          - { \"date\": 2025-01-01, \"value\": 1 }\n");
    CHECK(appended(before, k_meter, "measurements", k_entry) ==
          before + "          - { \"date\": 2026-01-10, \"value\": 7 }\n");
}

TEST_CASE("edit: CRLF line ends stay CRLF")
{
    const std::string before =
        "barnplan: 1\r\nmodel: unicef-bvk\r\ngoals:\r\n  - id: G1\r\n    meters:\r\n"
        "      - id: G1.M1\r\n        measurements:\r\n          - { date: 2025-01-01, value: 1 }\r\n"
        "stage: draft\r\n";
    const std::string after =
        "barnplan: 1\r\nmodel: unicef-bvk\r\ngoals:\r\n  - id: G1\r\n    meters:\r\n"
        "      - id: G1.M1\r\n        measurements:\r\n          - { date: 2025-01-01, value: 1 }\r\n"
        "          - { date: 2026-01-10, value: 7 }\r\nstage: draft\r\n";
    CHECK(appended(before, k_meter, "measurements", k_entry) == after);
}

TEST_CASE("edit: tabs in comments and unicode around the edit stay")
{
    const std::string before = plan_with("        what: Åtgärder för barn – \"trygghet\" 🙂\n"
                                         "        measurements:\t# värden\t från enkäten\n"
                                         "          - { date: 2025-01-01, value: 1, note: \"Höst – ö\" }\n");
    CHECK(appended(before, k_meter, "measurements", k_entry) ==
          before + "          - { date: 2026-01-10, value: 7 }\n");
}

TEST_CASE("edit: a file without a final newline still has none")
{
    const std::string before = plan_with("        measurements:\n          - { date: 2025-01-01, value: 1 }");
    CHECK(appended(before, k_meter, "measurements", k_entry) ==
          before + "\n          - { date: 2026-01-10, value: 7 }");
}

TEST_CASE("edit: a meter with no measurements key gets a list in the file's style")
{
    SUBCASE("copied from another meter's list")
    {
        const std::string before = "barnplan: 1\ngoals:\n  - id: G1\n    meters:\n      - id: G1.M1\n        what: A\n"
                                   "      - id: G1.M2\n        measurements:\n        - {date: 2025-01-01, value: 1}\n";
        const std::string after = "barnplan: 1\ngoals:\n  - id: G1\n    meters:\n      - id: G1.M1\n        what: A\n"
                                  "        measurements:\n        - {date: 2026-01-10, value: 7}\n"
                                  "      - id: G1.M2\n        measurements:\n        - {date: 2025-01-01, value: 1}\n";
        CHECK(appended(before, k_meter, "measurements", k_entry) == after);
    }
    SUBCASE("no list to copy: flow entries under the key")
    {
        const std::string before = "barnplan: 1\ngoals:\n  - id: G1\n    meters:\n      - id: G1.M1\n        what: A\n";
        CHECK(appended(before, k_meter, "measurements", k_entry) ==
              before + "        measurements:\n          - { date: 2026-01-10, value: 7 }\n");
    }
    SUBCASE("another list of entries decides")
    {
        const std::string before = "barnplan: 1\ngoals:\n  - id: G1\n    meters:\n      - id: G1.M1\n        what: A\n"
                                   "history:\n- date: 2025-01-01\n  stage: draft\n";
        CHECK(appended(before, k_meter, "measurements", k_entry) ==
              "barnplan: 1\ngoals:\n  - id: G1\n    meters:\n      - id: G1.M1\n        what: A\n"
              "        measurements:\n        - date: 2026-01-10\n          value: 7\n"
              "history:\n- date: 2025-01-01\n  stage: draft\n");
    }
    SUBCASE("a flow meter gets a flow list")
    {
        const std::string before = "barnplan: 1\ngoals:\n  - id: G1\n    meters:\n      - { id: G1.M1, what: A }\n";
        CHECK(appended(before, k_meter, "measurements", k_entry) ==
              "barnplan: 1\ngoals:\n  - id: G1\n    meters:\n"
              "      - { id: G1.M1, what: A, measurements: [{ date: 2026-01-10, value: 7 }] }\n");
    }
}

TEST_CASE("edit: flow lists")
{
    SUBCASE("an empty []")
    {
        const std::string before = plan_with("        measurements: []  # none yet\n");
        CHECK(appended(before, k_meter, "measurements", k_entry) ==
              plan_with("        measurements: [{ date: 2026-01-10, value: 7 }]  # none yet\n"));
    }
    SUBCASE("on one line")
    {
        const std::string before = plan_with("        measurements: [{date: 2025-01-01, value: 1}]\n");
        CHECK(appended(before, k_meter, "measurements", k_entry) ==
              plan_with("        measurements: [{date: 2025-01-01, value: 1}, {date: 2026-01-10, value: 7}]\n"));
    }
    SUBCASE("an item per line")
    {
        const std::string before = plan_with("        measurements: [\n          {date: 2025-01-01, value: 1},\n"
                                             "          {date: 2025-02-01, value: 2}\n        ]\n");
        CHECK(
            appended(before, k_meter, "measurements", k_entry) ==
            plan_with("        measurements: [\n          {date: 2025-01-01, value: 1},\n"
                      "          {date: 2025-02-01, value: 2},\n          {date: 2026-01-10, value: 7}\n        ]\n"));
    }
}

TEST_CASE("edit: an empty key gets its list below it")
{
    const std::string before = plan_with("        measurements:   # fill in\n        due: 2026-01-01\n");
    CHECK(appended(before, k_meter, "measurements", k_entry) ==
          plan_with("        measurements:   # fill in\n          - { date: 2026-01-10, value: 7 }\n"
                    "        due: 2026-01-01\n"));
}

TEST_CASE("edit: a scalar is replaced in place, keeping what is around it")
{
    const std::string before = "barnplan: 1\nstage: 'draft'   # set by advance\nmodel: unicef-bvk\n";
    CHECK(set_to(before, {}, "stage", "feedback") ==
          "barnplan: 1\nstage: feedback   # set by advance\nmodel: unicef-bvk\n");
    SUBCASE("a folded value over several lines")
    {
        const std::string folded = "barnplan: 1\nnote: >\n  one\n  two\n\n# next\nmodel: x\n";
        CHECK(set_to(folded, {}, "note", "\"three\"") == "barnplan: 1\nnote: \"three\"\n\n# next\nmodel: x\n");
    }
    SUBCASE("an empty value")
    {
        CHECK(set_to("barnplan: 1\nstage:\nmodel: x\n", {}, "stage", "draft") ==
              "barnplan: 1\nstage: draft\nmodel: x\n");
        CHECK(set_to("barnplan: 1\nstage: ~\nmodel: x\n", {}, "stage", "draft") ==
              "barnplan: 1\nstage: draft\nmodel: x\n");
    }
}

TEST_CASE("edit: a missing key is inserted after the key it belongs with")
{
    const std::string before = "barnplan: 1\nmodel: unicef-bvk\nperiod:\n  start: 2025-01-01\n\ngoals: []\n";
    CHECK(set_to(before, {}, "stage", "draft", {"period"}) ==
          "barnplan: 1\nmodel: unicef-bvk\nperiod:\n  start: 2025-01-01\nstage: draft\n\ngoals: []\n");
    CHECK(set_to(before, {}, "stage", "draft", {"nothing"}) == before + "stage: draft\n");
}

TEST_CASE("edit: refuses where it cannot edit safely")
{
    SUBCASE("an anchor in the way")
    {
        const std::string text =
            plan_with("        measurements: &values\n          - { date: 2025-01-01, value: 1 }\n");
        const TextEdit edit = yaml_append_entry(text, test::k_file, k_meter, "measurements", k_entry);
        CHECK_FALSE(edit.text);
        CHECK(test::joined_ids(edit.diagnostics) == "edit-anchor");
    }
    SUBCASE("an anchor on the meter")
    {
        const std::string text = "barnplan: 1\ngoals:\n  - id: G1\n    meters:\n      - &m\n        id: G1.M1\n";
        CHECK(test::joined_ids(yaml_append_entry(text, test::k_file, k_meter, "measurements", k_entry).diagnostics) ==
              "edit-anchor");
    }
    SUBCASE("an alias anywhere")
    {
        const std::string text = plan_with("        what: &w A\n        source: *w\n");
        CHECK(test::joined_ids(yaml_append_entry(text, test::k_file, k_meter, "measurements", k_entry).diagnostics) ==
              "edit-alias");
    }
    SUBCASE("two documents")
    {
        const std::string text = plan_with("        what: A\n") + "---\nbarnplan: 1\n";
        CHECK(test::joined_ids(yaml_append_entry(text, test::k_file, k_meter, "measurements", k_entry).diagnostics) ==
              "edit-multi-document");
    }
    SUBCASE("a path that is not there")
    {
        const TextEdit edit = yaml_append_entry(plan_with("        what: A\n"), test::k_file, {{"goals", "id", "G9"}},
                                                "measurements", k_entry);
        CHECK_FALSE(edit.text);
        CHECK(test::joined_ids(edit.diagnostics) == "edit-unsafe");
    }
}

TEST_CASE("edit: yaml_scalar quotes only what needs it")
{
    CHECK(yaml_scalar("Alla nämnder", false) == "Alla nämnder");
    CHECK(yaml_scalar("§ 57", false) == "§ 57");
    CHECK(yaml_scalar("a: b", false) == "\"a: b\"");
    CHECK(yaml_scalar("a, b", true) == "\"a, b\"");
    CHECK(yaml_scalar("a, b", false) == "a, b");
    CHECK(yaml_scalar("yes", false) == "\"yes\"");
    CHECK(yaml_scalar("2025", false) == "\"2025\"");
    CHECK(yaml_scalar("- x", false) == "\"- x\"");
    CHECK(yaml_scalar("say \"hi\"\n", false) == "\"say \\\"hi\\\"\\n\"");
    CHECK(yaml_scalar("", false) == "\"\"");
}

namespace {

const std::string k_plan = "barnplan: 1\n"
                           "model: unicef-bvk\n"
                           "period: { start: 2025-01-01, end: 2026-12-31 }\n"
                           "stage: implementing  # now\n"
                           "goals:\n"
                           "  - id: G1\n"
                           "    title: T\n"
                           "    basis: free-choice\n"
                           "    start_level: 1\n"
                           "    target_level: 3\n"
                           "    actions:\n"
                           "      - id: G1.A1\n"
                           "        what: W\n"
                           "        status: started\n"
                           "    meters:\n"
                           "      - id: G1.M1\n"
                           "        kind: percent\n"
                           "        measurements:\n"
                           "          - { date: 2025-06-01, value: 10 }\n"
                           "      - id: G1.M2\n"
                           "        kind: yes-no\n"
                           "history:\n"
                           "  - { date: 2025-01-10, stage: implementing, by: KS }\n";

PlanEdit record(const RecordRequest& request)
{
    return record_in_plan(k_plan, test::k_file, request);
}

} // namespace

TEST_CASE("record: a measurement, checked against the meter's kind")
{
    RecordRequest r{"G1.M1", "25.5", *Date::parse("2025-09-01"), std::string("höst, 2025"), false, "", ""};
    const PlanEdit edit = record(r);
    REQUIRE(edit.text);
    CHECK(*edit.text == test::with(k_plan, "          - { date: 2025-06-01, value: 10 }\n",
                                   "          - { date: 2025-06-01, value: 10 }\n"
                                   "          - { date: 2025-09-01, value: 25.5, note: \"höst, 2025\" }\n"));
    r.value = "101";
    CHECK(test::joined_ids(record(r).diagnostics) == "record-bad-value");
    r = {"G1.M2", "ja", *Date::parse("2025-09-01"), std::nullopt, false, "", ""};
    REQUIRE(record(r).text);
    CHECK(record(r).text->find(
              "        kind: yes-no\n        measurements:\n          - { date: 2025-09-01, value: true }\n") !=
          std::string::npos);
    r.value = "kanske";
    CHECK(test::joined_ids(record(r).diagnostics) == "record-bad-value");
}

TEST_CASE("record: a second measurement on a date needs --replace")
{
    RecordRequest r{"G1.M1", "12", *Date::parse("2025-06-01"), std::nullopt, false, "", ""};
    CHECK(test::joined_ids(record(r).diagnostics) == "record-duplicate-date");
    r.replace = true;
    const PlanEdit edit = record(r);
    REQUIRE(edit.text);
    CHECK(*edit.text == test::with(k_plan, "value: 10 }", "value: 12 }"));
}

TEST_CASE("record: an action status and its update; a goal level and its entry")
{
    const PlanEdit action = record({"G1.A1", "done", *Date::parse("2025-09-01"), std::nullopt, false, "", ""});
    REQUIRE(action.text);
    CHECK(*action.text == test::with(k_plan, "        status: started\n",
                                     "        status: done\n        updates:\n"
                                     "          - { date: 2025-09-01, status: done }\n"));
    CHECK(test::joined_ids(record({"G1.A1", "finished", {}, std::nullopt, false, "", ""}).diagnostics) ==
          "record-bad-value");
    const PlanEdit goal = record({"G1", "2", *Date::parse("2025-09-01"), std::nullopt, false, "", ""});
    REQUIRE(goal.text);
    CHECK(*goal.text == test::with(k_plan, "    target_level: 3\n",
                                   "    target_level: 3\n    current_level: 2\n    levels:\n"
                                   "      - { date: 2025-09-01, level: 2 }\n"));
    CHECK(test::joined_ids(record({"G1", "5", {}, std::nullopt, false, "", ""}).diagnostics) == "record-bad-value");
    CHECK(test::joined_ids(record({"G1.X", "5", {}, std::nullopt, false, "", ""}).diagnostics) == "record-unknown-id");
}

TEST_CASE("record: a meeting list is created after the goals")
{
    const PlanEdit edit = record({"", "", *Date::parse("2025-09-01"), std::string("Kick-off"), false, "follow-up", ""});
    REQUIRE(edit.text);
    CHECK(*edit.text == test::with(k_plan, "history:\n",
                                   "meetings:\n  - { date: 2025-09-01, kind: follow-up, note: \"Kick-off\" }\n"
                                   "history:\n"));
}

TEST_CASE("stage: sets the stage and appends the history entry")
{
    const PlanEdit edit =
        set_plan_stage(k_plan, test::k_file, {"evaluation", *Date::parse("2026-10-01"), "KS", "§ 5", ""});
    REQUIRE(edit.text);
    CHECK(*edit.text == test::with(test::with(k_plan, "stage: implementing  #", "stage: evaluation  #"), "by: KS }\n",
                                   "by: KS }\n  - { date: 2026-10-01, stage: evaluation, by: KS, ref: \"§ 5\" }\n"));
}

TEST_CASE("check_edit: any change besides the intended one is refused")
{
    const std::string other = test::with(k_plan, "what: W", "what: V");
    CHECK(check_edit(k_plan, other, test::k_file, {}).size() == 1);
    CHECK(check_edit(k_plan, k_plan, test::k_file, {}).empty());
    const Diagnostics intended =
        check_edit(k_plan, other, test::k_file, {{Change::Kind::changed, "G1.A1", "what", std::nullopt}});
    INFO(test::describe(intended));
    CHECK(intended.empty());
    // The intended change that did not happen is reported too.
    CHECK(test::joined_ids(check_edit(k_plan, k_plan, test::k_file,
                                      {{Change::Kind::added, "G1.M1 2025-09-01", "", std::nullopt}})) == "edit-check");
    // A comment changed is no change in meaning; a broken text is refused.
    CHECK(check_edit(k_plan, k_plan + "# more\n", test::k_file, {}).empty());
    CHECK_FALSE(check_edit(k_plan, k_plan + "goals: [\n", test::k_file, {}).empty());
}

TEST_CASE("lifecycle: every model is a table of stages and gates")
{
    for (const Lifecycle& l : lifecycles()) {
        CHECK(l.transitions.size() + 1 == l.stages.size());
        for (std::size_t i = 0; i < l.transitions.size(); ++i) {
            CHECK(l.transitions[i].from == l.stages[i]);
            CHECK(l.transitions[i].to == l.stages[i + 1]);
        }
        CHECK(&stages_of(l.model) == &l.stages);
    }
    CHECK(next_stage(Model::unicef_bvk, "draft") == std::optional<std::string_view>("feedback"));
    CHECK_FALSE(next_stage(Model::unicef_bvk, "recognized"));
    for (const Gate* g : all_gates()) {
        CHECK(g->id.substr(0, 5) == "gate-");
        CHECK_FALSE(g->summary.en.empty());
        CHECK_FALSE(g->summary.sv.empty());
    }
}

TEST_CASE("lifecycle: gates of a skipped stage are checked too")
{
    const LoadResult loaded = load_plan(k_plan, test::k_file);
    REQUIRE(loaded.plan);
    AdvanceRequest request;
    request.from = "implementing";
    request.to = "recognized";
    request.date = *Date::parse("2026-10-01");
    const std::string ids = test::joined_ids(check_gates(*loaded.plan, request, {}));
    CHECK(ids.find("gate-evaluation-meeting") != std::string::npos);
    CHECK(ids.find("gate-meters-measured") != std::string::npos);
    CHECK(ids.find("gate-decision-ref") != std::string::npos);
    request.to = "evaluation";
    CHECK(test::joined_ids(check_gates(*loaded.plan, request, {})).find("gate-decision-ref") == std::string::npos);
    CHECK(recognition_valid_until(*loaded.plan, *Date::parse("2027-01-15")) == *Date::parse("2029-01-15"));
}

TEST_CASE("record: --replace finds an entry whose date is quoted")
{
    const std::string text =
        test::with(k_plan, "{ date: 2025-06-01, value: 10 }", "{ date: \"2025-06-01\", value: 10 }");
    const PlanEdit edit =
        record_in_plan(text, test::k_file, {"G1.M1", "11", *Date::parse("2025-06-01"), std::nullopt, true, "", ""});
    INFO(test::describe(edit.diagnostics));
    REQUIRE(edit.text);
    CHECK(*edit.text == test::with(text, "value: 10 }", "value: 11 }"));
}

TEST_CASE("record and stage: arguments that are not UTF-8 text are refused, naming the option")
{
    RecordRequest r{"G1.M1", "25", *Date::parse("2025-09-01"), std::string("N\x94t"), false, "", ""};
    PlanEdit edit = record(r);
    CHECK_FALSE(edit.text);
    REQUIRE(test::joined_ids(edit.diagnostics) == "record-bad-value");
    CHECK(edit.diagnostics.front().message.en == "option --note is not valid UTF-8 text");
    CHECK(edit.diagnostics.front().message.sv == "flaggan --note är inte giltig UTF-8-text");
    r.note = std::string("rad ett\nrad två"); // a line break is text
    CHECK(record(r).text);
    r.note = std::string("\x1b[31mröd");
    edit = record(r);
    REQUIRE(test::joined_ids(edit.diagnostics) == "record-bad-value");
    CHECK(edit.diagnostics.front().message.en == "option --note holds a control character");
    r = {"G1.M1", "2\x7f", *Date::parse("2025-09-01"), std::nullopt, false, "", ""};
    CHECK(record(r).diagnostics.front().message.sv == "värdet innehåller ett styrtecken");

    edit = set_plan_stage(k_plan, test::k_file, {"evaluation", *Date::parse("2026-10-01"), "K\xffS", "§ 5", ""});
    CHECK_FALSE(edit.text);
    REQUIRE(test::joined_ids(edit.diagnostics) == "record-bad-value");
    CHECK(edit.diagnostics.front().message.en == "option --by is not valid UTF-8 text");
}
