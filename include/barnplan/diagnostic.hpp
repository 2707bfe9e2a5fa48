#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace barnplan {

/// A place in a source text. Lines and columns are 1-based; the column counts
/// Unicode code points, so carets line up under å, ä and ö. `offset` is the
/// byte offset into the original text (BOM included) for the edit engine.
struct Position {
    std::size_t line = 0;   ///< 0 means "no position" (e.g. a whole-file problem)
    std::size_t column = 0;
    std::size_t offset = 0;
    std::size_t length = 0; ///< bytes of the token at this position, for underlining

    [[nodiscard]] bool known() const { return line != 0; }
};

enum class Severity { warning, error };

/// User-visible text in every language barnplan speaks.
struct Text {
    std::string en;
    std::string sv;
};

enum class Language { en, sv };

/// Picks the text for `lang`, falling back to English.
[[nodiscard]] const std::string& localized(const Text& text, Language lang);

/// One finding: a rule id, where, what and how to fix it.
struct Diagnostic {
    std::string rule;      ///< stable id, e.g. "meter-time-bound"
    Severity severity = Severity::error;
    std::string file;      ///< display name of the source
    Position position;
    Text message;
    Text hint;             ///< may be empty
    Position related;      ///< a second place (e.g. the first of two duplicate keys)
};

using Diagnostics = std::vector<Diagnostic>;

/// Sorts by file, line, column, then rule id, so output is deterministic.
void sort_diagnostics(Diagnostics& diagnostics);

[[nodiscard]] std::size_t count_severity(const Diagnostics& diagnostics, Severity severity);

} // namespace barnplan
