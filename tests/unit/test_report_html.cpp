#include "support.hpp"

#include <barnplan/report.hpp>
#include <barnplan/report_render.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using barnplan::Date;
using barnplan::GoalSection;
using barnplan::Language;
using barnplan::MeterLine;
using barnplan::PlanReport;
using barnplan::RenderOptions;
using barnplan::ReportOptions;
using barnplan::Status;

using namespace std::string_literals;

namespace {

const Date k_as_of = *Date::parse("2026-11-23");

/// A plan whose texts try every way out of an HTML text node or attribute, and
/// whose meters and actions reach every status as of 2026-11-23.
const std::string k_hostile = R"yaml(barnplan: 1
model: unicef-bvk
language: en
municipality: "Testby <script>alert(1)</script>"
period: { start: 2025-01-01, end: 2026-12-31 }
stage: implementing
vision: Every child is heard.
strategy_link: Strategy 2030.
goals:
  - id: "G1\"><b>"
    title: "\"><img src=x onerror=alert(1)> and </style><style>@import url(x)"
    basis: process-indicator
    indicator: "P1.1 &amp;"
    start_level: 1
    target_level: 3
    current_level: 2
    actions:
      - id: G1.A1
        what: "javascript:alert(1) is late"
        who: "Kansliet <script>alert(2)</script> 'quoted'"
        start: 2025-02-01
        due: 2026-06-30
        status: started
      - id: G1.A2
        what: "Escape \e[31m red"
        who: "<iframe srcdoc='x'>"
        start: 2025-02-01
        due: 2026-03-31
        status: done
        updates:
          - { date: 2026-03-01, status: done }
    meters:
      - id: G1.M1
        what: "Late <script>x</script>"
        kind: percent
        unit: "%"
        baseline: 10
        target: 80
        due: 2026-06-30
        measurements:
          - { date: 2026-05-01, value: 35 }
      - id: G1.M2
        what: No value yet
        kind: number
        unit: "st</style><style>*{background:url(javascript:alert(1))}"
        baseline: 0
        target: 8
        due: 2026-12-31
      - id: G1.M3
        what: Achieved
        kind: yes-no
        baseline: false
        target: true
        due: 2026-12-31
        measurements:
          - { date: 2026-09-01, value: true }
      - id: G1.M4
        what: Behind pace
        kind: number
        unit: "\" onmouseover=\"alert(1)"
        baseline: 0
        target: 400
        due: 2026-12-31
        measurements:
          - { date: 2026-11-01, value: 40 }
      - id: G1.M5
        what: On track
        kind: number
        unit: st
        baseline: 0
        target: 10
        due: 2026-12-31
        measurements:
          - { date: 2026-11-01, value: 8 }
  - id: G2
    title: Second goal without a current level
    basis: children-views
    start_level: 1
    target_level: 3
    meters:
      - id: G2.M1
        what: Nothing yet
        kind: percent
        unit: "%"
        baseline: 10
        target: 20
        due: 2026-12-31
)yaml";

PlanReport report_of(std::string_view text, const std::string& goal = "")
{
    const barnplan::LoadResult loaded = barnplan::test::load(text);
    INFO(barnplan::test::describe(loaded.diagnostics));
    REQUIRE(loaded.plan.has_value());
    ReportOptions options;
    options.as_of = k_as_of;
    options.goal = goal;
    return barnplan::build_report(*loaded.plan, options);
}

std::string render(const std::vector<PlanReport>& plans, Language lang = Language::en, bool detail = false)
{
    RenderOptions options;
    options.language = lang;
    options.detail = detail;
    options.tool_version = "9.9.9";
    return barnplan::render_report_html(plans, options);
}

std::size_t count(std::string_view text, std::string_view token)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(token); at != std::string_view::npos; at = text.find(token, at + token.size())) {
        ++n;
    }
    return n;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

struct Tag {
    std::string name;
    std::string text; ///< everything between < and >
};

/// Every tag of the page. Plan text is escaped, so every `<` starts a tag the
/// renderer wrote; anything else found here came out of a plan.
std::vector<Tag> tags(std::string_view html)
{
    std::vector<Tag> out;
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
        const std::size_t end = html.find('>', at);
        REQUIRE(end != std::string_view::npos);
        Tag tag;
        tag.text = std::string(html.substr(at + 1, end - at - 1));
        std::size_t i = tag.text[0] == '/' || tag.text[0] == '!' ? 1 : 0;
        while (i < tag.text.size() && (std::isalnum(static_cast<unsigned char>(tag.text[i])) != 0)) {
            tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag.text[i])));
            ++i;
        }
        out.push_back(tag);
    }
    return out;
}

