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
    std::string tool_version;
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

} // namespace barnplan
