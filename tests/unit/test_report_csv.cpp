#include "support.hpp"

#include <barnplan/report.hpp>
#include <barnplan/report_render.hpp>

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

using barnplan::Date;
using barnplan::Language;
using barnplan::PlanReport;
using barnplan::RenderOptions;
using barnplan::ReportOptions;

namespace {

const std::string k_header = "file,municipality,goal_id,goal_title,goal_status,row_type,id,what,who,kind,unit,"
                             "baseline,target,latest,latest_date,due,progress_percent,status,late,last_update,"
                             "days_since_update";

// Every text a pull request could put in a spreadsheet.
const std::string k_hostile = R"yaml(barnplan: 1
model: unicef-bvk
language: sv
municipality: "=HYPERLINK(\"http://evil\",\"x\")"
period: { start: 2025-01-01, end: 2026-12-31 }
stage: implementing
vision: Every child is heard.
strategy_link: Part of the strategy.
goals:
  - id: G1
    title: "<script>alert(1)</script>, \"quoted\" | a | b"
    basis: process-indicator
    indicator: "P1.1"
    start_level: 1
    target_level: 3
    actions:
      - id: G1.A1
        what: "=cmd()"
        who: "+1 \"quoted\", with comma"
        start: 2025-02-01
        due: 2026-10-31
        status: started
      - id: G1.A2
        what: "-2 first line\nsecond line"
        who: "@SUM(A1)"
        start: 2025-02-01
        due: 2026-12-20
        status: planned
        updates:
          - { date: 2025-03-01, status: planned }
      - id: G1.A3
        what: "esc \e[31mred\e[0m and \u202Ebidi"
        who: "  -spaces first"
        due: 2026-12-31
        status: done
      - id: G1.A4
        what: "No status, not late"
        who: "a-b = c"
        due: 2026-12-31
    meters:
      - id: G1.M1
        what: "Net change, in kr"
        unit: "kr, \"net\""
        baseline: -5
        target: 10.5
        due: 2026-12-31
        measurements:
          - { date: 2026-11-20, value: -1.25 }
      - id: G1.M2
        what: "Adopted"
        kind: yes-no
        baseline: false
        target: true
        due: 2026-06-30
        measurements:
          - { date: 2026-05-20, value: true }
      - id: G1.M3
        what: "No value yet"
        unit: "%"
        baseline: 0
        target: 80
        due: 2026-09-30
)yaml";

const Date k_as_of = *Date::parse("2026-11-23");

PlanReport report_of(const std::string& text, const std::string& file = "plan.yaml")
{
    const barnplan::LoadResult loaded = barnplan::load_plan(text, file);
    INFO("loader findings:\n" << barnplan::test::describe(loaded.diagnostics));
    REQUIRE(loaded.plan.has_value());
    REQUIRE(barnplan::count_severity(loaded.diagnostics, barnplan::Severity::error) == 0);
    ReportOptions options;
    options.as_of = k_as_of;
    return barnplan::build_report(*loaded.plan, options);
}

std::string csv(const std::vector<PlanReport>& plans, Language lang = Language::sv)
{
    RenderOptions options;
    options.language = lang;
    return barnplan::render_report_csv(plans, options);
}

using Records = std::vector<std::vector<std::string>>;

/// A strict RFC 4180 reader: records end in CRLF (the last one too), fields
/// are either bare (no comma, quote, CR or LF) or quoted with inner quotes
/// doubled. Anything else fails the test.
Records parse_csv(std::string_view text)
{
    Records records;
    std::vector<std::string> record;
    std::string field;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= text.size()) {
                    FAIL("unterminated quoted field");
                }
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                if (text[i] == '"') {
                    FAIL("a quote inside a bare field at byte " << i);
                }
                field += text[i++];
            }
        }
        if (i >= text.size()) {
            FAIL("the last record lacks its CRLF");
        }
        if (text[i] == ',') {
            record.push_back(std::move(field));
            field.clear();
            ++i;
            continue;
        }
        if (text.substr(i, 2) != "\r\n") {
            FAIL("a record ends without CRLF at byte " << i);
        }
        record.push_back(std::move(field));
        field.clear();
        records.push_back(std::move(record));
        record.clear();
        i += 2;
    }
    return records;
}

