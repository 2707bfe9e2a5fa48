#include "support.hpp"

#include <barnplan/yaml_tree.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using barnplan::LineIndex;
using barnplan::parse_yaml;
using barnplan::Position;
using barnplan::YamlDocument;
using barnplan::YamlLimits;
using barnplan::YamlNode;
using barnplan::test::count_rule;
using barnplan::test::describe;
using barnplan::test::find_diagnostic;
using barnplan::test::joined_ids;
using barnplan::test::k_file;

namespace {

YamlDocument parse(std::string_view text, const YamlLimits& limits = {})
{
    YamlDocument doc = parse_yaml(text, k_file, limits);
    barnplan::test::check_well_formed(doc.diagnostics);
    return doc;
}

/// The entry for `key` of a mapping, failing the test when it is missing.
const std::pair<YamlNode, YamlNode>& entry(const YamlNode& map, std::string_view key)
{
    REQUIRE(map.is_mapping());
    const auto* found = map.find(key);
    REQUIRE_MESSAGE(found != nullptr, "no key " << std::string(key));
    return *found;
}

/// Checks that `p` is the 1-based line and column given and that the text at
/// its byte offset starts with `token`.
void check_at(std::string_view text, const Position& p, std::size_t line, std::size_t column, std::string_view token)
{
    CHECK(p.line == line);
    CHECK(p.column == column);
    REQUIRE(p.offset <= text.size());
    CHECK(text.substr(p.offset, token.size()) == token);
}

YamlLimits depth_limit(std::size_t depth)
{
    YamlLimits limits;
    limits.max_depth = depth;
    return limits;
}

} // namespace

TEST_CASE("parse_yaml gives keys and values 1-based lines and columns and byte offsets")
{
    const std::string text = "title: Plan\n"
                             "period:\n"
                             "  start: 2025-01-01\n"
                             "goals:\n"
                             "  - id: G1\n";
    const YamlDocument doc = parse(text);
    REQUIRE(doc.diagnostics.empty());
    REQUIRE(doc.root);
    const YamlNode& root = *doc.root;

    const auto& title = entry(root, "title");
    check_at(text, title.first.position, 1, 1, "title");
    check_at(text, title.second.position, 1, 8, "Plan");
    CHECK(title.second.value == "Plan");

    const auto& start = entry(entry(root, "period").second, "start");
    check_at(text, start.first.position, 3, 3, "start");
    check_at(text, start.second.position, 3, 10, "2025-01-01");

    const auto& goals = entry(root, "goals");
    REQUIRE(goals.second.is_sequence());
    REQUIRE(goals.second.items.size() == 1);
    const auto& id = entry(goals.second.items[0], "id");
    check_at(text, id.first.position, 5, 5, "id");
    check_at(text, id.second.position, 5, 9, "G1");
}

TEST_CASE("parse_yaml counts columns in code points, not bytes")
{
    SUBCASE("a value after å, ä and ö on the same line")
    {
        const std::string text = "åäö: x\n";
        const YamlDocument doc = parse(text);
        REQUIRE(doc.root);
        const auto& e = entry(*doc.root, "åäö");
        check_at(text, e.first.position, 1, 1, "åäö");
        check_at(text, e.second.position, 1, 6, "x");
        CHECK(e.second.position.offset == 8); // three two-byte letters, colon, space
    }
    SUBCASE("a key after å in a flow mapping")
    {
        const std::string text = "m: { år: 1, mål: 2 }\n";
        const YamlDocument doc = parse(text);
        REQUIRE(doc.root);
        const auto& m = entry(*doc.root, "m").second;
        const auto& mal = entry(m, "mål");
        check_at(text, mal.first.position, 1, 13, "mål");
        CHECK(mal.first.position.offset == 13);
        check_at(text, mal.second.position, 1, 18, "2");
    }
    SUBCASE("a value after an emoji (a four-byte code point)")
    {
        const std::string text = "a: [\xF0\x9F\x98\x80, x]\n";
        const YamlDocument doc = parse(text);
        REQUIRE(doc.root);
        const auto& list = entry(*doc.root, "a").second;
        REQUIRE(list.items.size() == 2);
        check_at(text, list.items[1].position, 1, 8, "x");
        CHECK(list.items[1].position.offset == 10);
    }
}

