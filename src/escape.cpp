#include <barnplan/escape.hpp>

#include <fmt/format.h>

#include <cctype>

namespace barnplan {
namespace {

/// Decodes one UTF-8 code point at `i` (input is valid UTF-8 by the time it
/// gets here; invalid bytes decode as themselves and are escaped).
char32_t decode(std::string_view s, std::size_t& i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    char32_t cp = c;
    if (c >= 0xF0U) {
        len = 4;
        cp = c & 0x07U;
    } else if (c >= 0xE0U) {
        len = 3;
        cp = c & 0x0FU;
    } else if (c >= 0xC0U) {
        len = 2;
        cp = c & 0x1FU;
    }
    if (len == 1 || i + len > s.size()) {
        ++i;
        return c;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0U) != 0x80U) {
            ++i; // not a sequence: the lead byte alone, which callers escape
            return c;
        }
        cp = (cp << 6U) | (cc & 0x3FU);
    }
    i += len;
    return cp;
}

bool is_bidi_control(char32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
           cp == 0x061C;
}

/// Line breaks and other white space, the Unicode separators included,
/// become one space: a line break would end a table row or start a block.
std::string single_line_impl(std::string_view text)
{
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::size_t len = 0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            len = 1;
        } else if (text.substr(i, 2) == "\xC2\x85") { // NEL
            len = 2;
        } else if (text.substr(i, 3) == "\xE2\x80\xA8" || text.substr(i, 3) == "\xE2\x80\xA9") {
            len = 3; // LINE SEPARATOR, PARAGRAPH SEPARATOR
        }
        if (len > 0) {
            space = !out.empty();
            i += len - 1;
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

bool is_word_char(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/// True when the dot at `dot` ends a "www" that starts a word.
bool starts_www(std::string_view s, std::size_t dot)
{
    if (dot < 3) {
        return false;
    }
    for (std::size_t k = dot - 3; k < dot; ++k) {
        if (std::tolower(static_cast<unsigned char>(s[k])) != 'w') {
            return false;
        }
    }
    return dot == 3 || !is_word_char(s[dot - 4]);
}

// GitHub finds @mentions and #123 references in the rendered text, after
// Markdown escapes and entities are gone, so neither `\@` nor `&#64;`
// stops them. A zero-width space after the sign does (what Renovate and
// Dependabot do); it is written as an entity so that a reviewer sees it.
constexpr std::string_view k_zero_width_space = "&#8203;";

/// Any text as literal inline Markdown, safe in a table cell, a heading or
/// a list item.
std::string markdown_inline_impl(std::string_view text)
{
    // Control characters and bidi overrides become visible escapes first,
    // as in the terminal; their backslash is escaped below like any other.
    const std::string safe = terminal_safe(single_line_impl(text));
    std::string out;
    out.reserve(safe.size() + safe.size() / 4);
    for (std::size_t i = 0; i < safe.size(); ++i) {
        const char c = safe[i];
        const bool after_word = i > 0 && is_word_char(safe[i - 1]);
        switch (c) {
        case '\\':
        case '|': // ends a table cell, even inside a code span
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '!':
        case '~':
        case '$': // GitHub renders $…$ as math
            out += '\\';
            out += c;
            break;
        case '#':
            out += "\\#";
            if (i + 1 < safe.size() && is_digit(safe[i + 1]) && !after_word) {
                out += k_zero_width_space;
            }
            break;
        case '@':
            out += '@';
            // GitHub's pattern wants no word character before the @, so an
            // e-mail address (name@example.se) stays as written.
            if (!after_word) {
                out += k_zero_width_space;
            }
            break;
        case ':':
            // GFM turns http://… and www.… into links by itself; an escaped
            // character in the pattern stops it and reads the same.
            out += safe.compare(i + 1, 2, "//") == 0 ? "\\:" : ":";
            break;
        case '.':
            out += starts_www(safe, i) ? "\\." : ".";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

std::string single_line(std::string_view text)
{
    return single_line_impl(text);
}

std::string markdown_inline(std::string_view text)
{
    return markdown_inline_impl(text);
}

std::string terminal_safe(std::string_view text, bool keep_newlines)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const char32_t cp = decode(text, i);
        if (cp == '\n' && keep_newlines) {
            out += '\n';
        } else if (cp == '\t') {
            out += keep_newlines ? "\t" : " ";
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0 && i - start == 2) ||
                   (i - start == 1 && cp >= 0x80)) {
            out += fmt::format("\\x{:02X}", static_cast<unsigned>(cp));
        } else if (is_bidi_control(cp)) {
            out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

std::string github_escape_data(std::string_view text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '%':
            out += "%25";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string github_escape_property(std::string_view text)
{
    std::string out;
    for (char c : github_escape_data(text)) {
        if (c == ':') {
            out += "%3A";
        } else if (c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

std::string xml_escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const char32_t cp = decode(text, i);
        switch (cp) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '\t':
            out += "&#9;";
            break;
        case '\n':
            out += "&#10;";
            break;
        case '\r':
            out += "&#13;";
            break;
        default:
            // DEL and C1 are allowed but discouraged in XML 1.0: visible too.
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (i - start == 1 && cp >= 0x80)) {
                out += fmt::format("\\x{:02X}", static_cast<unsigned>(cp));
            } else if (cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
            } else {
                out.append(text.substr(start, i - start));
            }
        }
    }
    return out;
}

std::string uri_escape_path(std::string_view path)
{
    std::string out;
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 && u < 0x80U) {
            out += c;
        } else if (c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += c;
        } else {
            out += fmt::format("%{:02X}", static_cast<unsigned>(u));
        }
    }
    return out;
}

std::size_t display_width(std::string_view text)
{
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = decode(text, i);
        if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || cp == 0x200D) {
            continue; // combining marks and zero-width joiners take no column
        }
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
                          (cp >= 0x20000 && cp <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

} // namespace barnplan