/// The data rows by id, each as column name → value.
std::map<std::string, std::map<std::string, std::string>> rows_by_id(const Records& records)
{
    REQUIRE(!records.empty());
    const std::vector<std::string>& header = records.front();
    std::map<std::string, std::map<std::string, std::string>> rows;
    for (std::size_t r = 1; r < records.size(); ++r) {
        REQUIRE(records[r].size() == header.size());
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < header.size(); ++c) {
            row[header[c]] = records[r][c];
        }
        rows[row["id"]] = row;
    }
    return rows;
}

} // namespace

TEST_CASE("csv report: the header row is exact and always there")
{
    SUBCASE("no plans")
    {
        CHECK(csv({}) == k_header + "\r\n");
    }
    SUBCASE("a plan without goals")
    {
        const std::string text = "barnplan: 1\nmodel: unicef-bvk\nmunicipality: X\n";
        CHECK(csv({report_of(text)}) == k_header + "\r\n");
    }
    SUBCASE("the example plan")
    {
        const std::string out = csv({report_of(barnplan::test::read_example("exempelby.yaml"))});
        CHECK(out.rfind(k_header + "\r\n", 0) == 0);
    }
}

TEST_CASE("csv report: one row per meter and per action, every row complete")
{
    const PlanReport report = report_of(barnplan::test::read_example("exempelby.yaml"), "plans/exempelby.yaml");
    const Records records = parse_csv(csv({report}));
    REQUIRE(records.size() == 1 + report.meters_total + report.actions_total);
    std::size_t meters = 0;
    std::size_t actions = 0;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const std::vector<std::string>& row = records[r];
        REQUIRE(row.size() == 21);
        CHECK(row[0] == "plans/exempelby.yaml");
        CHECK(row[1] == "Exempelby kommun");
        meters += row[5] == "meter" ? 1U : 0U;
        actions += row[5] == "action" ? 1U : 0U;
        CHECK((row[18] == "true" || row[18] == "false"));
    }
    CHECK(meters == report.meters_total);
    CHECK(actions == report.actions_total);
}

TEST_CASE("csv report: hostile texts read back as text, never as formulas")
{
    const std::string out = csv({report_of(k_hostile)});
    INFO(out);
    const Records records = parse_csv(out);
    auto rows = rows_by_id(records);
    REQUIRE(rows.size() == 7);

    SUBCASE("formula starters get an apostrophe")
    {
        CHECK(rows["G1.A1"]["municipality"] == "'=HYPERLINK(\"http://evil\",\"x\")");
        CHECK(rows["G1.A1"]["what"] == "'=cmd()");
        CHECK(rows["G1.A1"]["who"] == "'+1 \"quoted\", with comma");
        CHECK(rows["G1.A2"]["what"] == "'-2 first line second line");
        CHECK(rows["G1.A2"]["who"] == "'@SUM(A1)");
    }
    SUBCASE("other texts are left as written")
    {
        CHECK(rows["G1.A1"]["goal_title"] == "<script>alert(1)</script>, \"quoted\" | a | b");
        CHECK(rows["G1.A4"]["who"] == "a-b = c");
        CHECK(rows["G1.M1"]["unit"] == "kr, \"net\"");
        CHECK(rows["G1.A4"]["what"] == "No status, not late");
        CHECK(out.find(",\"No status, not late\",") != std::string::npos);
        CHECK(out.find(",G1.A4,") != std::string::npos); // quoted only when needed
    }
    SUBCASE("control characters are visible escapes")
    {
        CHECK(rows["G1.A3"]["what"] == "esc \\x1B[31mred\\x1B[0m and \\u202Ebidi");
        CHECK(out.find('\x1b') == std::string::npos);
        CHECK(out.find("\xE2\x80\xAE") == std::string::npos);
    }
    SUBCASE("numbers are numbers: a decimal point, no apostrophe, whatever the language")
    {
        CHECK(rows["G1.M1"]["baseline"] == "-5");
        CHECK(rows["G1.M1"]["target"] == "10.5");
        CHECK(rows["G1.M1"]["latest"] == "-1.25");
        CHECK(rows["G1.M1"]["latest_date"] == "2026-11-20");
        CHECK(rows["G1.M1"]["progress_percent"] == "24.2");
        CHECK(rows["G1.M1"]["kind"] == "number");
        CHECK(rows["G1.M1"]["who"].empty());
    }
    SUBCASE("yes/no values are true/false")
    {
        CHECK(rows["G1.M2"]["kind"] == "yes-no");
        CHECK(rows["G1.M2"]["baseline"] == "false");
        CHECK(rows["G1.M2"]["target"] == "true");
        CHECK(rows["G1.M2"]["latest"] == "true");
        CHECK(rows["G1.M2"]["progress_percent"] == "100");
        CHECK(rows["G1.M2"]["status"] == "achieved");
    }
    SUBCASE("a missing value is an empty cell, never progress; past its due date it is late")
    {
        CHECK(rows["G1.M3"]["latest"].empty());
        CHECK(rows["G1.M3"]["latest_date"].empty());
        CHECK(rows["G1.M3"]["progress_percent"].empty());
        CHECK(rows["G1.M3"]["status"] == "late");
        CHECK(rows["G1.M3"]["late"] == "true");
    }
    SUBCASE("action status: as written, or late")
    {
        CHECK(rows["G1.A1"]["status"] == "late");
        CHECK(rows["G1.A1"]["late"] == "true");
        CHECK(rows["G1.A2"]["status"] == "planned");
        CHECK(rows["G1.A2"]["late"] == "false");
        CHECK(rows["G1.A2"]["last_update"] == "2025-03-01");
        CHECK(rows["G1.A2"]["days_since_update"] == "632");
        CHECK(rows["G1.A3"]["status"] == "done");
        CHECK(rows["G1.A4"]["status"].empty());
        CHECK(rows["G1.A1"]["last_update"].empty());
        CHECK(rows["G1.A1"]["days_since_update"].empty());
        CHECK(rows["G1.A1"]["kind"].empty());
        CHECK(rows["G1.A1"]["baseline"].empty());
        CHECK(rows["G1.A1"]["row_type"] == "action");
        CHECK(rows["G1.A1"]["goal_status"] == "late");
    }
    SUBCASE("leading spaces do not hide a formula")
    {
        CHECK(rows["G1.A3"]["who"] == "'-spaces first"); // the model trims them; the next test case keeps them
    }
}

