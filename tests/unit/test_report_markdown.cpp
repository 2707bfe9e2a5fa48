#include "support.hpp"

#include <barnplan/report.hpp>
#include <barnplan/report_render.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using barnplan::Date;
using barnplan::Language;
using barnplan::PlanReport;
using barnplan::RenderOptions;
using barnplan::ReportOptions;

namespace {

// Every text a pull request could put in front of the coordination group.
const std::string k_hostile = R"yaml(barnplan: 1
model: unicef-bvk
language: en
municipality: "=HYPERLINK(\"http://evil\") | @everyone <b>bold</b>"
period: { start: 2025-01-01, end: 2026-12-31 }
stage: implementing
vision: Every child is heard.
strategy_link: Part of the strategy.
goals:
  - id: G1
    title: "<script>alert(1)</script> | a | b | **bold** #12 ###"
    basis: process-indicator
    indicator: "P1.1|x"
    start_level: 1
    target_level: 3
    current_level: 2
    actions:
      - id: G1.A1
        what: "=cmd() [x](javascript:alert(1))"
        who: "+1 \"quoted\", with comma"
        start: 2025-02-01
        due: 2026-10-31
        status: started
      - id: G1.A2
        what: "-2 first line\nsecond line\r\nthird"
        who: "@SUM(A1)"
        start: 2025-02-01
        due: 2026-12-20
        status: planned
      - id: G1.A3
        what: "esc \e[31mred\e[0m and \u202Ebidi"
        who: "@user and anna@example.se"
        due: 2026-12-31
        status: done
    meters:
      - id: G1.M1
        what: "![img](http://evil) \\| back\\slash & <img src=x onerror=alert(1)>"
        unit: "kr | net"
        baseline: -5
        target: 10.5
        due: 2026-12-31
        measurements:
          - { date: 2026-11-20, value: -1.25 }
      - id: G1.M2
        what: "1. not a list"
        kind: yes-no
        baseline: false
        target: true
        due: 2026-06-30
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

std::string markdown(const std::vector<PlanReport>& plans, Language lang = Language::en, bool detail = false)
{
    RenderOptions options;
    options.language = lang;
    options.detail = detail;
    return barnplan::render_report_markdown(plans, options);
}

std::string markdown_of(const std::string& text, Language lang = Language::en)
{
    return markdown({report_of(text)}, lang);
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// The bars that delimit GFM table cells: a bar right after a backslash is
/// part of the cell (how cmark-gfm splits a row).
std::size_t cell_bars(std::string_view line)
{
    std::size_t bars = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) {
            ++bars;
        }
    }
    return bars;
}

/// Every table: each row has as many cells as its header row.
void check_tables(const std::string& md)
{
    const std::vector<std::string> lines = lines_of(md);
    std::size_t header_bars = 0;
    std::size_t tables = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (line.empty() || line[0] != '|') {
            header_bars = 0;
            continue;
        }
        INFO("line " << i + 1 << ": " << line);
        CHECK(line.back() == '|');
        CHECK(line.size() >= 2);
        CHECK(line[line.size() - 2] == ' '); // a final backslash never escapes the closing bar
        if (header_bars == 0) {
            header_bars = cell_bars(line);
            ++tables;
            REQUIRE(i + 1 < lines.size());
            CHECK(cell_bars(lines[i + 1]) == header_bars); // the delimiter row
            CHECK(lines[i + 1].find("---") != std::string::npos);
        } else {
            CHECK(cell_bars(line) == header_bars);
        }
    }
    CHECK(tables > 0);
}

/// The heading of goal G1 after "### G1 · ", with `title_yaml` (a YAML scalar) as its title.
std::string goal_heading(const std::string& title_yaml)
{
    const std::string text =
        barnplan::test::with(k_hostile, R"x("<script>alert(1)</script> | a | b | **bold** #12 ###")x", title_yaml);
    for (const std::string& line : lines_of(markdown_of(text))) {
        if (line.rfind("### G1 · ", 0) == 0) {
            return line.substr(std::string_view("### G1 · ").size());
        }
    }
    FAIL("no heading for G1");
    return {};
}

} // namespace

