#pragma once

// A plain line diff, for the git diff driver when a file is not a plan: git
// hands the driver the whole job, so it must still show something useful.

#include <string>
#include <string_view>

namespace barnplan::cli {

/// The lines from `old_text` to `new_text` as a unified diff with three lines
/// of context (Myers' algorithm, like `diff -u`): the `---`/`+++` labels, then
/// the hunks. Empty when the texts are equal; one "Binary files … differ"
/// line when either holds a NUL byte.
[[nodiscard]] std::string unified_diff(std::string_view old_text, std::string_view new_text,
                                       const std::string& old_label, const std::string& new_label, bool color);

} // namespace barnplan::cli