TEST_CASE("parse_yaml positions with CRLF line breaks")
{
    const std::string text = "a: 1\r\nbb: two\r\nc:\r\n  - x\r\n";
    const YamlDocument doc = parse(text);
    REQUIRE(doc.diagnostics.empty());
    REQUIRE(doc.root);
    const auto& bb = entry(*doc.root, "bb");
    check_at(text, bb.first.position, 2, 1, "bb");
    CHECK(bb.first.position.offset == 6);
    check_at(text, bb.second.position, 2, 5, "two");
    CHECK(bb.second.value == "two");
    CHECK(bb.second.position.length == 3); // the \r is not part of the token
    const auto& c = entry(*doc.root, "c").second;
    REQUIRE(c.items.size() == 1);
    check_at(text, c.items[0].position, 4, 5, "x");
    CHECK(c.items[0].value == "x");
}

TEST_CASE("parse_yaml accepts a UTF-8 BOM and counts its bytes in offsets")
{
    const std::string text = "\xEF\xBB\xBF"
                             "a: 1\n"
                             "bb: två\n";
    const YamlDocument doc = parse(text);
    CHECK(doc.bom_bytes == 3);
    INFO(describe(doc.diagnostics));
    REQUIRE(doc.diagnostics.empty());
    REQUIRE(doc.root);
    const auto& bb = entry(*doc.root, "bb");
    check_at(text, bb.first.position, 2, 1, "bb");
    CHECK(bb.first.position.offset == 8);
    check_at(text, bb.second.position, 2, 5, "två");
    CHECK(bb.second.value == "två");
    const auto& a = entry(*doc.root, "a");
    CHECK(a.first.position.offset == 3);
    CHECK(text.substr(a.first.position.offset, 1) == "a");
    CHECK(a.first.position.line == 1);

    SUBCASE("without a BOM bom_bytes is 0")
    {
        CHECK(parse("a: 1\n").bom_bytes == 0);
    }
}

TEST_CASE("a key on the BOM's line is in column 1, as editors show it")
{
    // The BOM is invisible; counting it makes the column one too many and
    // shifts the caret under the first line.
    const std::string text = "\xEF\xBB\xBF"
                             "a: 1\n";
    const YamlDocument doc = parse(text);
    REQUIRE(doc.root);
    const auto& a = entry(*doc.root, "a");
    CHECK(a.first.position.column == 1);
    CHECK(a.second.position.column == 4);
}

TEST_CASE("parse_yaml records the token length of scalars for carets")
{
    SUBCASE("a plain scalar ends before trailing spaces and a comment")
    {
        const std::string text = "title: Hello world   # a comment\n";
        const YamlDocument doc = parse(text);
        REQUIRE(doc.root);
        const auto& e = entry(*doc.root, "title");
        CHECK(e.first.position.length == 5);
        CHECK(e.second.position.length == 11);
        CHECK(e.second.value == "Hello world");
    }
    SUBCASE("a double-quoted scalar includes its quotes and escapes")
    {
        const std::string text = "a: \"say \\\"hi\\\"\" # c\n";
        const YamlDocument doc = parse(text);
        REQUIRE(doc.root);
        const auto& e = entry(*doc.root, "a");
        CHECK(e.second.value == "say \"hi\"");
        CHECK(e.second.position.length == 12);
    }
    SUBCASE("a single-quoted scalar with a doubled quote")
    {
        const std::string text = "a: 'it''s'\n";
        const YamlDocument doc = parse(text);
        REQUIRE(doc.root);
        const auto& e = entry(*doc.root, "a");
        CHECK(e.second.value == "it's");
        CHECK(e.second.position.length == 7);
    }
    SUBCASE("a scalar in a flow collection ends at the comma or bracket")
    {
        const std::string text = "a: { b: two words, c: x }\nd: [e f, g]\n";
        const YamlDocument doc = parse(text);
        REQUIRE(doc.root);
        const auto& b = entry(entry(*doc.root, "a").second, "b");
        CHECK(b.second.value == "two words");
        CHECK(b.second.position.length == 9);
        const auto& d = entry(*doc.root, "d").second;
        REQUIRE(d.items.size() == 2);
        CHECK(d.items[0].position.length == 3);
        CHECK(d.items[1].position.length == 1);
    }
    SUBCASE("the length is in bytes, so å counts two")
    {
        const std::string text = "år: mål\n";
        const YamlDocument doc = parse(text);
        REQUIRE(doc.root);
        const auto& e = entry(*doc.root, "år");
        CHECK(e.first.position.length == 3);
        CHECK(e.second.position.length == 4);
    }
}

