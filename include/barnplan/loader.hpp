#pragma once

#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>
#include <barnplan/yaml_tree.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace barnplan {

struct LoadResult {
    /// True when the text is meant as a barnplan plan (a top-level `barnplan:`
    /// key); directory walks skip other YAML files.
    bool is_plan = false;
    /// The plan as far as it could be read; absent only when the YAML itself
    /// could not be parsed or the top level is not a mapping.
    std::optional<Plan> plan;
    /// Problems with the file as a file: syntax, types, unknown keys, ids.
    Diagnostics diagnostics;
};

/// Reads a plan from `text`; `file` is only used to name it in diagnostics.
/// Never throws for bad input.
[[nodiscard]] LoadResult load_plan(std::string_view text, const std::string& file,
                                   const YamlLimits& limits = {});

/// Levenshtein distance, for "did you mean" suggestions.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace barnplan
