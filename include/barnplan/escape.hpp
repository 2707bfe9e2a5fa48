#pragma once

#include <string>
#include <string_view>

namespace barnplan {

/// Makes plan text safe to print on a terminal: control characters (ESC, C1,
/// DEL…) and bidirectional overrides become visible escapes such as \x1B, so a
/// plan cannot move the cursor, change colours or hide text. Tabs and newlines
/// stay only when `keep_newlines` is set.
[[nodiscard]] std::string terminal_safe(std::string_view text, bool keep_newlines = false);

/// Runs of white space, line breaks and the Unicode line/paragraph
/// separators included, become one space; the ends are trimmed.
[[nodiscard]] std::string single_line(std::string_view text);

/// Any text as literal inline GitHub-flavoured Markdown, safe in a table
/// cell, a heading or a list item: markup, HTML, bare links, @mentions and
/// #123 references are neutralised, control characters made visible.
[[nodiscard]] std::string markdown_inline(std::string_view text);

/// Escapes the message part of a GitHub Actions workflow command (`::error ...::MESSAGE`).
[[nodiscard]] std::string github_escape_data(std::string_view text);
/// Escapes a property value of a workflow command (file=, title=): also ':' and ','.
[[nodiscard]] std::string github_escape_property(std::string_view text);

/// Escapes text for XML 1.0 character data and attribute values (both
/// quotes, and tabs and line breaks as character references so attribute
/// normalisation keeps them). Characters XML 1.0 forbids even as references
/// (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, stray bytes)
/// and the discouraged DEL and C1 controls become visible escapes such as
/// \x1B, as on a terminal.
[[nodiscard]] std::string xml_escape(std::string_view text);

/// A relative path as a URI reference (RFC 3986): every byte but the
/// unreserved characters and '/' percent-encoded, so a path with spaces,
/// '%', '#' or '?' stays one path.
[[nodiscard]] std::string uri_escape_path(std::string_view path);

/// Display width on a terminal: code points, with East Asian wide characters
/// counting two and combining marks zero.
[[nodiscard]] std::size_t display_width(std::string_view text);

} // namespace barnplan
