#pragma once

// Finding `.barnplan.yaml` on disk: the walk up from a plan's directory to the
// repository root, --config and --no-config. The parsing is the core's
// (barnplan/config.hpp).

#include "context.hpp"

#include <barnplan/config.hpp>
#include <barnplan/plan.hpp>

#include <map>
#include <memory>
#include <string>

namespace barnplan::cli {

/// A configuration and where its globs are rooted.
struct ProjectConfig {
    Config config;   ///< the defaults when no file applies
    std::string dir; ///< absolute directory of the file; empty for the defaults
};

/// Finds and reads the configuration that applies to each path, once per
/// directory. A configuration with errors is reported on stderr (with source
/// excerpts) the first time it is met, and failed() is then true: the command
/// is to stop with exit status 2 before it does anything.
class ConfigFinder {
public:
    explicit ConfigFinder(const GlobalOptions& global);

    /// The configuration for a plan file (walked up from its directory) or a
    /// directory (walked up from itself); --config overrides, --no-config
    /// gives the defaults.
    [[nodiscard]] const ProjectConfig& for_path(const std::string& path);

    /// Whether a configuration met so far could not be read or had errors.
    [[nodiscard]] bool failed() const { return m_failed; }

private:
    const ProjectConfig& load(const std::string& absolute_file, const std::string& shown);

    const GlobalOptions& m_global;
    ProjectConfig m_defaults;
    std::map<std::string, const ProjectConfig*> m_by_dir;          ///< absolute directory → its config
    std::map<std::string, std::unique_ptr<ProjectConfig>> m_files; ///< absolute file → parsed
    bool m_failed = false;
};

/// The language for messages that belong to no plan: --lang, else the
/// configuration's, else the environment's.
[[nodiscard]] Language tool_language(const GlobalOptions& global, const Config& config);

/// The language to speak about a plan in: --lang, the configuration's, the
/// plan's, then the environment's.
[[nodiscard]] Language plan_language(const GlobalOptions& global, const Config& config, const Plan& plan);

} // namespace barnplan::cli
