#include "support.hpp"

#include <barnplan/diagnostic_output.hpp>
#include <barnplan/escape.hpp>
#include <barnplan/yaml_tree.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using barnplan::CheckedFile;
using barnplan::Diagnostic;
using barnplan::Language;
using barnplan::OutputOptions;
using barnplan::Position;
using barnplan::render_github;
using barnplan::render_json;
using barnplan::render_text;
using barnplan::Severity;

namespace {

const std::string k_text = "barnplan: 1\n"
                           "goals:\n"
                           "  - { id: G1, år: 1, tile: x }\n";

/// The position of `token` in `text` as the loader would give it.
Position position_of(std::string_view text, std::string_view token)
{
    const std::size_t offset = text.find(token);
    REQUIRE(offset != std::string_view::npos);
    Position p = barnplan::LineIndex(text).position_of(offset);
    p.length = token.size();
    return p;
}

Diagnostic unknown_tile()
{
    Diagnostic d;
    d.rule = "unknown-key";
    d.severity = Severity::error;
    d.file = "plans/exempelby.yaml";
    d.position = position_of(k_text, "tile");
    d.message = {"unknown key 'tile' in goal", "okänd nyckel 'tile' i målsättning"};
    d.hint = {"did you mean 'title'?", "menade du 'title'?"};
    return d;
}

Diagnostic one_off_warning()
{
    Diagnostic d;
    d.rule = "one-off-action";
    d.severity = Severity::warning;
    d.file = "plans/exempelby.yaml";
    d.position = position_of(k_text, "id");
    d.message = {"action G1 is not marked recurring", "åtgärd G1 är inte markerad som återkommande"};
    d.hint = {"add 'recurring: true'", "lägg till 'recurring: true'"};
    return d;
}

CheckedFile file_with(std::vector<Diagnostic> diagnostics, Language lang = Language::en)
{
    CheckedFile f;
    f.name = "plans/exempelby.yaml";
    f.text = k_text;
    f.language = lang;
    f.diagnostics = std::move(diagnostics);
    return f;
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST_CASE("render_text shows location, rule, message, the source line, a caret and the hint")
{
    const std::string out = render_text({file_with({unknown_tile()})}, OutputOptions{});
    // "  - { id: G1, år: 1, " is 21 code points and 22 bytes
    const std::string expected = "plans/exempelby.yaml:3:22: error[unknown-key]: unknown key 'tile' in goal\n"
                                 "    3 |   - { id: G1, år: 1, tile: x }\n"
                                 "      | " +
                                 std::string(21, ' ') +
                                 "^^^^\n"
                                 "      hint: did you mean 'title'?\n"
                                 "1 error and 0 warnings in 1 of 1 file\n";
    CHECK(out == expected);
}

TEST_CASE("render_text puts the caret under the token in display columns")
{
    SUBCASE("after å the column counts code points")
    {
        const Position p = position_of(k_text, "tile");
        CHECK(p.line == 3);
        CHECK(p.column == 22);
        CHECK(p.offset == 19 + 22); // two lines, then one more byte than columns
    }
    SUBCASE("after wide characters the caret moves two columns each")
    {
        const std::string text = "名前: x\n";
        Diagnostic d = unknown_tile();
        d.position = position_of(text, "x");
        CHECK(d.position.column == 5);
        CheckedFile f = file_with({d});
        f.text = text;
        const auto lines = lines_of(render_text({f}, OutputOptions{}));
        REQUIRE(lines.size() >= 3);
        CHECK(lines[1] == "    1 | 名前: x");
        CHECK(lines[2] == "      |       ^");
    }
    SUBCASE("the caret is as wide as the token")
    {
        Diagnostic d = unknown_tile();
        d.position = position_of(k_text, "år");
        d.position.length = std::string_view("år").size();
        const auto lines = lines_of(render_text({file_with({d})}, OutputOptions{}));
        REQUIRE(lines.size() >= 3);
        CHECK(lines[2] == "      | " + std::string(14, ' ') + "^^");
    }
    SUBCASE("a bidi override before the token is shown escaped and the caret follows it")
    {
        const std::string text = "t: \xE2\x80\xAE"
                                 "ab x\n";
        Diagnostic d = unknown_tile();
        d.position = position_of(text, "x");
        CHECK(d.position.column == 8);
        CheckedFile f = file_with({d});
        f.text = text;
        const auto lines = lines_of(render_text({f}, OutputOptions{}));
        REQUIRE(lines.size() >= 3);
        CHECK(lines[1] == "    1 | t: \\u202Eab x");
        CHECK(lines[2] == "      | " + std::string(12, ' ') + "^");
    }
    SUBCASE("a tab before the token is shown as one space")
    {
        const std::string text = "key:\tvalue\n";
        Diagnostic d = unknown_tile();
        d.position = position_of(text, "value");
        CheckedFile f = file_with({d});
        f.text = text;
        const auto lines = lines_of(render_text({f}, OutputOptions{}));
        REQUIRE(lines.size() >= 3);
        CHECK(lines[1] == "    1 | key: value");
        CHECK(lines[2] == "      |      ^^^^^");
    }
    SUBCASE("a long line is shown as a window with the caret still under the token")
    {
        const std::string text = "k: " + std::string(150, 'a') + " tile " + std::string(300, 'b') + "\n";
        Diagnostic d = unknown_tile();
        d.position = position_of(text, "tile");
        CheckedFile f = file_with({d});
        f.text = text;
        const auto lines = lines_of(render_text({f}, OutputOptions{}));
        REQUIRE(lines.size() >= 3);
        CHECK(lines[1].size() < 200);
        const std::size_t token = lines[1].find("tile");
        REQUIRE(token != std::string::npos);
        const std::size_t caret = lines[2].find('^');
        REQUIRE(caret != std::string::npos);
        CHECK(barnplan::display_width(lines[1].substr(0, token)) == barnplan::display_width(lines[2].substr(0, caret)));
        CHECK(lines[2].substr(caret) == "^^^^");
    }
    SUBCASE("a BOM is neither shown nor counted on the first line")
    {
        const std::string text = "\xEF\xBB\xBF"
                                 "tile: x\n";
        const barnplan::YamlDocument doc = barnplan::parse_yaml(text, "plan.yaml");
        REQUIRE(doc.root);
        Diagnostic d = unknown_tile();
        d.position = doc.root->entries.at(0).first.position;
        CHECK(d.position.column == 1);
        CheckedFile f = file_with({d});
        f.text = text;
        const auto lines = lines_of(render_text({f}, OutputOptions{}));
        REQUIRE(lines.size() >= 3);
        CHECK(lines[0].rfind("plans/exempelby.yaml:1:1: ", 0) == 0);
        CHECK(lines[1] == "    1 | tile: x");
        CHECK(lines[2] == "      | ^^^^");
    }
    SUBCASE("a position on a CRLF line does not show the CR")
    {
        CheckedFile f = file_with({unknown_tile()});
        f.text = "barnplan: 1\r\ngoals:\r\n  - { id: G1, år: 1, tile: x }\r\n";
        f.diagnostics[0].position = position_of(f.text, "tile");
        const auto lines = lines_of(render_text({f}, OutputOptions{}));
        REQUIRE(lines.size() >= 3);
        CHECK(lines[1] == "    3 |   - { id: G1, år: 1, tile: x }");
    }
}

TEST_CASE("render_text in Swedish")
{
    const std::vector<CheckedFile> files{file_with({unknown_tile(), one_off_warning()}, Language::sv)};
    OutputOptions options;
    options.language = Language::sv;
    const std::string out = render_text(files, options);
    CHECK(out.find("plans/exempelby.yaml:3:22: fel[unknown-key]: okänd nyckel 'tile' i målsättning\n") !=
          std::string::npos);
    CHECK(out.find(": varning[one-off-action]: åtgärd G1 är inte markerad som återkommande\n") != std::string::npos);
    CHECK(out.find("      tips: menade du 'title'?\n") != std::string::npos);
    CHECK(out.find("hint:") == std::string::npos);
    CHECK(out.find("error") == std::string::npos);
    CHECK(lines_of(out).back() == "1 fel och 1 varning i 1 av 1 fil");
}

TEST_CASE("render_text summary counts errors, warnings and files")
{
    SUBCASE("plural forms and files without findings")
    {
        CheckedFile clean = file_with({});
        clean.name = "plans/clean.yaml";
        const std::vector<CheckedFile> files{file_with({unknown_tile(), unknown_tile(), one_off_warning()}), clean};
        CHECK(lines_of(render_text(files, OutputOptions{})).back() == "2 errors and 1 warning in 1 of 2 files");
        OutputOptions sv;
        sv.language = Language::sv;
        CHECK(lines_of(render_text(files, sv)).back() == "2 fel och 1 varning i 1 av 2 filer");
    }
    SUBCASE("warnings only")
    {
        const std::vector<CheckedFile> files{file_with({one_off_warning(), one_off_warning()})};
        CHECK(lines_of(render_text(files, OutputOptions{})).back() == "0 errors and 2 warnings in 1 of 1 file");
    }
}

TEST_CASE("render_text says nothing when nothing was found, unless verbose")
{
    const std::vector<CheckedFile> files{file_with({}), file_with({})};
    CHECK(render_text(files, OutputOptions{}).empty());
    CHECK(render_text({}, OutputOptions{}).empty());
    OutputOptions verbose;
    verbose.verbose = true;
    const std::string en = render_text(files, verbose);
    CHECK(lines_of(en).size() == 1);
    CHECK(en.rfind("2 ", 0) == 0);
    CHECK(en.find("no problems") != std::string::npos);
    verbose.language = Language::sv;
    const std::string sv = render_text(files, verbose);
    CHECK(lines_of(sv).size() == 1);
    CHECK(sv.rfind("2 ", 0) == 0);
    CHECK(sv.find("inga problem") != std::string::npos);
}

TEST_CASE("render_text without a position shows no excerpt")
{
    Diagnostic d = unknown_tile();
    d.rule = "file-too-large";
    d.position = Position{};
    d.hint = {};
    const std::string out = render_text({file_with({d})}, OutputOptions{});
    CHECK(out == "plans/exempelby.yaml: error[file-too-large]: unknown key 'tile' in goal\n"
                 "1 error and 0 warnings in 1 of 1 file\n");
}

TEST_CASE("render_text never passes control characters from the plan to the terminal")
{
    Diagnostic d = unknown_tile();
    d.message.en = "value \x1B[2Jgone";
    d.hint.en = "hint \x1B]0;title\x07";
    d.file = "evil\x1B[31m.yaml";
    const std::string out = render_text({file_with({d})}, OutputOptions{});
    CHECK(out.find('\x1B') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(out.find("value \\x1B[2Jgone") != std::string::npos);

    SUBCASE("colour, when asked for, is the only escape sequence")
    {
        OutputOptions color;
        color.color = true;
        const std::string colored = render_text({file_with({unknown_tile()})}, color);
        CHECK(colored.find("\x1B[") != std::string::npos);
        CHECK(render_text({file_with({unknown_tile()})}, OutputOptions{}).find('\x1B') == std::string::npos);
    }
}

TEST_CASE("render_json gives one document with the documented keys")
{
    OutputOptions options;
    options.tool_version = "0.1.0";
    Diagnostic dup = unknown_tile();
    dup.rule = "duplicate-key";
    dup.related = position_of(k_text, "id");
    CheckedFile clean = file_with({});
    clean.name = "plans/clean.yaml";
    const std::string out = render_json({file_with({unknown_tile(), one_off_warning(), dup}), clean}, options);
    CHECK(out.back() == '\n');
    const nlohmann::json j = nlohmann::json::parse(out);

    CHECK(j.at("tool") == "barnplan");
    CHECK(j.at("version") == "0.1.0");

    REQUIRE(j.at("files").is_array());
    REQUIRE(j.at("files").size() == 2);
    CHECK(j["files"][0].at("file") == "plans/exempelby.yaml");
    CHECK(j["files"][0].at("errors") == 2);
    CHECK(j["files"][0].at("warnings") == 1);
    CHECK(j["files"][1].at("file") == "plans/clean.yaml");
    CHECK(j["files"][1].at("errors") == 0);

    REQUIRE(j.at("diagnostics").is_array());
    REQUIRE(j["diagnostics"].size() == 3);
    const auto& first = j["diagnostics"][0];
    for (const char* key : {"file", "line", "column", "severity", "rule", "message", "hint"}) {
        CAPTURE(key);
        CHECK(first.contains(key));
    }
    CHECK(first["file"] == "plans/exempelby.yaml");
    CHECK(first["line"] == 3);
    CHECK(first["column"] == 22);
    CHECK(first["severity"] == "error");
    CHECK(first["rule"] == "unknown-key");
    CHECK(first["message"] == "unknown key 'tile' in goal");
    CHECK(first["hint"] == "did you mean 'title'?");
    CHECK_FALSE(first.contains("related"));
    CHECK(j["diagnostics"][1]["severity"] == "warning");
    const auto& related = j["diagnostics"][2].at("related");
    CHECK(related.at("line") == 3);
    CHECK(related.at("column") == 7);

    const auto& summary = j.at("summary");
    CHECK(summary.at("files") == 2);
    CHECK(summary.at("errors") == 2);
    CHECK(summary.at("warnings") == 1);
}

TEST_CASE("render_json uses the plan's language and survives odd text")
{
    SUBCASE("Swedish messages for a Swedish plan")
    {
        const nlohmann::json j = nlohmann::json::parse(render_json({file_with({unknown_tile()}, Language::sv)}, {}));
        CHECK(j["diagnostics"][0]["message"] == "okänd nyckel 'tile' i målsättning");
        CHECK(j["diagnostics"][0]["hint"] == "menade du 'title'?");
    }
    SUBCASE("quotes, newlines and control characters stay inside their strings")
    {
        Diagnostic d = unknown_tile();
        d.message.en = "a \"quoted\"\nline\x1B";
        const nlohmann::json j = nlohmann::json::parse(render_json({file_with({d})}, {}));
        CHECK(j["diagnostics"][0]["message"] == "a \"quoted\"\nline\x1B");
    }
    SUBCASE("no files")
    {
        const nlohmann::json j = nlohmann::json::parse(render_json({}, {}));
        CHECK(j["diagnostics"].empty());
        CHECK(j["summary"]["files"] == 0);
    }
}

TEST_CASE("render_github writes one workflow command per finding")
{
    const std::string out = render_github({file_with({unknown_tile(), one_off_warning()})}, OutputOptions{});
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "::error file=plans/exempelby.yaml,line=3,col=22,title=unknown-key::"
                      "unknown key 'tile' in goal%0Adid you mean 'title'?");
    CHECK(lines[1].rfind("::warning file=plans/exempelby.yaml,line=3,col=7,title=one-off-action::", 0) == 0);

    SUBCASE("the plan's language")
    {
        const std::string sv = render_github({file_with({unknown_tile()}, Language::sv)}, OutputOptions{});
        CHECK(sv.find("::okänd nyckel 'tile' i målsättning%0Amenade du 'title'?\n") != std::string::npos);
    }
    SUBCASE("no position, no hint")
    {
        Diagnostic d = unknown_tile();
        d.position = Position{};
        d.hint = {};
        CHECK(render_github({file_with({d})}, OutputOptions{}) ==
              "::error file=plans/exempelby.yaml,title=unknown-key::unknown key 'tile' in goal\n");
    }
}

TEST_CASE("render_github: plan text cannot start a workflow command of its own")
{
    Diagnostic d = unknown_tile();
    d.message.en = "unknown key 'x\n::error file=a.yaml::injected' in goal";
    d.hint.en = "x\r\n::add-mask::secret\n::stop-commands::token";
    d.file = "odd,name:1.yaml";
    const std::string out = render_github({file_with({d, one_off_warning()})}, OutputOptions{});
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 2);
    for (const std::string& line : lines) {
        CAPTURE(line);
        CHECK((line.rfind("::error ", 0) == 0 || line.rfind("::warning ", 0) == 0));
        CHECK(line.find('\r') == std::string::npos);
    }
    CHECK(lines[0].rfind("::error file=odd%2Cname%3A1.yaml,line=3,col=22,title=unknown-key::", 0) == 0);
    CHECK(lines[0].find("x%0A::error file=a.yaml::injected") != std::string::npos);
    CHECK(lines[0].find('\x1B') == std::string::npos);
}

TEST_CASE("render_text of a loaded plan points at the offending key")
{
    const std::string text = "barnplan: 1\n"
                             "model: unicef-bvk\n"
                             "goals:\n"
                             "  - { id: G1, titel: Barnen hörs }\n";
    const barnplan::LoadResult loaded = barnplan::test::load(text);
    REQUIRE(loaded.diagnostics.size() == 1);
    CheckedFile f;
    f.name = "plan.yaml";
    f.text = text;
    f.diagnostics = loaded.diagnostics;
    const auto lines = lines_of(render_text({f}, OutputOptions{}));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].rfind("plan.yaml:4:15: error[unknown-key]: ", 0) == 0);
    CHECK(lines[1] == "    4 |   - { id: G1, titel: Barnen hörs }");
    CHECK(lines[2] == "      | " + std::string(14, ' ') + "^^^^^");
    CHECK(lines[3].find("'title'") != std::string::npos);
}
