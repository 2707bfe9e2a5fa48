#include "table.hpp"

#include <barnplan/escape.hpp>

#include <algorithm>
#include <numeric>

namespace barnplan::report_table {
namespace {

std::size_t code_point_length(unsigned char lead)
{
    if (lead >= 0xF0U) {
        return 4;
    }
    if (lead >= 0xE0U) {
        return 3;
    }
    if (lead >= 0xC0U) {
        return 2;
    }
    return 1;
}

std::string pad(const std::string& text, std::size_t width, bool right)
{
    const std::size_t w = display_width(text);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + text : text + fill;
}

} // namespace

std::vector<std::string> wrap(const std::string& text, std::size_t width)
{
    width = std::max<std::size_t>(width, 1);
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_width = 0;
    std::size_t i = 0;
    auto flush = [&]() {
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        lines.push_back(line);
        line.clear();
        line_width = 0;
    };
    while (i < text.size()) {
        if (text[i] == '\n') {
            flush();
            ++i;
            continue;
        }
        if (text[i] == ' ') {
            if (line_width > 0 && line_width < width) {
                line += ' ';
                ++line_width;
            }
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n') {
            ++end;
        }
        std::string word = text.substr(i, end - i);
        i = end;
        std::size_t word_width = display_width(word);
        if (line_width > 0 && line_width + word_width > width) {
            flush();
        }
        // A word wider than the column is cut, code point by code point.
        while (word_width > width) {
            std::size_t taken = 0;
            std::size_t bytes = 0;
            while (bytes < word.size()) {
                const std::size_t len = code_point_length(static_cast<unsigned char>(word[bytes]));
                const std::size_t w = display_width(word.substr(bytes, len));
                if (taken + w > width - line_width) {
                    break;
                }
                taken += w;
                bytes += len;
            }
            if (bytes == 0) {
                bytes = code_point_length(static_cast<unsigned char>(word[0]));
            }
            line += word.substr(0, bytes);
            flush();
            word = word.substr(bytes);
            word_width = display_width(word);
        }
        line += word;
        line_width += word_width;
    }
    if (!line.empty() || lines.empty()) {
        flush();
    }
    return lines;
}

std::string Table::render(std::size_t width, std::size_t indent, bool color) const
{
    const std::size_t n = m_columns.size();
    std::vector<std::size_t> widths(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
        widths[c] = display_width(m_columns[c].header);
        for (const auto& row : m_rows) {
            if (c < row.size()) {
                for (const std::string& part : wrap(row[c].text, 10'000)) {
                    widths[c] = std::max(widths[c], display_width(part));
                }
            }
        }
    }
    const std::size_t gaps = 2 * (n - 1) + indent;
    std::size_t total = std::accumulate(widths.begin(), widths.end(), gaps);
    // Take the excess from the widest flexible column, one column at a time.
    while (total > width) {
        std::size_t widest = n;
        for (std::size_t c = 0; c < n; ++c) {
            if (m_columns[c].flexible && widths[c] > m_columns[c].min_width &&
                (widest == n || widths[c] > widths[widest])) {
                widest = c;
            }
        }
        if (widest == n) {
            break; // as narrow as it goes; the terminal will wrap the rest
        }
        --widths[widest];
        --total;
    }
    const std::string margin(indent, ' ');
    std::string out;
    auto emit = [&](const std::vector<std::vector<std::string>>& cells, const std::vector<std::string>& colors, bool bold) {
        std::size_t height = 1;
        for (const auto& c : cells) {
            height = std::max(height, c.size());
        }
        for (std::size_t line = 0; line < height; ++line) {
            std::string text = margin;
            for (std::size_t c = 0; c < n; ++c) {
                const std::string part = line < cells[c].size() ? cells[c][line] : std::string();
                std::string padded = pad(part, widths[c], m_columns[c].right);
                const std::string& code = bold ? std::string("1") : colors[c];
                if (color && !code.empty() && !part.empty()) {
                    padded = "\x1b[" + code + "m" + padded + "\x1b[0m";
                }
                text += padded;
                if (c + 1 < n) {
                    text += "  ";
                }
            }
            while (!text.empty() && text.back() == ' ') {
                text.pop_back();
            }
            out += text + "\n";
        }
    };
    std::vector<std::vector<std::string>> header(n);
    for (std::size_t c = 0; c < n; ++c) {
        header[c] = wrap(m_columns[c].header, widths[c]);
    }
    emit(header, std::vector<std::string>(n), true);
    for (const auto& row : m_rows) {
        std::vector<std::vector<std::string>> cells(n);
        std::vector<std::string> colors(n);
        for (std::size_t c = 0; c < n && c < row.size(); ++c) {
            cells[c] = m_columns[c].flexible ? wrap(row[c].text, widths[c]) : std::vector<std::string>{row[c].text};
            colors[c] = row[c].color;
        }
        emit(cells, colors, false);
    }
    return out;
}

} // namespace barnplan::report_table