/// The names of the attributes of one tag, e.g. {"class", "href"}.
std::vector<std::string> attribute_names(const Tag& tag)
{
    std::vector<std::string> names;
    if (tag.name == "doctype") {
        return names;
    }
    std::size_t i = tag.name.size() + (tag.text[0] == '/' ? 1 : 0);
    while (i < tag.text.size()) {
        while (i < tag.text.size() && (tag.text[i] == ' ' || tag.text[i] == '/')) {
            ++i;
        }
        std::string name;
        while (i < tag.text.size() && tag.text[i] != '=' && tag.text[i] != ' ') {
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag.text[i])));
            ++i;
        }
        if (!name.empty()) {
            names.push_back(name);
        }
        if (i < tag.text.size() && tag.text[i] == '=') {
            ++i;
            if (i < tag.text.size() && tag.text[i] == '"') {
                const std::size_t close = tag.text.find('"', i + 1);
                REQUIRE_MESSAGE(close != std::string::npos, "unterminated attribute in <" << tag.text << ">");
                i = close + 1;
            }
        }
    }
    return names;
}

/// The value of attribute `name` in `tag` (double-quoted), or "".
std::string attribute(const Tag& tag, std::string_view name)
{
    const std::string key = " " + std::string(name) + "=\"";
    const std::size_t at = tag.text.find(key);
    if (at == std::string::npos) {
        return {};
    }
    const std::size_t start = at + key.size();
    return tag.text.substr(start, tag.text.find('"', start) - start);
}

std::string style_block(const std::string& html)
{
    const std::size_t open = html.find("<style>");
    const std::size_t close = html.find("</style>");
    REQUIRE(open != std::string::npos);
    REQUIRE(close != std::string::npos);
    return html.substr(open, close - open);
}

} // namespace