TEST_CASE("parse_yaml reports a duplicate key with both positions")
{
    const std::string text = "a: 1\n"
                             "b:\n"
                             "  c: 2\n"
                             "  c: 3\n"
                             "a: 4\n";
    const YamlDocument doc = parse(text);
    INFO(describe(doc.diagnostics));
    REQUIRE(count_rule(doc.diagnostics, "duplicate-key") == 2);

    const barnplan::Diagnostic* inner = nullptr;
    const barnplan::Diagnostic* outer = nullptr;
    for (const auto& d : doc.diagnostics) {
        (d.position.line == 4 ? inner : outer) = &d;
    }
    REQUIRE(inner != nullptr);
    REQUIRE(outer != nullptr);
    CHECK(inner->position.line == 4);
    CHECK(inner->position.column == 3);
    CHECK(inner->related.line == 3);
    CHECK(inner->related.column == 3);
    CHECK(outer->position.line == 5);
    CHECK(outer->position.column == 1);
    CHECK(outer->related.line == 1);
    CHECK(outer->related.column == 1);
    CHECK(outer->message.en.find("'a'") != std::string::npos);
    CHECK(outer->file == k_file);

    SUBCASE("the tree is still built and find() gives the first value")
    {
        REQUIRE(doc.root);
        CHECK(entry(*doc.root, "a").second.value == "1");
        CHECK(doc.root->entries.size() == 3);
    }
    SUBCASE("the same key in two different mappings is not a duplicate")
    {
        const YamlDocument ok = parse("a: { id: 1 }\nb: { id: 2 }\n");
        CHECK(count_rule(ok.diagnostics, "duplicate-key") == 0);
    }
}

TEST_CASE("parse_yaml refuses aliases")
{
    const std::string text = "a: &x 1\nb: *x\n";
    const YamlDocument doc = parse(text);
    const auto* d = find_diagnostic(doc.diagnostics, "yaml-alias");
    REQUIRE(d != nullptr);
    CHECK(d->position.line == 2);
    CHECK(d->position.column == 4);
    CHECK(d->severity == barnplan::Severity::error);

    SUBCASE("an anchor without an alias is no finding")
    {
        CHECK(parse("a: &x 1\nb: 2\n").diagnostics.empty());
    }
}

TEST_CASE("parse_yaml stops at the depth limit")
{
    SUBCASE("five nested collections fit a limit of five")
    {
        const YamlDocument doc = parse("a:\n b:\n  c:\n   d:\n    e: 1\n", depth_limit(5));
        INFO(describe(doc.diagnostics));
        CHECK(doc.diagnostics.empty());
        CHECK(doc.root != nullptr);
    }
    SUBCASE("six nested block mappings are too deep")
    {
        const YamlDocument doc = parse("a:\n b:\n  c:\n   d:\n    e:\n     f: 1\n", depth_limit(5));
        INFO(joined_ids(doc.diagnostics));
        REQUIRE(count_rule(doc.diagnostics, "too-deep") == 1);
        CHECK(find_diagnostic(doc.diagnostics, "too-deep")->position.line == 6);
        CHECK(doc.root == nullptr);
    }
    SUBCASE("six nested flow sequences are too deep")
    {
        const YamlDocument doc = parse("[[[[[[1]]]]]]\n", depth_limit(5));
        INFO(joined_ids(doc.diagnostics));
        CHECK(count_rule(doc.diagnostics, "too-deep") == 1);
        CHECK(doc.root == nullptr);
    }
    SUBCASE("very deep brackets under the default limit are a finding, not a crash")
    {
        const std::string text = std::string(10000, '[') + std::string(10000, ']') + "\n";
        const YamlDocument doc = parse(text);
        CHECK(count_rule(doc.diagnostics, "too-deep") == 1);
        CHECK(doc.root == nullptr);
    }
}

