#include <barnplan/escape.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using barnplan::display_width;
using barnplan::github_escape_data;
using barnplan::github_escape_property;
using barnplan::terminal_safe;
using barnplan::uri_escape_path;
using barnplan::xml_escape;

namespace {

/// True when `text` holds no byte that a terminal acts on: C0 controls, DEL,
/// and the UTF-8 forms of C1 controls and bidirectional overrides.
bool inert(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20U || c == 0x7FU) {
            return false;
        }
        if (c == 0xC2U && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80U && next < 0xA0U) {
                return false;
            }
        }
        if (text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size()) {
            const auto last = static_cast<unsigned char>(text[i + 2]);
            if ((last >= 0xAAU && last <= 0xAEU) || last == 0x8EU || last == 0x8FU) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

TEST_CASE("terminal_safe makes control characters visible")
{
    SUBCASE("ESC of a colour or cursor sequence")
    {
        CHECK(terminal_safe("a\x1B[31mred\x1B[0m") == "a\\x1B[31mred\\x1B[0m");
        CHECK(terminal_safe("\x1B]0;title\x07") == "\\x1B]0;title\\x07");
    }
    SUBCASE("C1 controls such as U+009B (CSI)")
    {
        CHECK(terminal_safe("x\xC2\x9B"
                            "2J") == "x\\x9B2J");
        CHECK(terminal_safe("\xC2\x85") == "\\x85");
    }
    SUBCASE("DEL and NUL")
    {
        CHECK(terminal_safe("a\x7F"
                            "b") == "a\\x7Fb");
        CHECK(terminal_safe(std::string_view("a\0b", 3)) == "a\\x00b");
    }
    SUBCASE("carriage return, which would overwrite the line")
    {
        CHECK(terminal_safe("safe\rEVIL") == "safe\\x0DEVIL");
    }
    SUBCASE("newlines stay only when asked for")
    {
        CHECK(terminal_safe("a\nb") == "a\\x0Ab");
        CHECK(terminal_safe("a\nb", true) == "a\nb");
        CHECK(inert(terminal_safe("a\tb")));
        CHECK(terminal_safe("a\tb", true) == "a\tb");
    }
    SUBCASE("bidirectional overrides and isolates")
    {
        CHECK(terminal_safe("abc\xE2\x80\xAE"
                            "fed") == "abc\\u202Efed");
        CHECK(terminal_safe("\xE2\x81\xA6"
                            "x\xE2\x81\xA9") == "\\u2066x\\u2069");
        CHECK(terminal_safe("\xE2\x80\x8F") == "\\u200F");
    }
    SUBCASE("a byte that is not UTF-8 is escaped, not passed on")
    {
        CHECK(terminal_safe("a\xFF"
                            "b") == "a\\xFFb");
        CHECK(inert(terminal_safe("\xC2")));
    }
    SUBCASE("the result never holds a control character")
    {
        std::string every_byte;
        for (int c = 0; c < 256; ++c) {
            every_byte += static_cast<char>(c);
        }
        const std::string safe = terminal_safe(every_byte);
        CHECK(inert(safe));
        CHECK(inert(terminal_safe("\xC2\x80\xC2\x9F\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD\xE2\x80\x8E")));
    }
}

TEST_CASE("terminal_safe leaves ordinary text alone")
{
    for (std::string_view text : {"Exempelby kommun", "Åsa Öberg, förskolan Älgen", "åäö ÅÄÖ æøå",
                                  "\xF0\x9F\x98\x80 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "日本語", "e\xCC\x81",
                                  "§ 57, 14.3.2025", "\xC2\xA0non-breaking", ""}) {
        CAPTURE(text);
        CHECK(terminal_safe(text) == text);
    }
}

TEST_CASE("github_escape_data escapes what ends a workflow command's message")
{
    CHECK(github_escape_data("50%") == "50%25");
    CHECK(github_escape_data("a\r\nb") == "a%0D%0Ab");
    CHECK(github_escape_data("line\n::error::injected") == "line%0A::error::injected");
    CHECK(github_escape_data("%0A") == "%250A"); // an escape written in the plan stays literal
    CHECK(github_escape_data("key: value, more") == "key: value, more");
    CHECK(github_escape_data("åäö") == "åäö");
}

TEST_CASE("github_escape_property also escapes ':' and ','")
{
    CHECK(github_escape_property("plans/a,b:c.yaml") == "plans/a%2Cb%3Ac.yaml");
    CHECK(github_escape_property("100%") == "100%25");
    CHECK(github_escape_property("a\nb\rc") == "a%0Ab%0Dc");
    CHECK(github_escape_property("%3A") == "%253A");
    CHECK(github_escape_property("planer/Örebro.yaml") == "planer/Örebro.yaml");
}

TEST_CASE("display_width counts terminal columns")
{
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("å") == 1);
    CHECK(display_width("åäö") == 3);
    CHECK(display_width("日本") == 4);
    CHECK(display_width("한국") == 4);
    CHECK(display_width("\xEF\xBC\xA1") == 2); // fullwidth A
    CHECK(display_width("e\xCC\x81") == 1);    // e + combining acute accent
    CHECK(display_width("a\xCC\x88\xCC\x81") == 1);
    CHECK(display_width("\xF0\x9F\x98\x80") == 2); // emoji
    CHECK(display_width("a\xE2\x80\x8B"
                        "b") == 2); // zero-width space
}

