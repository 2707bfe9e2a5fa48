#pragma once

// The project configuration, `.barnplan.yaml`: rule severities, thresholds,
// the default language and which files are plans. Parsed here from text with
// the same positioned YAML reader as plans; finding the file on disk is the
// command line's job.

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>
#include <barnplan/rules.hpp>
#include <barnplan/yaml_tree.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace barnplan {

/// The name of the file the command line looks for.
inline constexpr std::string_view k_config_file_name = ".barnplan.yaml";

/// What a configuration makes of a rule.
enum class RuleSetting { off, warning, error };

/// One entry under `rules:`.
struct RuleOverride {
    std::string rule;
    RuleSetting setting = RuleSetting::error;
    Position position; ///< of the rule id, for messages about it
};

/// Numbers the rules and the report use, with their defaults.
struct Thresholds {
    /// evaluation-deadline-near warns this many days before a deadline.
    int deadline_warning_days = 30;
    /// report: a measurement older than this many days cannot show the state.
    int stale_days = 365;
    /// report: what is due within this many days is "due soon".
    int due_soon_days = 30;
};

struct Config {
    std::string file; ///< display name of the file it came from; empty: the defaults
    std::vector<RuleOverride> rules;
    Thresholds thresholds;
    std::optional<Language> language;
    /// Globs of the files that are plans under a directory, relative to the
    /// configuration's directory; a glob without '/' matches a file name at
    /// any depth. Default: *.yaml and *.yml.
    std::vector<std::string> plans{"*.yaml", "*.yml"};
    std::vector<std::string> exclude; ///< globs of files that are never plans
};

struct ConfigResult {
    Config config;           ///< as far as it could be read; the defaults elsewhere
    Diagnostics diagnostics; ///< every problem, with file:line:column; errors all
};

/// Reads a configuration from `text`; `file` names it in diagnostics. Unknown
/// keys, wrong types, duplicate keys and unknown rule ids are errors with
/// positions (and a suggestion where one is near). Never throws for bad input.
[[nodiscard]] ConfigResult parse_config(std::string_view text, const std::string& file, const YamlLimits& limits = {});

/// The rule ids a configuration may set: every rule of the catalog except the
/// checks of the file itself (a plan that fails those cannot be read as meant).
[[nodiscard]] bool rule_configurable(std::string_view rule);

/// Applies the `rules:` settings: findings of rules set to off are removed,
/// the others take the configured severity. Other findings are unchanged.
void apply_rule_settings(const Config& config, Diagnostics& diagnostics);

/// The rule context for `today` with the configuration's thresholds.
[[nodiscard]] RuleContext rule_context(const Config& config, Date today);

/// Whether `path` ('/'-separated, relative) matches `pattern`: `*` is any run
/// of characters but '/', `?` one character but '/', `**` as a whole segment
/// any number of segments. A pattern without '/' is matched against the last
/// segment of the path.
[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view path);

/// Whether a file at `path` (relative to the configuration's directory, '/'-
/// separated) is a plan by the `plans:` and `exclude:` globs.
[[nodiscard]] bool is_plan_path(const Config& config, std::string_view path);

} // namespace barnplan