TEST_CASE("html report: hostile plan text appears only escaped")
{
    const std::string html = render({report_of(k_hostile)});
    const std::string low = lower(html);

    SUBCASE("no markup from the plan")
    {
        CHECK(count(low, "<script") == 0);
        CHECK(count(low, "<img") == 0);
        CHECK(count(low, "<iframe") == 0);
        CHECK(count(low, "<b>") == 0);
        CHECK(count(low, "<style") == 1);
        CHECK(count(low, "</style>") == 1);
    }
    SUBCASE("the texts are there, escaped")
    {
        CHECK(html.find("Testby &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; and &lt;/style&gt;&lt;style&gt;@import url(x)") !=
              std::string::npos);
        CHECK(html.find("G1&quot;&gt;&lt;b&gt;") != std::string::npos);
        CHECK(html.find("Kansliet &lt;script&gt;alert(2)&lt;/script&gt; &#39;quoted&#39;") != std::string::npos);
        CHECK(html.find("&lt;iframe srcdoc=&#39;x&#39;&gt;") != std::string::npos);
        CHECK(html.find("st&lt;/style&gt;&lt;style&gt;*{background:url(javascript:alert(1))}") != std::string::npos);
        CHECK(html.find("&quot; onmouseover=&quot;alert(1)") != std::string::npos);
        CHECK(html.find("javascript:alert(1) is late") != std::string::npos);
    }
    SUBCASE("an entity in the plan is shown as written, not decoded")
    {
        CHECK(html.find("P1.1 &amp;amp;") != std::string::npos);
        CHECK(html.find("P1.1 &amp; ") == std::string::npos);
    }
    SUBCASE("control characters never reach the page")
    {
        CHECK(html.find('\x1b') == std::string::npos);
        CHECK(html.find("Escape \xEF\xBF\xBD[31m red") != std::string::npos);
    }
    SUBCASE("nothing is loaded or run")
    {
        CHECK(count(low, "http://") == 0);
        CHECK(count(low, "https://") == 0);
        const std::string css = lower(style_block(html));
        CHECK(css.find("url(") == std::string::npos);
        CHECK(css.find("@import") == std::string::npos);
        CHECK(css.find("expression(") == std::string::npos);
        CHECK(css.find("javascript:") == std::string::npos);
    }
    SUBCASE("every tag and attribute is the renderer's own")
    {
        const std::set<std::string> allowed_tags{"doctype",  "html",    "head",   "meta",   "title", "style", "body",
                                                 "main",     "section", "header", "footer", "h1",    "h2",    "h3",
                                                 "p",        "dl",      "dt",     "dd",     "div",   "span",  "table",
                                                 "colgroup", "col",     "thead",  "tbody",  "tr",    "th",    "td",
                                                 "a",        "br",      "svg",    "circle", "path",  "rect"};
        const std::set<std::string> allowed_attributes{
            "lang",    "charset",     "name",   "content",      "http-equiv",
            "class",   "id",          "href",   "style",        "scope",
            "viewbox", "aria-hidden", "cx",     "cy",           "r",
            "d",       "x",           "y",      "width",        "height",
            "rx",      "fill",        "stroke", "stroke-width", "stroke-dasharray"};
        for (const Tag& tag : tags(html)) {
            INFO("<" << tag.text << ">");
            CHECK(allowed_tags.count(tag.name) == 1);
            for (const std::string& name : attribute_names(tag)) {
                INFO("attribute " << name);
                CHECK(allowed_attributes.count(name) == 1);
            }
            const std::string href = attribute(tag, "href");
            CHECK((href.empty() || href[0] == '#'));
            const std::string style = attribute(tag, "style");
            if (!style.empty()) {
                CHECK(style.rfind("width:", 0) == 0);
                CHECK(style.back() == '%');
            }
            CHECK(attribute(tag, "src").empty());
            CHECK(lower(tag.text).find("javascript:") == std::string::npos);
        }
    }
    SUBCASE("anchors are made from positions, never from plan ids")
    {
        for (const Tag& tag : tags(html)) {
            const std::string id = attribute(tag, "id");
            INFO("id=" << id);
            CHECK(std::all_of(id.begin(), id.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
            }));
        }
        CHECK(html.find(R"(id="plan-1-goal-1")") != std::string::npos);
        CHECK(html.find(R"(href="#plan-1-goal-1")") != std::string::npos);
    }
}

TEST_CASE("html report: control characters, bidi overrides and broken UTF-8 become U+FFFD")
{
    PlanReport plan;
    plan.as_of = k_as_of;
    plan.municipality = "Nul \0 bell \x07 del \x7f c1 \xC2\x9B rlo \xE2\x80\xAE bad \xFF\xFE cut \xE2\x82"s;
    GoalSection goal;
    goal.id = "G1";
    goal.title = "tab\tnewline\ncarriage\rreturn";
    plan.goals.push_back(goal);
    const std::string html = render({plan});
    CHECK(html.find(std::string_view("\0", 1)) == std::string::npos);
    CHECK(html.find('\x07') == std::string::npos);
    CHECK(html.find('\x7f') == std::string::npos);
    CHECK(html.find("\xC2\x9B") == std::string::npos);
    CHECK(html.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(html.find("\xFF") == std::string::npos);
    const std::string r = "\xEF\xBF\xBD";
    CHECK(html.find("Nul " + r + " bell " + r + " del " + r + " c1 " + r + " rlo " + r + " bad " + r + r + " cut " + r +
                    r) != std::string::npos);
    CHECK(html.find("tab\tnewline\ncarriage return") != std::string::npos);
}

TEST_CASE("html report: every status has its label and a mark")
{
    const std::string html = render({report_of(k_hostile)});
    for (const auto& [label, cls] :
         std::vector<std::pair<std::string, std::string>>{{"on track", "s-on-track"},
                                                          {"at risk", "s-at-risk"},
                                                          {"late", "s-late"},
                                                          {"achieved", "s-achieved"},
                                                          {"cannot assess", "s-cannot-assess"}}) {
        INFO(label);
        CHECK(html.find(R"(<span class="status )" + cls + R"("><svg)") != std::string::npos);
        CHECK(html.find("</svg><span>" + label + "<") != std::string::npos);
    }
    SUBCASE("the late action is marked late and highlighted")
    {
        CHECK(html.find(R"(<tr class="late"><td class="id">G1.A1</td>)") != std::string::npos);
    }
    SUBCASE("in Swedish")
    {
        const std::string sv = render({report_of(k_hostile)}, Language::sv);
        CHECK(sv.find(R"(<html lang="sv">)") != std::string::npos);
        for (const char* label : {"enligt plan", "i riskzonen", "försenad", "uppnådd", "kan inte bedömas"}) {
            INFO(label);
            CHECK(sv.find(std::string("</svg><span>") + label + "<") != std::string::npos);
        }
    }
}

TEST_CASE("html report: a missing value never shows as an empty bar")
{
    const PlanReport plan = report_of(k_hostile);
    const std::string html = render({plan});
    std::size_t with_progress = 0;
    for (const GoalSection& g : plan.goals) {
        // A goal's bar shows twice: in the overview and in its section.
        with_progress += g.progress ? 2 : 0;
        for (const MeterLine& m : g.meters) {
            with_progress += m.progress ? 1 : 0;
        }
    }
    CHECK(count(html, R"(<span class="fill")") == with_progress);
    // G2 has no current level and G1.M2 / G2.M1 no value: a dash stands in.
    CHECK(count(html, R"(<span class="none">–</span>)") >= 4);
    CHECK(html.find(R"(<span class="none">no value</span>)") != std::string::npos);
}

TEST_CASE("html report: one self-contained page")
{
    const PlanReport plan = report_of(barnplan::test::read_example("exempelby.yaml"));
    const std::string html = render({plan}, Language::sv);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
    CHECK(html.find(R"(<meta name="viewport" content="width=device-width, initial-scale=1">)") != std::string::npos);
    CHECK(
        html.find(
            R"(<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">)") !=
        std::string::npos);
    CHECK(lower(html).find("<script") == std::string::npos);
    CHECK(lower(html).find("<link") == std::string::npos);
    CHECK(html.find("<title>Lägesrapport — Exempelby kommun</title>") != std::string::npos);
    CHECK(html.size() > 1000);
    CHECK(html.substr(html.size() - 8) == "</html>\n");

    SUBCASE("one section per goal, the first without a page break before it")
    {
        CHECK(count(html, R"(<section class="goal")") == plan.goals.size());
        CHECK(plan.goals.size() == 6);
        CHECK(html.find(".goal+.goal") != std::string::npos);
    }
    SUBCASE("print: A4, colours kept, rows not split")
    {
        const std::string css = style_block(html);
        CHECK(css.find("@page{size:A4;margin:15mm") != std::string::npos);
        CHECK(css.find("print-color-adjust:exact") != std::string::npos);
        CHECK(css.find("break-before:page") != std::string::npos);
        CHECK(css.find("tr{break-inside:avoid") != std::string::npos);
    }
    SUBCASE("the header facts and the coverage sentence")
    {
        CHECK(html.find("värden för 13 av 13 mätare (13 aktuella)") != std::string::npos);
        CHECK(html.find("0 av 23 åtgärder försenade") != std::string::npos);
        CHECK(html.find("0 av 6 målsättningar uppnådda") != std::string::npos);
        CHECK(html.find("Inget ska vara klart de kommande 90 dagarna.") != std::string::npos);
    }
    SUBCASE("numbers keep their unit on the same line")
    {
        CHECK(html.find("12&nbsp;% → 80&nbsp;%") != std::string::npos);
    }
    SUBCASE("the footer names the version and the report date, not the clock")
    {
        CHECK(html.find("<footer>Skapad av barnplan 9.9.9 den 2026-11-23</footer>") != std::string::npos);
    }
    SUBCASE("the same input gives the same bytes")
    {
        CHECK(render({plan}, Language::sv) == html);
    }
}

TEST_CASE("html report: one goal picked out still counts the plan's goals")
{
    const std::string html = render({report_of(k_hostile, "G2")});
    CHECK(count(html, R"(<section class="goal")") == 1);
    CHECK(html.find("Second goal without a current level") != std::string::npos);
    CHECK(html.find("0 of 2 goals achieved") != std::string::npos);
}

TEST_CASE("html report: several plans make a portfolio")
{
    const std::vector<PlanReport> plans{report_of(barnplan::test::read_example("exempelby.yaml")),
                                        report_of(barnplan::test::read_example("riverton.yaml"))};
    SUBCASE("without detail: one row per plan and nothing else")
    {
        const std::string html = render(plans);
        CHECK(html.find("<h1>Portfolio — 2 plans</h1>") != std::string::npos);
        CHECK(count(html, R"(<table class="portfolio-table">)") == 1);
        CHECK(count(html, R"(<section class="plan")") == 0);
        CHECK(count(html, R"(<section class="goal")") == 0);
        CHECK(html.find("Exempelby kommun") != std::string::npos);
        CHECK(html.find("Riverton Municipality") != std::string::npos);
    }
    SUBCASE("with detail: each plan follows, linked from its row")
    {
        const std::string html = render(plans, Language::en, true);
        CHECK(count(html, R"(<section class="plan")") == 2);
        CHECK(count(html, R"(<section class="goal")") == plans[0].goals.size() + plans[1].goals.size());
        CHECK(html.find(R"(<a href="#plan-2">Riverton Municipality</a>)") != std::string::npos);
        CHECK(html.find(R"(<section class="plan" id="plan-2">)") != std::string::npos);
        CHECK(html.find(R"(id="plan-2-goal-5")") != std::string::npos);
    }
}

TEST_CASE("html report: no plans, no page")
{
    CHECK(render({}).empty());
}
