#pragma once

// What `record` and `advance` share at the edge of the program: reading the
// plan once, showing why an edit was refused, and writing the edited text
// safely (or only showing it, with --dry-run).

#include "context.hpp"

#include <barnplan/config.hpp>
#include <barnplan/diagnostic.hpp>

#include <optional>
#include <string>

namespace barnplan::cli {

/// A plan file as it was read, to compare against before writing.
struct PlanFile {
    std::string path;
    std::string text;
};

/// Reads `path`; nullopt (reported on stderr) when it cannot be read.
[[nodiscard]] std::optional<PlanFile> read_plan_file(const std::string& path, Language lang);

/// The language to speak about a plan in: --lang, else the configuration's,
/// else the plan's, else the environment's.
[[nodiscard]] Language plan_language(const PlanFile& file, const GlobalOptions& global, const Config& config);

/// Prints diagnostics about `file` on stderr, with source excerpts.
void print_problems(const PlanFile& file, const Diagnostics& diagnostics, Language lang, const GlobalOptions& global);

/// Writes `new_text` over the file, unless it changed on disk since it was
/// read; with `dry_run` prints the change as a unified diff instead. Prints
/// `summary` on success and returns the exit status.
[[nodiscard]] int write_edit(const PlanFile& file, const std::string& new_text, bool dry_run, const Text& summary,
                             Language lang, const GlobalOptions& global);

} // namespace barnplan::cli