// File names reach terminal_safe unchecked (the loader only checks the text),
// so a broken UTF-8 lead byte must not swallow an ESC after it into a
// "code point" that is then passed on raw.
TEST_CASE("terminal_safe escapes ESC after a broken UTF-8 lead byte")
{
    for (std::string_view text : {std::string_view{"\xE0\x1B[2J"}, std::string_view{"\xF0\x1B[31m"},
                                  std::string_view{"\xE2\x1B]0;x\x07"}, std::string_view{"\xC2\x1B[2J"}}) {
        const std::string safe = terminal_safe(text);
        CAPTURE(safe);
        CHECK(inert(safe));
        CHECK(safe.find('\x1B') == std::string::npos);
    }
}

TEST_CASE("xml_escape escapes markup and both quotes")
{
    CHECK(xml_escape("a<b>&c\"d'e") == "a&lt;b&gt;&amp;c&quot;d&apos;e");
    CHECK(xml_escape("]]> --") == "]]&gt; --");
    CHECK(xml_escape("Målsättning – barnens åsikter") == "Målsättning – barnens åsikter");
}

TEST_CASE("xml_escape keeps tabs and line breaks as character references")
{
    CHECK(xml_escape("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
}

TEST_CASE("xml_escape makes characters XML 1.0 forbids visible")
{
    CHECK(xml_escape(std::string_view("\x00\x01\x1b[31m\x0c", 8)) == "\\x00\\x01\\x1B[31m\\x0C");
    CHECK(xml_escape("\x7f") == "\\x7F");
    CHECK(xml_escape("\xc2\x85") == "\\x85");       // NEL, a C1 control
    CHECK(xml_escape("\xef\xbf\xbe") == "\\uFFFE"); // a noncharacter XML forbids
    CHECK(xml_escape("\xef\xbf\xbf") == "\\uFFFF");
    CHECK(xml_escape("\xe4") == "\\xE4");           // a stray byte
}

TEST_CASE("uri_escape_path percent-encodes all but unreserved characters and '/'")
{
    CHECK(uri_escape_path("plans/exempelby.yaml") == "plans/exempelby.yaml");
    CHECK(uri_escape_path("plan,v1%.yaml") == "plan%2Cv1%25.yaml");
    CHECK(uri_escape_path("a b#c?d") == "a%20b%23c%3Fd");
    CHECK(uri_escape_path("å.yaml") == "%C3%A5.yaml");
}
