#pragma once

// What every subcommand shares: the global options and the edge of the
// program where files are read and text is printed.

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>

#include <cstdio>
#include <optional>
#include <string>

namespace barnplan::cli {

inline constexpr int k_exit_clean = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_usage = 2;

struct GlobalOptions {
    std::string lang;           ///< "", "sv" or "en"
    std::string color = "auto"; ///< auto, always, never
    std::string today;          ///< YYYY-MM-DD or ""
    std::string config;         ///< --config FILE: this configuration, not the one found
    bool no_config = false;     ///< --no-config: the defaults, no file read
};

/// The language for messages that belong to no plan: --lang, else the
/// environment (LC_ALL, LC_MESSAGES, LANG), else English.
[[nodiscard]] Language tool_language(const GlobalOptions& global);

/// "Now": --today, else SOURCE_DATE_EPOCH, else the system clock (local date).
/// nullopt with `error` set when a given value is not a date.
[[nodiscard]] std::optional<Date> resolve_today(const GlobalOptions& global, Text& error);

/// Whether to colour output written to `stream`.
[[nodiscard]] bool use_color(const GlobalOptions& global, std::FILE* stream);

/// Prints "barnplan: error: …" (or the Swedish) on standard error.
void print_error(Language lang, const Text& message);

/// The line print_error prints, with its newline.
[[nodiscard]] std::string error_line(Language lang, const Text& message);

/// Reads a whole file; nullopt with `error` set (from errno) on failure.
[[nodiscard]] std::optional<std::string> read_file(const std::string& path, std::string& error);

/// Writes `text` to standard output exactly.
void print_out(const std::string& text);

} // namespace barnplan::cli