TEST_CASE("markdown report: every table row keeps the header's column count")
{
    SUBCASE("hostile plan")
    {
        check_tables(markdown_of(k_hostile));
    }
    SUBCASE("the example plan, in both languages")
    {
        const std::string example = barnplan::test::read_example("exempelby.yaml");
        check_tables(markdown_of(example, Language::sv));
        check_tables(markdown_of(example, Language::en));
    }
    SUBCASE("portfolio with detail")
    {
        const std::vector<PlanReport> plans{report_of(k_hostile, "a|b.yaml"),
                                            report_of(barnplan::test::read_example("riverton.yaml"), "r.yaml")};
        check_tables(markdown(plans, Language::en, true));
    }
}

TEST_CASE("markdown report: plan text reads as literal text")
{
    const std::string md = markdown_of(k_hostile);
    INFO(md);

    SUBCASE("no HTML: every angle bracket is an entity")
    {
        CHECK(md.find('<') == std::string::npos);
        CHECK(md.find('>') == std::string::npos);
        CHECK(md.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        CHECK(md.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
        CHECK(md.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
    }
    SUBCASE("no links or images")
    {
        CHECK(md.find("\\[x\\](javascript:alert(1))") != std::string::npos);
        CHECK(md.find("\\!\\[img\\](http\\://evil)") != std::string::npos);
        // Every "](" that could close a link text has its bracket escaped.
        std::size_t at = 0;
        while ((at = md.find("](", at)) != std::string::npos) {
            CHECK(md[at - 1] == '\\');
            ++at;
        }
    }
    SUBCASE("no mentions, but e-mail addresses stay as written")
    {
        CHECK(md.find("@everyone") == std::string::npos);
        CHECK(md.find("@&#8203;everyone") != std::string::npos);
        CHECK(md.find("@&#8203;SUM(A1)") != std::string::npos);
        CHECK(md.find("@&#8203;user") != std::string::npos);
        CHECK(md.find("anna@example.se") != std::string::npos);
    }
    SUBCASE("no emphasis, and a closing # sequence stays in the heading")
    {
        CHECK(md.find("\\*\\*bold\\*\\* \\#&#8203;12 \\#\\#\\# · ") != std::string::npos);
    }
    SUBCASE("control characters and bidi overrides are visible escapes")
    {
        CHECK(std::none_of(md.begin(), md.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return (u < 0x20 && c != '\n') || u == 0x7F;
        }));
        CHECK(md.find("\xE2\x80\xAE") == std::string::npos);
        CHECK(md.find("esc \\\\x1B\\[31mred\\\\x1B\\[0m and \\\\u202Ebidi") != std::string::npos);
    }
    SUBCASE("line breaks in a text become spaces within its row")
    {
        CHECK(md.find("| -2 first line second line third |") != std::string::npos);
    }
    SUBCASE("bars and backslashes in cells are escaped")
    {
        CHECK(md.find("| \\!\\[img\\](http\\://evil) \\\\\\| back\\\\slash &amp; ") != std::string::npos);
        CHECK(md.find("P1.1\\|x") != std::string::npos);
        CHECK(md.find("−5 kr \\| net") == std::string::npos); // English: a hyphen-minus
        CHECK(md.find("-5 kr \\| net → 10.5 kr \\| net") != std::string::npos);
    }
    SUBCASE("no line starts with plan text")
    {
        for (const std::string& line : lines_of(md)) {
            INFO(line);
            const bool ours = line.empty() || line[0] == '#' || line[0] == '|' || line.rfind("- **", 0) == 0 ||
                              line.rfind("process indicator ", 0) == 0 || line.find(" due within ") != std::string::npos;
            CHECK(ours);
        }
    }
}

TEST_CASE("markdown report: escaping of one text")
{
    struct Case {
        std::string yaml;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"plain words, digits 1.5 and (parentheses)", "plain words, digits 1.5 and (parentheses)"},
        {R"x("a | b")x", R"x(a \| b)x"},
        {R"x("back\\slash\\|")x", R"x(back\\slash\\\|)x"},
        {R"x("`code` *em* _em_ ~~del~~ $x$")x", R"x(\`code\` \*em\* \_em\_ \~\~del\~\~ \$x\$)x"},
        {R"x("<i>&amp;</i>")x", "&lt;i&gt;&amp;amp;&lt;/i&gt;"},
        {R"x("[x](javascript:alert(1))")x", R"x(\[x\](javascript:alert(1)))x"},
        {R"x("![img](https://evil/x.png)")x", R"x(\!\[img\](https\://evil/x.png))x"},
        {R"x("see www.evil.example and awww.ok")x", R"x(see www\.evil.example and awww.ok)x"},
        {R"x("@team, (@user), name@example.se")x", "@&#8203;team, (@&#8203;user), name@example.se"},
        {R"x("issue #12, #x and a#1")x", R"x(issue \#&#8203;12, \#x and a\#1)x"},
        {R"x("- item")x", "- item"},
        {R"x("line one\nline two\u2028three")x", "line one line two three"},
        {R"x("\e[2J\x7f")x", R"x(\\x1B\[2J\\x7F)x"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.yaml);
        CHECK(goal_heading(c.yaml).rfind(c.expected + " · ", 0) == 0);
    }
}

TEST_CASE("markdown report: one plan is its detail; several are a portfolio")
{
    const PlanReport hostile = report_of(k_hostile, "plans/=a|b.yaml");
    const PlanReport example = report_of(barnplan::test::read_example("riverton.yaml"), "plans/riverton.yaml");

    SUBCASE("one plan")
    {
        const std::string md = markdown({example});
        CHECK(md.rfind("# Progress report — ", 0) == 0);
        CHECK(md.find("## Goals\n") != std::string::npos);
        CHECK(md.find("\n### G1 · ") != std::string::npos);
        CHECK(md.find("\n## Coming up (next 90 days)\n") != std::string::npos);
        CHECK(md.find("Portfolio") == std::string::npos);
    }
    SUBCASE("several plans without detail: one row per plan")
    {
        const std::string md = markdown({hostile, example});
        CHECK(md.rfind("# Portfolio — 2 plans\n", 0) == 0);
        CHECK(md.find("| plans/=a\\|b.yaml |") != std::string::npos);
        CHECK(md.find("| plans/riverton.yaml |") != std::string::npos);
        CHECK(md.find("Progress report") == std::string::npos);
        check_tables(md);
    }
    SUBCASE("several plans with detail: each plan after the portfolio")
    {
        const std::string md = markdown({hostile, example}, Language::en, true);
        CHECK(md.rfind("# Portfolio — 2 plans\n", 0) == 0);
        std::size_t details = 0;
        for (const std::string& line : lines_of(md)) {
            details += line.rfind("## Progress report — ", 0) == 0 ? 1U : 0U;
            CHECK(line.rfind("# Progress report", 0) != 0);
        }
        CHECK(details == 2);
        // A rule after a blank line, never a setext underline.
        CHECK(md.find("\n\n---\n\n## Progress report") != std::string::npos);
        CHECK(md.find("\n#### G1 · ") != std::string::npos);
    }
    SUBCASE("no plans")
    {
        CHECK(markdown({}).empty());
    }
}

TEST_CASE("markdown report: facts, statuses and Swedish words")
{
    const std::string md = markdown_of(k_hostile, Language::sv);
    INFO(md);
    CHECK(md.find("- **Per:** 2026-11-23\n") != std::string::npos);
    CHECK(md.find("- **Täckning:** värden för 1 av 2 mätare (1 aktuell)\n") != std::string::npos);
    CHECK(md.find("- **Åtgärder:** 1 av 3 åtgärder försenade, 1 av 3 åtgärder klara\n") != std::string::npos);
    CHECK(md.find("| G1.A1 | ") != std::string::npos);
    CHECK(md.find("| ✖ försenad |") != std::string::npos);
    CHECK(md.find("| ✖ försenad |") != std::string::npos);
    CHECK(md.find("| −1,25 kr \\| net | 2026-11-20 | −5 kr \\| net → 10,5 kr \\| net |") != std::string::npos);
}
