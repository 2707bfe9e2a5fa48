#pragma once

#include <barnplan/diagnostic.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace barnplan {

/// One checked file: its text (for source excerpts), the language its
/// messages are shown in, and what was found.
struct CheckedFile {
    std::string name;
    std::string text;
    Language language = Language::en;
    Diagnostics diagnostics;
};

struct OutputOptions {
    Language language = Language::en; ///< for the summary line
    bool color = false;
    bool verbose = false;
    bool summary = true; ///< end the text with the "N errors and M warnings" line
    std::string tool_version;
    bool strict = false; ///< warnings fail too: JUnit shows them as failures
};

/// Compiler-style text: location, severity[rule], message, the source line
/// with a caret under the spot, the hint; then a one-line summary. Empty when
/// there is nothing to say and `verbose` is off.
[[nodiscard]] std::string render_text(const std::vector<CheckedFile>& files, const OutputOptions& options);

/// One JSON document with every diagnostic and a summary (format documented in
/// barnplan-validate(1)).
[[nodiscard]] std::string render_json(const std::vector<CheckedFile>& files, const OutputOptions& options);

/// GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped
/// so that plan text cannot start a command of its own.
[[nodiscard]] std::string render_github(const std::vector<CheckedFile>& files, const OutputOptions& options);

/// GitLab Code Quality report: a JSON array of issues with description,
/// check_name, fingerprint, severity (major for errors, minor for warnings)
/// and location.path/lines.begin. The fingerprint is a hash of file, rule,
/// English message and the number of earlier identical findings, not of the
/// line, so it stays the same across runs while the finding stays.
[[nodiscard]] std::string render_gitlab(const std::vector<CheckedFile>& files, const OutputOptions& options);

/// JUnit XML: one <testsuite> per plan, one <testcase> per finding (a
/// <failure> for errors, and for warnings under `strict`), and a passing
/// testcase for a plan without findings.
[[nodiscard]] std::string render_junit(const std::vector<CheckedFile>& files, const OutputOptions& options);

/// SARIF 2.1.0: one run whose tool.driver lists every rule of the catalog,
/// and a result per finding with ruleId, level, message and region (columns
/// in Unicode code points, as the run's columnKind says).
[[nodiscard]] std::string render_sarif(const std::vector<CheckedFile>& files, const OutputOptions& options);

/// A Markdown summary for $GITHUB_STEP_SUMMARY: counts per plan and the
/// findings, with all plan text escaped as inline Markdown.
[[nodiscard]] std::string render_github_summary(const std::vector<CheckedFile>& files, const OutputOptions& options);

/// The names `--format` takes, in the order the help lists them.
[[nodiscard]] const std::vector<std::string>& diagnostic_formats();

/// Renders with the format called `format` (one of diagnostic_formats();
/// anything else renders as text).
[[nodiscard]] std::string render_diagnostics(std::string_view format, const std::vector<CheckedFile>& files,
                                             const OutputOptions& options);

} // namespace barnplan
