#pragma once

// A plain-text table that fits a width: columns marked flexible wrap their
// text at word boundaries; widths count display columns, so å and 学 align.

#include <string>
#include <vector>

namespace barnplan::report_table {

struct Column {
    std::string header;
    bool flexible = false;      ///< may wrap; others keep their natural width
    std::size_t min_width = 8;  ///< a flexible column never gets narrower
    bool right = false;         ///< right-aligned (numbers)
};

struct Cell {
    std::string text;       ///< already made terminal-safe
    std::string color = {}; ///< ANSI SGR code, e.g. "31"; empty for none
};

class Table {
public:
    explicit Table(std::vector<Column> columns) : m_columns(std::move(columns)) {}
    void add_row(std::vector<Cell> row) { m_rows.push_back(std::move(row)); }
    [[nodiscard]] bool empty() const { return m_rows.empty(); }
    /// Renders with `indent` spaces before every line, within `width` columns.
    [[nodiscard]] std::string render(std::size_t width, std::size_t indent, bool color) const;

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<Cell>> m_rows;
};

/// Splits `text` into lines of at most `width` display columns, at spaces
/// where it can and inside a word where it must.
[[nodiscard]] std::vector<std::string> wrap(const std::string& text, std::size_t width);

} // namespace barnplan::report_table
