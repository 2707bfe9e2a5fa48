#include "config_file.hpp"

#include <barnplan/diagnostic_output.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace barnplan::cli {
namespace {

namespace fs = std::filesystem;

/// How a configuration file is named in messages: relative to the current
/// directory, as the plans are, so that output does not depend on where the
/// checkout lies.
std::string display_name(const fs::path& file)
{
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec) {
        return file.string();
    }
    const fs::path relative = fs::proximate(file, cwd, ec);
    return ec ? file.string() : relative.generic_string();
}

} // namespace

ConfigFinder::ConfigFinder(const GlobalOptions& global) : m_global(global) {}

const ProjectConfig& ConfigFinder::for_path(const std::string& path)
{
    if (m_global.no_config) {
        return m_defaults;
    }
    if (!m_global.config.empty()) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(m_global.config, ec).lexically_normal();
        return load(ec ? m_global.config : absolute.string(), m_global.config);
    }
    std::error_code ec;
    fs::path dir = fs::absolute(path, ec).lexically_normal();
    if (ec) {
        return m_defaults;
    }
    if (!fs::is_directory(dir, ec)) {
        dir = dir.parent_path();
    }
    if (dir.has_filename() == false && dir != dir.root_path()) {
        dir = dir.parent_path(); // "a/b/" normalizes with an empty last part
    }
    std::vector<std::string> walked;
    const ProjectConfig* found = &m_defaults;
    for (;;) {
        const std::string key = dir.string();
        if (auto it = m_by_dir.find(key); it != m_by_dir.end()) {
            found = it->second;
            break;
        }
        walked.push_back(key);
        const fs::path candidate = dir / k_config_file_name;
        if (fs::is_regular_file(candidate, ec)) {
            found = &load(candidate.string(), display_name(candidate));
            break;
        }
        // The repository root ends the walk: a configuration above it belongs
        // to something else. `.git` is a directory, or a file in a worktree.
        if (fs::exists(dir / ".git", ec)) {
            break;
        }
        const fs::path parent = dir.parent_path();
        if (parent == dir || parent.empty()) {
            break;
        }
        dir = parent;
    }
    for (const std::string& d : walked) {
        m_by_dir[d] = found;
    }
    return *found;
}

const ProjectConfig& ConfigFinder::load(const std::string& absolute_file, const std::string& shown)
{
    if (auto it = m_files.find(absolute_file); it != m_files.end()) {
        return *it->second;
    }
    auto project = std::make_unique<ProjectConfig>();
    project->dir = fs::path(absolute_file).parent_path().string();
    const Language lang = tool_language(m_global);
    const YamlLimits limits;
    std::error_code ec;
    const auto size = fs::file_size(absolute_file, ec);
    ConfigResult result;
    std::string text;
    if (!ec && size > limits.max_bytes) {
        // Refused unread, as a plan would be.
        result.diagnostics.push_back(file_too_large(shown, size, limits.max_bytes));
    } else {
        std::string error;
        std::optional<std::string> read = read_file(absolute_file, error);
        if (!read) {
            print_error(lang, {fmt::format("cannot read the configuration '{}': {}", shown, error),
                               fmt::format("kan inte läsa konfigurationen '{}': {}", shown, error)});
            m_failed = true;
            return *m_files.emplace(absolute_file, std::move(project)).first->second;
        }
        text = std::move(*read);
        result = parse_config(text, shown, limits);
    }
    if (!result.diagnostics.empty()) {
        OutputOptions out;
        out.language = lang;
        out.color = use_color(m_global, stderr);
        out.summary = false;
        const std::string rendered = render_text({CheckedFile{shown, text, lang, result.diagnostics}}, out);
        std::fputs(rendered.c_str(), stderr);
        print_error(lang,
                    {fmt::format("the configuration '{}' is not valid; correct it, or run with --no-config", shown),
                     fmt::format("konfigurationen '{}' är inte giltig; rätta den, eller kör med --no-config", shown)});
        m_failed = true;
    }
    project->config = std::move(result.config);
    project->config.file = shown;
    return *m_files.emplace(absolute_file, std::move(project)).first->second;
}

Language tool_language(const GlobalOptions& global, const Config& config)
{
    if (global.lang.empty() && config.language) {
        return *config.language;
    }
    return tool_language(global);
}

Language plan_language(const GlobalOptions& global, const Config& config, const Plan& plan)
{
    if (global.lang.empty() && !config.language && plan.language.ok()) {
        return plan.language.value;
    }
    return tool_language(global, config);
}

} // namespace barnplan::cli
