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
    std::size_t omitted = 0; ///< too-many-findings only: how many findings it stands for
};

using Diagnostics = std::vector<Diagnostic>;

/// Findings kept per pass over a file (loader, rules). Hostile input can draw
/// millions; past this, they are only counted, so time and memory stay bounded
/// and one "too-many-findings" note says how many were left out.
inline constexpr std::size_t k_max_findings = 1000;

/// The note that `dropped` findings in `file`, from `first` on, were left out.
/// It has no position of its own, so it is listed first, where it is seen.
[[nodiscard]] Diagnostic too_many_findings(const std::string& file, const Position& first, std::size_t dropped);

/// Sorts the findings of one file and keeps the first k_max_findings: the
/// loader's and the rules' notes on what they left out become one note that
/// counts everything not shown.
void cap_findings(Diagnostics& diagnostics);

/// Sorts by file, line, column, then rule id, so output is deterministic.
void sort_diagnostics(Diagnostics& diagnostics);

[[nodiscard]] std::size_t count_severity(const Diagnostics& diagnostics, Severity severity);

} // namespace barnplan
