#include "commands.hpp"
#include "plans.hpp"
#include "staged.hpp"
#include "departments.hpp"

#include <barnplan/config.hpp>
#include <barnplan/diagnostic_output.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/rules.hpp>
#include <barnplan/version.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace barnplan::cli {
namespace {

struct ValidateOptions {
    std::vector<std::string> paths;
    std::string format; ///< empty: github under GitHub Actions, else text
    bool strict = false;
    bool staged = false; ///< the plans of the next commit, read from git's index
    bool skip_non_plans = false; ///< named files that are not plans are passed over too
    bool verbose = false;
};

/// GitHub Actions sets GITHUB_ACTIONS=true; annotations are then what the
/// user wants to see, without having to say so.
std::string default_format()
{
    const char* actions = std::getenv("GITHUB_ACTIONS");
    return actions != nullptr && std::string_view(actions) == "true" ? "github" : "text";
}

/// Appends the Markdown summary to $GITHUB_STEP_SUMMARY when it is set; false
/// (reported) when the file cannot be written.
bool append_step_summary(const std::string& markdown, Language lang)
{
    const char* path = std::getenv("GITHUB_STEP_SUMMARY");
    if (path == nullptr || *path == '\0') {
        return true;
    }
    const int fd = ::open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    bool ok = fd >= 0 && write_all(fd, markdown);
    int saved = errno;
    if (fd >= 0 && ::close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        print_error(lang, {fmt::format("cannot write the step summary {}: {}", path, std::strerror(saved)),
                           fmt::format("kan inte skriva stegsammanfattningen {}: {}", path, std::strerror(saved))});
    }
    return ok;
}

/// One candidate, loaded and checked.
struct ValidatedFile {
    std::vector<CheckedFile> files; ///< the plan and its department files; none when unreadable or skipped
    std::string messages;            ///< for standard error, printed in file order
    bool io_error = false;
};

/// Loads and checks every candidate, several at once (the core keeps no
/// shared mutable state), and returns the results in the candidates' order so
/// that output is the same as one by one. With `staged`, the candidates'
/// text comes from git's index.
std::vector<ValidatedFile> validate_files(const std::vector<Candidate>& candidates,
                                          const std::vector<const ProjectConfig*>& configs, Language lang, bool verbose,
                                          Date today, const GlobalOptions& global, const StagedPlans* staged)
{
    std::vector<ValidatedFile> results(candidates.size());
    for_each_in_parallel(candidates.size(), [&](std::size_t i) {
        LoadOutcome loaded = staged != nullptr ? staged->load(candidates[i], lang, verbose)
                                               : load_candidate_quietly(candidates[i], lang, verbose);
        ValidatedFile& result = results[i];
        result.messages = std::move(loaded.messages);
        result.io_error = loaded.io_error;
        if (!loaded.file) {
            return;
        }
        const Config& config = configs[i]->config;
        Language language = tool_language(global, config);
        Diagnostics diagnostics = std::move(loaded.file->result.diagnostics);
        if (const auto& plan = loaded.file->result.plan) {
            language = plan_language(global, config, *plan);
            Diagnostics found = check_plan(*plan, rule_context(config, today));
            diagnostics.insert(diagnostics.end(), found.begin(), found.end());
        }
        apply_rule_settings(config, diagnostics);
        // A joint plan's department files are shown as files of their own.
        result.files = split_by_file(loaded.file->path, std::move(loaded.file->text), loaded.file->result.sources,
                                     std::move(diagnostics), language);
    });
    return results;
}

int run_validate(const ValidateOptions& options, const GlobalOptions& global)
{
    ConfigFinder configs(global);
    const ProjectConfig& first = configs.for_path(options.paths.front());
    const Language lang = tool_language(global, first.config);
    if (configs.failed()) {
        return k_exit_usage;
    }
    Text error;
    const std::optional<Date> today = resolve_today(global, error);
    if (!today) {
        print_error(lang, error);
        return k_exit_usage;
    }
    bool io_error = false;
    std::vector<CheckedFile> files;
    const StagedPlans staged = options.staged ? StagedPlans(options.paths, lang, io_error) : StagedPlans();
    std::vector<Candidate> candidates =
        options.staged ? staged.candidates() : collect_plan_files(options.paths, lang, io_error, &configs);
    std::vector<const ProjectConfig*> candidate_configs;
    for (Candidate& c : candidates) {
        c.explicit_file = c.explicit_file && !options.skip_non_plans;
        candidate_configs.push_back(&configs.for_path(c.path));
    }
    // A wrong configuration is a usage error: nothing is checked under it.
    if (configs.failed()) {
        return k_exit_usage;
    }
    for (ValidatedFile& v : validate_files(candidates, candidate_configs, lang, options.verbose, *today, global,
                                           options.staged ? &staged : nullptr)) {
        std::fputs(v.messages.c_str(), stderr);
        io_error = io_error || v.io_error;
        for (CheckedFile& f : v.files) {
            files.push_back(std::move(f));
        }
    }
    if (files.empty() && !io_error && (options.staged || options.skip_non_plans)) {
        // A commit that changes no plan has nothing to check.
        if (options.verbose) {
            std::fputs(lang == Language::sv ? "inga planer att kontrollera\n" : "no plans to check\n", stderr);
        }
        return k_exit_clean;
    }
    if (files.empty() && !io_error) {
        print_error(lang, {"no barnplan plans found (a plan is a .yaml file with a 'barnplan:' key)",
                           "inga barnplan-planer hittades (en plan är en .yaml-fil med nyckeln 'barnplan:')"});
        return k_exit_usage;
    }
    OutputOptions out_options;
    // The summary speaks the plans' language when they agree.
    out_options.language = lang;
    if (global.lang.empty() && !files.empty() &&
        std::all_of(files.begin(), files.end(), [&](const CheckedFile& f) { return f.language == files[0].language; })) {
        out_options.language = files[0].language;
    }
    out_options.color = use_color(global, stdout);
    out_options.verbose = options.verbose;
    out_options.tool_version = std::string(k_version);
    out_options.strict = options.strict;
    const std::string format = options.format.empty() ? default_format() : options.format;
    print_out(render_diagnostics(format, files, out_options));
    if (format == "github" && !append_step_summary(render_github_summary(files, out_options), lang)) {
        io_error = true;
    }
    if (io_error) {
        return k_exit_usage;
    }
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const CheckedFile& f : files) {
        errors += count_severity(f.diagnostics, Severity::error);
        warnings += count_severity(f.diagnostics, Severity::warning);
    }
    if (errors > 0 || (options.strict && warnings > 0)) {
        return k_exit_findings;
    }
    return k_exit_clean;
}

} // namespace

Runner setup_validate(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<ValidateOptions>();
    sub.add_option("paths", options->paths, "Plan files or directories (default: the current directory)");
    sub.add_option("--format,-f", options->format,
                   "Output: text, json, github, gitlab (Code Quality), junit or sarif "
                   "(default: github when GITHUB_ACTIONS=true, else text)")
        ->check(CLI::IsMember(diagnostic_formats()));
    sub.add_flag("--strict", options->strict, "Warnings fail too (exit 1)");
    sub.add_flag("--staged", options->staged,
                 "Check the plans the next commit adds or changes, as staged in git's index (for a pre-commit hook)");
    sub.add_flag("--skip-non-plans", options->skip_non_plans,
                 "Pass over named YAML files that are not plans, and find no plans without error (for pre-commit)");
    sub.add_flag("--verbose,-v", options->verbose, "Say so when all is well, and which files were skipped");
    return [options, &global]() {
        if (options->paths.empty()) {
            options->paths.emplace_back(".");
        }
        return run_validate(*options, global);
    };
}

} // namespace barnplan::cli
