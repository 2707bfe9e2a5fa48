#pragma once

#include <barnplan/diagnostic.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace barnplan {

/// A YAML node with the source position of its first character. barnplan builds
/// this itself from the parser's events so that duplicate keys, aliases, depth
/// and size are all under its control and every key keeps its own position.
struct YamlNode {
    enum class Kind { null, scalar, sequence, mapping };
    enum class Style { plain, quoted, block, flow };

    Kind kind = Kind::null;
    Style style = Style::plain; ///< quoted/plain for scalars, block/flow for collections
    Position position;
    std::string value; ///< scalar text
    std::vector<YamlNode> items; ///< sequence items
    std::vector<std::pair<YamlNode, YamlNode>> entries; ///< mapping entries, in source order
    bool alias = false; ///< stands for a refused alias (*name): already reported, not a value
    bool anchor = false; ///< carries an anchor (&name): the edit engine will not edit through it

    YamlNode() = default;
    // Defined out of line: a node holds pairs of nodes, and clang cannot
    // define them here while std::pair<YamlNode, YamlNode> is incomplete.
    ~YamlNode();
    YamlNode(const YamlNode&);
    YamlNode(YamlNode&&) noexcept;
    YamlNode& operator=(const YamlNode&);
    YamlNode& operator=(YamlNode&&) noexcept;

    [[nodiscard]] bool is_null() const { return kind == Kind::null; }
    [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
    [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
    [[nodiscard]] bool is_mapping() const { return kind == Kind::mapping; }
    [[nodiscard]] bool is_plain_scalar() const { return kind == Kind::scalar && style == Style::plain; }

    /// The entry for `key` in a mapping (the first, if duplicated), or nullptr.
    [[nodiscard]] const std::pair<YamlNode, YamlNode>* find(std::string_view key) const;
};

/// Bounds on what the parser accepts: hostile input is refused, not obeyed.
struct YamlLimits {
    std::size_t max_bytes = 8U * 1024U * 1024U;
    std::size_t max_depth = 64;
    std::size_t max_nodes = 250'000;
};

struct YamlDocument {
    std::unique_ptr<YamlNode> root; ///< null when parsing failed or the text is empty
    Diagnostics diagnostics;          ///< syntax and structure problems, with positions
    std::size_t bom_bytes = 0;        ///< 3 when the text started with a UTF-8 BOM
};

/// Parses one YAML document. Never throws for bad input: every problem becomes
/// a diagnostic (rules yaml-syntax, duplicate-key, yaml-alias, too-deep,
/// too-many-nodes, file-too-large, invalid-utf8, multi-document).
[[nodiscard]] YamlDocument parse_yaml(std::string_view text, const std::string& file,
                                      const YamlLimits& limits = {});

/// The diagnostic for a file over the size limit, for callers that check the
/// size before reading (so a huge file is never read into memory).
[[nodiscard]] Diagnostic file_too_large(const std::string& file, std::uintmax_t size, std::size_t limit);

/// Maps byte offsets to 1-based line and code-point column.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    [[nodiscard]] Position position_of(std::size_t offset) const;
    /// The text of 1-based line `line`, without its line break.
    [[nodiscard]] std::string_view line_text(std::size_t line) const;
    /// Byte offset in the text where line_text(line) begins.
    [[nodiscard]] std::size_t line_offset(std::size_t line) const;
    [[nodiscard]] std::size_t line_count() const { return m_starts.size(); }

private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
    std::size_t m_bom = 0; ///< a BOM is no column of line 1
    // Positions are asked for in text order; counting on from the last one
    // keeps a long line linear instead of quadratic.
    mutable std::size_t m_last_offset = 0;
    mutable std::size_t m_last_column = 1;
    mutable std::size_t m_last_line = 0;
};

/// The offset of the first byte that is not valid UTF-8, or npos.
[[nodiscard]] std::size_t find_invalid_utf8(std::string_view text);

} // namespace barnplan
