#include "unified_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace barnplan::cli {
namespace {

/// Lines with their line break, so a missing final newline is a difference.
std::vector<std::string_view> split_lines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

enum class Op { keep, remove, insert };

struct Edit {
    Op op;
    std::size_t old_line; ///< 0-based index into the old lines (keep, remove)
    std::size_t new_line; ///< 0-based index into the new lines (keep, insert)
};

// Beyond this many differing lines the shortest edit is not worth its
// quadratic memory: the rest is shown as one replacement.
constexpr std::ptrdiff_t k_max_cost = 2000;

/// Myers' shortest edit script for a[a0, a1) against b[b0, b1), appended to `out`.
void myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t a0,
           std::size_t a1, std::size_t b0, std::size_t b1, std::vector<Edit>& out)
{
    const auto n = static_cast<std::ptrdiff_t>(a1 - a0);
    const auto m = static_cast<std::ptrdiff_t>(b1 - b0);
    const std::ptrdiff_t max = n + m;
    const std::ptrdiff_t offset = max + 1;
    std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * max + 3), 0);
    auto at = [&](std::ptrdiff_t k) -> std::ptrdiff_t& { return v[static_cast<std::size_t>(k + offset)]; };
    // trace[d] holds V[-d..d] as it was when step d began.
    std::vector<std::vector<std::ptrdiff_t>> trace;
    std::ptrdiff_t found = -1;
    for (std::ptrdiff_t d = 0; d <= max && d <= k_max_cost; ++d) {
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        for (std::ptrdiff_t k = -d; k <= d; k += 2) {
            std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            std::ptrdiff_t y = x - k;
            while (x < n && y < m && a[a0 + static_cast<std::size_t>(x)] == b[b0 + static_cast<std::size_t>(y)]) {
                ++x;
                ++y;
            }
            at(k) = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        if (found >= 0) {
            break;
        }
    }
    if (found < 0) {
        for (std::size_t i = a0; i < a1; ++i) {
            out.push_back({Op::remove, i, b0});
        }
        for (std::size_t j = b0; j < b1; ++j) {
            out.push_back({Op::insert, a1, j});
        }
        return;
    }
    std::vector<Edit> reversed;
    std::ptrdiff_t x = n;
    std::ptrdiff_t y = m;
    for (std::ptrdiff_t d = found; d >= 0; --d) {
        const std::vector<std::ptrdiff_t>& snapshot = trace[static_cast<std::size_t>(d)];
        auto old_v = [&](std::ptrdiff_t k) { return snapshot[static_cast<std::size_t>(k + d)]; };
        const std::ptrdiff_t k = x - y;
        std::ptrdiff_t prev_x = 0;
        std::ptrdiff_t prev_y = 0;
        if (d > 0) {
            const std::ptrdiff_t prev_k = (k == -d || (k != d && old_v(k - 1) < old_v(k + 1))) ? k + 1 : k - 1;
            prev_x = old_v(prev_k);
            prev_y = prev_x - prev_k;
        }
        while (x > prev_x && y > prev_y) {
            --x;
            --y;
            reversed.push_back({Op::keep, a0 + static_cast<std::size_t>(x), b0 + static_cast<std::size_t>(y)});
        }
        if (d > 0) {
            if (x == prev_x) {
                reversed.push_back(
                    {Op::insert, a0 + static_cast<std::size_t>(x), b0 + static_cast<std::size_t>(prev_y)});
            } else {
                reversed.push_back(
                    {Op::remove, a0 + static_cast<std::size_t>(prev_x), b0 + static_cast<std::size_t>(y)});
            }
            x = prev_x;
            y = prev_y;
        }
    }
    out.insert(out.end(), reversed.rbegin(), reversed.rend());
}

std::vector<Edit> diff_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b)
{
    // Common ends first: most edits touch a few lines of a long file.
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) {
        ++head;
    }
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        ++tail;
    }
    std::vector<Edit> edits;
    for (std::size_t i = 0; i < head; ++i) {
        edits.push_back({Op::keep, i, i});
    }
    myers(a, b, head, a.size() - tail, head, b.size() - tail, edits);
    for (std::size_t i = tail; i > 0; --i) {
        edits.push_back({Op::keep, a.size() - i, b.size() - i});
    }
    return edits;
}

/// "3,4" or "3" for a hunk side; an empty side names the line before it.
std::string range(std::size_t first, std::size_t count)
{
    if (count == 0) {
        return fmt::format("{},0", first);
    }
    if (count == 1) {
        return fmt::format("{}", first + 1);
    }
    return fmt::format("{},{}", first + 1, count);
}

bool looks_binary(std::string_view text)
{
    return std::memchr(text.data(), '\0', std::min<std::size_t>(text.size(), 8000)) != nullptr;
}

} // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, const std::string& old_label,
                         const std::string& new_label, bool color)
{
    if (old_text == new_text) {
        return {};
    }
    auto paint = [&](std::string_view code, const std::string& s) {
        return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
    };
    if (looks_binary(old_text) || looks_binary(new_text)) {
        return fmt::format("Binary files {} and {} differ\n", old_label, new_label);
    }
    const std::vector<std::string_view> a = split_lines(old_text);
    const std::vector<std::string_view> b = split_lines(new_text);
    const std::vector<Edit> edits = diff_lines(a, b);

    constexpr std::size_t k_context = 3;
    std::string out = paint("1", "--- " + old_label) + "\n" + paint("1", "+++ " + new_label) + "\n";
    std::size_t i = 0;
    while (i < edits.size()) {
        // The next change, then every change closer than two contexts to it.
        while (i < edits.size() && edits[i].op == Op::keep) {
            ++i;
        }
        if (i == edits.size()) {
            break;
        }
        const std::size_t start = i >= k_context ? i - k_context : 0;
        std::size_t end = i;
        std::size_t keeps = 0;
        for (std::size_t j = i; j < edits.size(); ++j) {
            if (edits[j].op == Op::keep) {
                if (++keeps > 2 * k_context) {
                    break;
                }
            } else {
                keeps = 0;
                end = j + 1;
            }
        }
        const std::size_t stop = std::min(edits.size(), end + k_context);
        std::size_t old_count = 0;
        std::size_t new_count = 0;
        for (std::size_t j = start; j < stop; ++j) {
            old_count += edits[j].op != Op::insert ? 1U : 0U;
            new_count += edits[j].op != Op::remove ? 1U : 0U;
        }
        const std::size_t old_first = edits[start].old_line;
        const std::size_t new_first = edits[start].new_line;
        out +=
            paint("36", fmt::format("@@ -{} +{} @@", range(old_first, old_count), range(new_first, new_count))) + "\n";
        for (std::size_t j = start; j < stop; ++j) {
            const Edit& e = edits[j];
            const std::string_view line = e.op == Op::insert ? b[e.new_line] : a[e.old_line];
            const char sign = e.op == Op::keep ? ' ' : e.op == Op::remove ? '-' : '+';
            const bool has_newline = !line.empty() && line.back() == '\n';
            std::string text = sign + std::string(line.substr(0, line.size() - (has_newline ? 1 : 0)));
            out += e.op == Op::keep ? text : paint(e.op == Op::remove ? "31" : "32", text);
            out += '\n';
            if (!has_newline) {
                out += "\\ No newline at end of file\n";
            }
        }
        i = stop;
    }
    return out;
}

} // namespace barnplan::cli