TEST_CASE("parse_yaml stops at the node limit")
{
    YamlLimits limits;
    limits.max_nodes = 10;
    SUBCASE("under the limit") // a mapping and four scalars
    {
        const YamlDocument doc = parse("a: 1\nb: 2\n", limits);
        CHECK(doc.diagnostics.empty());
        CHECK(doc.root != nullptr);
    }
    SUBCASE("over the limit")
    {
        const YamlDocument doc = parse("a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n", limits);
        INFO(joined_ids(doc.diagnostics));
        REQUIRE(count_rule(doc.diagnostics, "too-many-nodes") == 1);
        CHECK(find_diagnostic(doc.diagnostics, "too-many-nodes")->position.known());
        CHECK(doc.root == nullptr);
    }
}

TEST_CASE("parse_yaml refuses text over the size limit")
{
    YamlLimits limits;
    limits.max_bytes = 16;
    SUBCASE("exactly at the limit is accepted")
    {
        const std::string text = "abcdefgh: ijklm\n";
        REQUIRE(text.size() == 16);
        const YamlDocument doc = parse(text, limits);
        CHECK(doc.diagnostics.empty());
        CHECK(doc.root != nullptr);
    }
    SUBCASE("one byte over is file-too-large, for the whole file")
    {
        const std::string text = "abcdefgh: ijklmn\n";
        const YamlDocument doc = parse(text, limits);
        REQUIRE(doc.diagnostics.size() == 1);
        CHECK(doc.diagnostics[0].rule == "file-too-large");
        CHECK_FALSE(doc.diagnostics[0].position.known());
        CHECK(doc.diagnostics[0].message.en.find("17") != std::string::npos);
        CHECK(doc.diagnostics[0].message.en.find("16") != std::string::npos);
        CHECK(doc.root == nullptr);
    }
    SUBCASE("file_too_large names the size and the limit")
    {
        const barnplan::Diagnostic d = barnplan::file_too_large("big.yaml", 123456789, 1000);
        CHECK(d.rule == "file-too-large");
        CHECK(d.file == "big.yaml");
        CHECK(d.message.en.find("123456789") != std::string::npos);
        CHECK(d.message.sv.find("123456789") != std::string::npos);
        CHECK(d.message.en.find("1000") != std::string::npos);
    }
}

TEST_CASE("parse_yaml refuses invalid UTF-8 and says where")
{
    const std::string text = "a: 1\nb: \xFF\n";
    const YamlDocument doc = parse(text);
    REQUIRE(doc.diagnostics.size() == 1);
    const auto& d = doc.diagnostics[0];
    CHECK(d.rule == "invalid-utf8");
    CHECK(d.position.line == 2);
    CHECK(d.position.column == 4);
    CHECK(d.position.offset == 8);
    CHECK(d.message.en.find("0xFF") != std::string::npos);
    CHECK(doc.root == nullptr);
}

TEST_CASE("find_invalid_utf8 finds the first bad byte")
{
    using barnplan::find_invalid_utf8;
    constexpr auto npos = std::string_view::npos;
    CHECK(find_invalid_utf8("") == npos);
    CHECK(find_invalid_utf8("plain ascii") == npos);
    CHECK(find_invalid_utf8("åäö \xE2\x82\xAC \xF0\x9F\x98\x80") == npos); // euro sign, emoji
    CHECK(find_invalid_utf8("ab\xFF") == 2);
    CHECK(find_invalid_utf8("ab\x80") == 2);                // a lone continuation byte
    CHECK(find_invalid_utf8("ab\xC3") == 2);                // cut off at the end
    CHECK(find_invalid_utf8("ab\xC3(") == 2);               // a lead byte without continuation
    CHECK(find_invalid_utf8("\xC0\xAF") == 0);              // overlong '/'
    CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0);          // overlong, three bytes
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);         // a UTF-16 surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);      // above U+10FFFF
    CHECK(find_invalid_utf8("å\xF8\x88\x80\x80\x80") == 2); // a five-byte form
}

