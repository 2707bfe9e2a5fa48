#include "commands.hpp"
#include "plans.hpp"
#include "departments.hpp"

#include <barnplan/diagnostic_output.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/rules.hpp>
#include <barnplan/version.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace barnplan::cli {
namespace {

struct ValidateOptions {
    std::vector<std::string> paths;
    std::string format = "text";
    bool strict = false;
    bool verbose = false;
};

int run_validate(const ValidateOptions& options, const GlobalOptions& global)
{
    const Language lang = tool_language(global);
    Text error;
    const std::optional<Date> today = resolve_today(global, error);
    if (!today) {
        print_error(lang, error);
        return k_exit_usage;
    }
    bool io_error = false;
    std::vector<CheckedFile> files;
    for (const Candidate& c : collect_plan_files(options.paths, lang, io_error)) {
        std::optional<LoadedFile> loaded = load_candidate(c, lang, options.verbose, io_error);
        if (!loaded) {
            continue;
        }
        Language language = lang;
        Diagnostics diagnostics = std::move(loaded->result.diagnostics);
        if (const auto& plan = loaded->result.plan) {
            if (global.lang.empty() && plan->language.ok()) {
                language = plan->language.value;
            }
            Diagnostics found = check_plan(*plan, RuleContext{*today});
            diagnostics.insert(diagnostics.end(), found.begin(), found.end());
        }
        // A joint plan's department files are shown as files of their own.
        for (CheckedFile& f : split_by_file(loaded->path, std::move(loaded->text), loaded->result.sources,
                                            std::move(diagnostics), language)) {
            files.push_back(std::move(f));
        }
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
    if (options.format == "json") {
        print_out(render_json(files, out_options));
    } else if (options.format == "github") {
        print_out(render_github(files, out_options));
    } else {
        print_out(render_text(files, out_options));
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
    sub.add_option("--format,-f", options->format, "Output: text, json or github")
        ->check(CLI::IsMember({"text", "json", "github"}));
    sub.add_flag("--strict", options->strict, "Warnings fail too (exit 1)");
    sub.add_flag("--verbose,-v", options->verbose, "Say so when all is well, and which files were skipped");
    return [options, &global]() {
        if (options->paths.empty()) {
            options->paths.emplace_back(".");
        }
        return run_validate(*options, global);
    };
}

} // namespace barnplan::cli
