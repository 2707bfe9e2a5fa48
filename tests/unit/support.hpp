#pragma once

// Helpers shared by the unit tests: load text, list the rule ids found, edit a
// plan text in one place. Plans are written as string literals in the tests.

#include <barnplan/diagnostic.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/rules.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace barnplan::test {

inline const std::string k_file = "plan.yaml";

/// The rule ids of `diagnostics`, in order.
inline std::vector<std::string> rule_ids(const Diagnostics& diagnostics)
{
    std::vector<std::string> ids;
    ids.reserve(diagnostics.size());
    for (const Diagnostic& d : diagnostics) {
        ids.push_back(d.rule);
    }
    return ids;
}

/// The ids joined with spaces, for INFO messages and readable comparisons.
inline std::string joined_ids(const Diagnostics& diagnostics)
{
    std::string out;
    for (const Diagnostic& d : diagnostics) {
        out += (out.empty() ? "" : " ") + d.rule;
    }
    return out.empty() ? std::string("(none)") : out;
}

/// Every diagnostic with the rule id, message and position, for INFO.
inline std::string describe(const Diagnostics& diagnostics)
{
    std::ostringstream out;
    for (const Diagnostic& d : diagnostics) {
        out << d.position.line << ':' << d.position.column << ' ' << d.rule << ": " << d.message.en << '\n';
    }
    return out.str();
}

inline std::size_t count_rule(const Diagnostics& diagnostics, std::string_view rule)
{
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.rule == rule; }));
}

inline bool has_rule(const Diagnostics& diagnostics, std::string_view rule)
{
    return count_rule(diagnostics, rule) > 0;
}

/// The first diagnostic with `rule`, or nullptr.
inline const Diagnostic* find_diagnostic(const Diagnostics& diagnostics, std::string_view rule)
{
    auto it = std::find_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.rule == rule; });
    return it == diagnostics.end() ? nullptr : &*it;
}

/// The 1-based line and the code-point column of the first occurrence of `token` in `text`.
struct LineColumn {
    std::size_t line = 0;
    std::size_t column = 0;
    std::size_t offset = 0;
};

inline LineColumn locate(std::string_view text, std::string_view token, std::size_t from = 0)
{
    const std::size_t offset = text.find(token, from);
    REQUIRE_MESSAGE(offset != std::string_view::npos, "test text lacks: " << std::string(token));
    LineColumn out;
    out.offset = offset;
    out.line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++out.line;
            line_start = i + 1;
        }
    }
    out.column = 1;
    for (std::size_t i = line_start; i < offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
            ++out.column;
        }
    }
    return out;
}

/// `text` with the one occurrence of `from` replaced by `to`; fails the test
/// when `from` is missing or ambiguous, so an edit can never silently miss.
inline std::string with(std::string text, std::string_view from, std::string_view to)
{
    const std::size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "test text lacks: " << std::string(from));
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "test text has twice: " << std::string(from));
    text.replace(at, from.size(), to);
    return text;
}

/// `text` with every occurrence of `from` replaced by `to`.
inline std::string replace_all(std::string text, std::string_view from, std::string_view to)
{
    std::size_t at = 0;
    while ((at = text.find(from, at)) != std::string::npos) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
    return text;
}

/// Every diagnostic has an id from the catalog and a message in both languages.
inline void check_well_formed(const Diagnostics& diagnostics)
{
    for (const Diagnostic& d : diagnostics) {
        INFO("rule: " << d.rule << ", message: " << d.message.en);
        CHECK(find_rule(d.rule) != nullptr);
        CHECK_FALSE(d.message.en.empty());
        CHECK_FALSE(d.message.sv.empty());
    }
}

/// Loads `text` and checks that whatever the loader reports is well formed.
inline LoadResult load(std::string_view text, const YamlLimits& limits = {})
{
    LoadResult result = load_plan(text, k_file, limits);
    check_well_formed(result.diagnostics);
    return result;
}

/// The loader's findings for `text`.
inline Diagnostics loader_findings(std::string_view text)
{
    return load(text).diagnostics;
}

/// The rule findings for `text`, which must load without loader findings so
/// that a rule test never passes or fails for a reason of the file format.
inline Diagnostics rule_findings(std::string_view text, const Date& today)
{
    const LoadResult loaded = load(text);
    INFO("loader findings:\n" << describe(loaded.diagnostics));
    CHECK(loaded.diagnostics.empty());
    REQUIRE(loaded.plan.has_value());
    Diagnostics found = check_plan(*loaded.plan, RuleContext{today});
    check_well_formed(found);
    return found;
}

/// An example plan from examples/, read from the source tree.
inline std::string read_example(std::string_view name)
{
    const std::string path = std::string(BARNPLAN_SOURCE_DIR) + "/examples/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

} // namespace barnplan::test