TEST_CASE("parse_yaml refuses raw control characters")
{
    SUBCASE("ESC")
    {
        const std::string text = "a: 1\nb: x\x1B[31m\n";
        const YamlDocument doc = parse(text);
        REQUIRE(doc.diagnostics.size() == 1);
        CHECK(doc.diagnostics[0].rule == "control-character");
        CHECK(doc.diagnostics[0].position.line == 2);
        CHECK(doc.diagnostics[0].position.column == 5);
        CHECK(doc.diagnostics[0].message.en.find("U+001B") != std::string::npos);
    }
    SUBCASE("NUL")
    {
        const std::string text("a: x\0y\n", 7);
        const YamlDocument doc = parse(text);
        REQUIRE(doc.diagnostics.size() == 1);
        CHECK(doc.diagnostics[0].rule == "control-character");
        CHECK(doc.diagnostics[0].position.line == 1);
        CHECK(doc.diagnostics[0].position.column == 5);
        CHECK(doc.diagnostics[0].message.en.find("U+0000") != std::string::npos);
    }
    SUBCASE("DEL")
    {
        const YamlDocument doc = parse("a: \x7F\n");
        REQUIRE(doc.diagnostics.size() == 1);
        CHECK(doc.diagnostics[0].rule == "control-character");
    }
    SUBCASE("tab, CR and LF are allowed")
    {
        const YamlDocument doc = parse("a: b\tc\r\n");
        CHECK(doc.diagnostics.empty());
        REQUIRE(doc.root);
        CHECK(entry(*doc.root, "a").second.value == "b\tc");
    }
}

TEST_CASE("parse_yaml reports a second document")
{
    SUBCASE("two documents")
    {
        const YamlDocument doc = parse("a: 1\n---\nb: 2\n");
        const auto* d = find_diagnostic(doc.diagnostics, "multi-document");
        REQUIRE(d != nullptr);
        CHECK(d->position.line == 3);
        REQUIRE(doc.root);
        CHECK(doc.root->find("a") != nullptr);
        CHECK(doc.root->find("b") == nullptr);
    }
    SUBCASE("one document with start and end markers")
    {
        const YamlDocument doc = parse("---\na: 1\n...\n");
        CHECK(doc.diagnostics.empty());
        CHECK(doc.root != nullptr);
    }
}

TEST_CASE("parse_yaml reports a syntax error with its position")
{
    SUBCASE("an unclosed flow sequence")
    {
        const YamlDocument doc = parse("a: 1\nb: [1, 2\nc: 3\n");
        const auto* d = find_diagnostic(doc.diagnostics, "yaml-syntax");
        REQUIRE(d != nullptr);
        CHECK(d->position.known());
        CHECK(d->position.line >= 2);
        CHECK_FALSE(d->message.sv.empty());
        CHECK(doc.root == nullptr);
    }
    SUBCASE("a colon in a plain value")
    {
        const YamlDocument doc = parse("a: 1\nb: c: d\n");
        const auto* d = find_diagnostic(doc.diagnostics, "yaml-syntax");
        REQUIRE(d != nullptr);
        CHECK(d->position.line == 2);
        CHECK(d->position.column == 5);
    }
}

// yaml-cpp reads an unclosed double quote up to the end of the file, so the
// rest of the plan silently becomes part of one string.
TEST_CASE("parse_yaml reports an unclosed quote as a syntax error")
{
    const YamlDocument doc = parse("municipality: \"Exempelby\ncoordinator: Anna\n");
    const auto* d = find_diagnostic(doc.diagnostics, "yaml-syntax");
    REQUIRE(d != nullptr);
    CHECK(d->position.line == 1);
}

TEST_CASE("parse_yaml of empty text or only comments has no root and no finding")
{
    for (std::string_view text :
         {std::string_view{}, std::string_view{"# only a comment\n"}, std::string_view{"\n\n"}}) {
        const YamlDocument doc = parse(text);
        CHECK(doc.diagnostics.empty());
        CHECK(doc.root == nullptr);
    }
}