TEST_CASE("csv report: the renderer guards texts the model passes unchanged")
{
    // The model folds line breaks and trims white space in titles and
    // descriptions, but not everywhere (ids, file names), and the CSV must
    // not rely on it.
    PlanReport report = report_of(k_hostile, "-plan, \"one\".yaml");
    report.goals[0].id = "=G1\r\n\"x\"";
    report.goals[0].actions[0].who = "\t=tab first";
    report.goals[0].actions[1].who = "  @spaces first";
    report.goals[0].actions[2].what = "\n+after a line break";
    report.goals[0].actions[3].what = "one\rtwo\r\nthree\nfour";
    const std::string out = csv({report});
    const Records records = parse_csv(out);
    REQUIRE(records.size() == 8);
    for (std::size_t r = 1; r < records.size(); ++r) {
        CHECK(records[r][0] == "'-plan, \"one\".yaml");
        CHECK(records[r][2] == "'=G1\n\"x\"");
    }
    auto rows = rows_by_id(records);
    CHECK(rows["G1.A1"]["who"] == "'\t=tab first");
    CHECK(rows["G1.A2"]["who"] == "'  @spaces first");
    CHECK(rows["G1.A3"]["what"] == "'\n+after a line break");
    CHECK(rows["G1.A4"]["what"] == "one\ntwo\nthree\nfour");
    // No carriage return other than those ending records.
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '\r') {
            CHECK(out.substr(i, 2) == "\r\n");
        }
    }
}

TEST_CASE("csv report: several plans share one table")
{
    const PlanReport a = report_of(k_hostile, "a.yaml");
    const PlanReport b = report_of(barnplan::test::read_example("riverton.yaml"), "b.yaml");
    const Records records = parse_csv(csv({a, b}, Language::en));
    REQUIRE(records.size() == 1 + a.meters_total + a.actions_total + b.meters_total + b.actions_total);
    CHECK(records[0].size() == 21);
    std::size_t from_a = 0;
    std::size_t from_b = 0;
    for (std::size_t r = 1; r < records.size(); ++r) {
        from_a += records[r][0] == "a.yaml" ? 1U : 0U;
        from_b += records[r][0] == "b.yaml" ? 1U : 0U;
    }
    CHECK(from_a == a.meters_total + a.actions_total);
    CHECK(from_b == b.meters_total + b.actions_total);
    // The rows of one plan come together, in the plan's order.
    CHECK(records[1][0] == "a.yaml");
    CHECK(records.back()[0] == "b.yaml");
}
