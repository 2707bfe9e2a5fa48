#pragma once

#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>
#include <barnplan/yaml_tree.hpp>

#include <optional>
#include <string>
#include <vector>
#include <string_view>

namespace barnplan {

/// A text the loader was given besides the plan: a department file.
struct SourceText {
    std::string name; ///< display name, used in diagnostics
    std::string text;
};

/// What a pattern under `departments:` names: the files, or why there are none.
struct ResolvedSources {
    std::vector<SourceText> files; ///< in a stable order
    Text error;                    ///< non-empty: the pattern could not be used
};

/// Finds the files a plan refers to. The core works on text: the command line
/// implements this (reading files, keeping to the repository), tests use a map.
class SourceResolver {
public:
    virtual ~SourceResolver() = default;
    /// The files `pattern`, as written in the plan, names.
    [[nodiscard]] virtual ResolvedSources resolve(std::string_view pattern) const = 0;
};

struct LoadResult {
    /// True when the text is meant as a barnplan plan (a top-level `barnplan:`
    /// key); directory walks skip other YAML files.
    bool is_plan = false;
    /// The plan as far as it could be read; absent only when the YAML itself
    /// could not be parsed or the top level is not a mapping.
    std::optional<Plan> plan;
    /// Problems with the file as a file: syntax, types, unknown keys, ids.
    Diagnostics diagnostics;
    /// The department files loaded with the plan (for source excerpts).
    std::vector<SourceText> sources;
};

/// Reads a plan from `text`; `file` is only used to name it in diagnostics.
/// With a resolver, the department files the plan lists are loaded into it,
/// and their findings name them. Never throws for bad input.
[[nodiscard]] LoadResult load_plan(std::string_view text, const std::string& file,
                                   const YamlLimits& limits = {}, const SourceResolver* resolver = nullptr);

/// Levenshtein distance, for "did you mean" suggestions.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The nearest of `candidates`, if near enough to be a plausible typo.
[[nodiscard]] std::optional<std::string_view> nearest(std::string_view word,
                                                      const std::vector<std::string_view>& candidates);

/// `s` cut to 40 bytes (on a character boundary) and "…", for quoting a value
/// back in a message.
[[nodiscard]] std::string shorten(std::string_view s);

} // namespace barnplan