TEST_CASE("parse_yaml records the style of scalars and collections")
{
    const std::string text = "plain: x\n"
                             "double: \"x\"\n"
                             "single: 'x'\n"
                             "number: 12\n"
                             "quoted_number: \"12\"\n"
                             "literal: |\n"
                             "  text\n"
                             "flow_map: { k: v }\n"
                             "flow_list: [1, 2]\n"
                             "block_map:\n"
                             "  k: v\n"
                             "block_list:\n"
                             "  - 1\n"
                             "empty:\n"
                             "tilde: ~\n";
    const YamlDocument doc = parse(text);
    REQUIRE(doc.diagnostics.empty());
    REQUIRE(doc.root);
    const YamlNode& root = *doc.root;

    SUBCASE("plain and quoted scalars")
    {
        CHECK(entry(root, "plain").second.is_plain_scalar());
        CHECK(entry(root, "number").second.is_plain_scalar());
        CHECK(entry(root, "double").second.style == YamlNode::Style::quoted);
        CHECK(entry(root, "single").second.style == YamlNode::Style::quoted);
        CHECK(entry(root, "quoted_number").second.style == YamlNode::Style::quoted);
        CHECK_FALSE(entry(root, "quoted_number").second.is_plain_scalar());
        CHECK(entry(root, "quoted_number").second.value == "12");
        CHECK_FALSE(entry(root, "literal").second.is_plain_scalar());
        CHECK(entry(root, "literal").second.value == "text\n");
    }
    SUBCASE("flow and block collections")
    {
        const YamlNode& flow_map = entry(root, "flow_map").second;
        CHECK(flow_map.is_mapping());
        CHECK(flow_map.style == YamlNode::Style::flow);
        const YamlNode& flow_list = entry(root, "flow_list").second;
        CHECK(flow_list.is_sequence());
        CHECK(flow_list.style == YamlNode::Style::flow);
        const YamlNode& block_map = entry(root, "block_map").second;
        CHECK(block_map.is_mapping());
        CHECK(block_map.style == YamlNode::Style::block);
        const YamlNode& block_list = entry(root, "block_list").second;
        CHECK(block_list.is_sequence());
        CHECK(block_list.style == YamlNode::Style::block);
        CHECK(root.style == YamlNode::Style::block);
    }
    SUBCASE("empty values are null")
    {
        CHECK(entry(root, "empty").second.is_null());
        CHECK(entry(root, "tilde").second.is_null());
    }
    SUBCASE("entries keep the source order")
    {
        REQUIRE(root.entries.size() == 12);
        CHECK(root.entries.front().first.value == "plain");
        CHECK(root.entries.back().first.value == "tilde");
    }
    SUBCASE("find() misses unknown keys")
    {
        CHECK(root.find("nope") == nullptr);
        CHECK(entry(root, "plain").second.find("plain") == nullptr);
    }
}

TEST_CASE("LineIndex maps offsets to positions and gives line texts")
{
    SUBCASE("line_text drops the line break, CRLF included")
    {
        const LineIndex index("first\r\nsecond\nthird");
        CHECK(index.line_count() == 3);
        CHECK(index.line_text(1) == "first");
        CHECK(index.line_text(2) == "second");
        CHECK(index.line_text(3) == "third");
        CHECK(index.line_text(0).empty());
        CHECK(index.line_text(4).empty());
    }
    SUBCASE("a text ending in a newline has an empty last line")
    {
        const LineIndex index("a\n");
        CHECK(index.line_count() == 2);
        CHECK(index.line_text(2).empty());
    }
    SUBCASE("position_of counts code points within the line")
    {
        const std::string text = "x\nåå y\n";
        const LineIndex index(text);
        const Position p = index.position_of(text.find('y'));
        CHECK(p.line == 2);
        CHECK(p.column == 4);
        CHECK(p.offset == 7);
        const Position start = index.position_of(0);
        CHECK(start.line == 1);
        CHECK(start.column == 1);
    }
    SUBCASE("an offset past the end is clamped to the end")
    {
        const LineIndex index("ab");
        const Position p = index.position_of(99);
        CHECK(p.line == 1);
        CHECK(p.column == 3);
        CHECK(p.offset == 2);
    }
}
